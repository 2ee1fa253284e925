import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ApiKeyActor } from "@/lib/auth/actor";
import { UnauthorizedError } from "@/lib/errors";
import { apiKeyCacheOf, type CachedKey } from "@/lib/realtime/api-key-cache";
import { API_KEY_PREFIX, hashApiKey } from "./create-api-key";

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * `Authorization: Bearer <key>` → the key's actor, or 401 for a missing, malformed, unknown or revoked key. In a running
 * server a key authenticated in the last 30 s comes from the in-process key cache (lib/realtime/api-key-cache) without
 * a query; revoking a key drops it there at once, on every instance.
 */
export async function authenticateApiKey(db: Db, authorization: string | null, now: Date = new Date()): Promise<ApiKeyActor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const key = match?.[1];
  if (!key || !key.startsWith(API_KEY_PREFIX)) throw new UnauthorizedError("A valid API key is required (Authorization: Bearer <key>)");
  const hash = hashApiKey(key);
  const cache = apiKeyCacheOf(db);
  const cached = cache?.get(hash) ?? (await loadKey(db, hash, cache));
  await touch(db, cached, now);
  return cached.actor;
}

/** The key from the database (cached when the cache is on), or 401. */
async function loadKey(db: Db, hash: string, cache: ReturnType<typeof apiKeyCacheOf>): Promise<CachedKey> {
  const generation = cache?.generation ?? 0; // taken before the read: see ApiKeyCache.store
  const [row] = await db
    .select({ id: apiKeys.id, orgId: apiKeys.orgId, name: apiKeys.name, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)));
  if (!row) throw new UnauthorizedError("This API key is unknown or has been revoked");
  const key: CachedKey = { actor: actorOf(row), lastUsedAt: row.lastUsedAt };
  return cache ? cache.store(hash, key, generation) : key;
}

/**
 * "Last used" is shown to the minute: writing it on every call would make concurrent calls of one key queue up on its
 * row (and cost a commit each), so it is refreshed at most once a minute. The cached entry remembers the write, so
 * concurrent calls of this process write once; the condition makes another instance's write of the same minute a no-op.
 */
async function touch(db: Db, key: CachedKey, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (key.lastUsedAt && key.lastUsedAt >= staleBefore) return;
  key.lastUsedAt = now;
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, key.actor.keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
}

const actorOf = (row: { id: string; orgId: string; name: string; scopes: ApiKeyActor["scopes"] }): ApiKeyActor => ({
  kind: "api_key",
  orgId: row.orgId,
  keyId: row.id,
  name: row.name,
  scopes: row.scopes,
});
