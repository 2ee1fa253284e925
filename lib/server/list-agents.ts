import { and, asc, eq, inArray } from "drizzle-orm";
import { agentProfiles, teamMembers, teams, users } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { Ctx } from "./context";

export type AgentRow = { externalId: string; name: string; email: string; active: boolean; teams: { id: string; name: string }[] };

/**
 * The agent directory: external ids integrations send events with. API keys with kpis:read, HR and admins see every
 * agent; managers see the agents of their own teams.
 */
export async function listAgents(ctx: Ctx, filter: { externalId?: string } = {}): Promise<AgentRow[]> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "agents.view", { orgId });
  const actor = ctx.actor;
  const conds = [eq(agentProfiles.orgId, orgId)];
  if (filter.externalId !== undefined) conds.push(eq(agentProfiles.externalId, filter.externalId));
  if (actor.kind === "user" && actor.role === "manager") {
    if (actor.managedTeamIds.length === 0) return [];
    const inMyTeams = ctx.db
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.orgId, orgId), inArray(teamMembers.teamId, actor.managedTeamIds)));
    conds.push(inArray(agentProfiles.userId, inMyTeams));
  }
  const rows = await ctx.db
    .select({ userId: users.id, externalId: agentProfiles.externalId, name: users.name, email: users.email, active: users.active })
    .from(agentProfiles)
    .innerJoin(users, eq(users.id, agentProfiles.userId))
    .where(and(...conds))
    .orderBy(asc(users.name), asc(agentProfiles.externalId));
  const memberships = rows.length
    ? await ctx.db
        .select({ userId: teamMembers.userId, id: teams.id, name: teams.name })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.role, "agent")))
    : [];
  return rows.map((r) => ({
    externalId: r.externalId,
    name: r.name,
    email: r.email,
    active: r.active,
    teams: memberships.filter((m) => m.userId === r.userId).map((m) => ({ id: m.id, name: m.name })),
  }));
}
