import { createHash, randomBytes } from "node:crypto";
import { apiKeys } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/schemas/api-keys";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

export const API_KEY_PREFIX = "pdm_";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Returns the key in clear exactly once; only its SHA-256 is stored. */
export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput, opts: { orgId?: string } = {}) {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(createApiKeySchema, input);
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        orgId,
        name: data.name,
        prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        hash: hashApiKey(key),
        scopes: data.scopes,
        createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, ctx.actor, { orgId, action: "apikey.create", targetType: "api_key", targetId: row.id, after: { name: row.name, scopes: row.scopes, prefix: row.prefix } });
    return { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, key };
  });
}
