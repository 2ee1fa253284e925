import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ApiKeyActor } from "@/lib/auth/actor";
import { UnauthorizedError } from "@/lib/errors";
import { API_KEY_PREFIX, hashApiKey } from "./create-api-key";

const LAST_USED_RESOLUTION_MS = 60_000;

/** `Authorization: Bearer <key>` → the key's actor, or 401 for a missing, malformed, unknown or revoked key. */
export async function authenticateApiKey(db: Db, authorization: string | null, now: Date = new Date()): Promise<ApiKeyActor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const key = match?.[1];
  if (!key || !key.startsWith(API_KEY_PREFIX)) throw new UnauthorizedError("A valid API key is required (Authorization: Bearer <key>)");
  const hash = hashApiKey(key);
  const [row] = await db
    .select({ id: apiKeys.id, orgId: apiKeys.orgId, name: apiKeys.name, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)));
  if (!row) throw new UnauthorizedError("This API key is unknown or has been revoked");
  // "Last used" is shown to the minute: writing it on every call would make concurrent calls of one key queue up on
  // its row (and cost a commit each), so it is refreshed at most once a minute.
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (row.lastUsedAt && row.lastUsedAt >= staleBefore) return actorOf(row);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
  return actorOf(row);
}

const actorOf = (row: { id: string; orgId: string; name: string; scopes: ApiKeyActor["scopes"] }): ApiKeyActor => ({
  kind: "api_key",
  orgId: row.orgId,
  keyId: row.id,
  name: row.name,
  scopes: row.scopes,
});
