import { and, eq, isNull } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { announceRevocation } from "@/lib/realtime/changes";
import { uuidSchema } from "@/lib/schemas/common";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";

/**
 * A revoked key is refused (401) from the next request on, on every instance: once the revocation is committed, the
 * servers' key caches drop it (this one at once, the others through NOTIFY; lib/realtime/api-key-cache.ts). Revoking
 * twice is a 404: nothing left to revoke.
 */
export async function revokeApiKey(ctx: Ctx, input: { keyId: string }) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const keyId = parseInput(uuidSchema, input.keyId, "keyId");
  const revoked = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: nowOf(ctx) })
      .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw new NotFoundError("API key not found or already revoked");
    await recordAudit(tx, ctx.actor, { orgId, action: "apikey.revoke", targetType: "api_key", targetId: row.id, before: { name: row.name, scopes: row.scopes } });
    return { id: row.id };
  });
  announceRevocation(ctx.db, revoked.id);
  return revoked;
}
