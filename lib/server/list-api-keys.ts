import { desc, eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { Ctx } from "./context";

/** Key metadata only: the secret is never readable after creation. */
export async function listApiKeys(ctx: Ctx) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  return ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(desc(apiKeys.createdAt));
}
