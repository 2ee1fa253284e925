import { listTeams as queryTeams } from "@/db/queries/teams";
import { can, orgOf } from "@/lib/auth/policy";
import type { Ctx } from "./context";

/** Admins and HR see every team; managers and agents the teams they belong to. */
export async function listTeams(ctx: Ctx) {
  const orgId = orgOf(ctx.actor);
  const actor = ctx.actor;
  if (can(actor, "users.read", { orgId }) || can(actor, "org.admin", { orgId })) return queryTeams(ctx.db, orgId);
  if (actor.kind === "user") return queryTeams(ctx.db, orgId, [...actor.managedTeamIds, ...actor.memberTeamIds]);
  return [];
}
