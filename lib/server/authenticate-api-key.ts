import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ApiKeyActor } from "@/lib/auth/actor";
import { UnauthorizedError } from "@/lib/errors";
import { API_KEY_PREFIX, hashApiKey } from "./create-api-key";

/** `Authorization: Bearer <key>` → the key's actor, or 401 for a missing, malformed, unknown or revoked key. */
export async function authenticateApiKey(db: Db, authorization: string | null, now: Date = new Date()): Promise<ApiKeyActor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const key = match?.[1];
  if (!key || !key.startsWith(API_KEY_PREFIX)) throw new UnauthorizedError("A valid API key is required (Authorization: Bearer <key>)");
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.hash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, orgId: apiKeys.orgId, name: apiKeys.name, scopes: apiKeys.scopes });
  if (!row) throw new UnauthorizedError("This API key is unknown or has been revoked");
  return { kind: "api_key", orgId: row.orgId, keyId: row.id, name: row.name, scopes: row.scopes };
}
