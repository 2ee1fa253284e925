import { findTeam, listTeamMembers } from "@/db/queries/teams";
import { can, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { uuidSchema } from "@/lib/schemas/common";
import type { Ctx } from "./context";

/** A team with its members: admins and HR, or the team's own managers. */
export async function getTeam(ctx: Ctx, teamId: string) {
  const orgId = orgOf(ctx.actor);
  const actor = ctx.actor;
  if (!uuidSchema.safeParse(teamId).success) throw new NotFoundError("Team not found");
  // Managers through the policy (their own teams only), so a demoted manager loses access on the next request.
  const allowed =
    can(actor, "users.read", { orgId }) ||
    can(actor, "org.admin", { orgId }) ||
    (actor.kind === "user" && actor.role === "manager" && can(actor, "agents.view", { orgId, teamIds: [teamId] }));
  const team = allowed ? await findTeam(ctx.db, orgId, teamId) : undefined;
  // Not allowed and not found look the same, so team ids of other organizations reveal nothing.
  if (!team) throw new NotFoundError("Team not found");
  return { ...team, members: await listTeamMembers(ctx.db, orgId, team.id) };
}
