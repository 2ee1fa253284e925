import { listUsers as queryUsers } from "@/db/queries/users";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { Ctx } from "./context";

/** Everyone in the organization, with role, external id and teams. Admins and HR. */
export async function listUsers(ctx: Ctx) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "users.read", { orgId });
  return queryUsers(ctx.db, orgId);
}
