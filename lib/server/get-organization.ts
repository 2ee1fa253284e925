import { findOrganization } from "@/db/queries/orgs";
import { orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import type { Ctx } from "./context";

/** The actor's own organization (every member may read its settings: timezone, currency, locale). */
export async function getOrganization(ctx: Ctx, orgId?: string) {
  const org = await findOrganization(ctx.db, orgOf(ctx.actor, orgId));
  if (!org) throw new NotFoundError("Organization not found");
  return org;
}
