import { organizations } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { createOrganizationSchema, type CreateOrganizationInput } from "@/lib/schemas/org";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

/** New tenant. Only the operator (CLI, seed) creates organizations: a deployment's users never can. */
export async function createOrganization(ctx: Ctx, input: CreateOrganizationInput) {
  if (ctx.actor.kind !== "system") throw new ForbiddenError("Organizations are created by the operator (npx podium org create)");
  const data = parseInput(createOrganizationSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values(data).returning();
    if (!org) throw new Error("insert returned no row");
    await recordAudit(tx, ctx.actor, { orgId: org.id, action: "org.create", targetType: "organization", targetId: org.id, after: data });
    return org;
  });
}
