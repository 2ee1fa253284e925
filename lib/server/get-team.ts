import { findTeam, listTeamMembers } from "@/db/queries/teams";
import { can, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import type { Ctx } from "./context";

/** A team with its members: admins and HR, or the team's own managers. */
export async function getTeam(ctx: Ctx, teamId: string) {
  const orgId = orgOf(ctx.actor);
  const actor = ctx.actor;
  const allowed =
    can(actor, "users.read", { orgId }) ||
    can(actor, "org.admin", { orgId }) ||
    (actor.kind === "user" && actor.managedTeamIds.includes(teamId));
  const team = allowed ? await findTeam(ctx.db, orgId, teamId) : undefined;
  // Not allowed and not found look the same, so team ids of other organizations reveal nothing.
  if (!team) throw new NotFoundError("Team not found");
  return { ...team, members: await listTeamMembers(ctx.db, orgId, team.id) };
}
