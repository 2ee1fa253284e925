import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { teamMembers, teams, users, type Team } from "../schema";

export async function findTeam(q: Queryable, orgId: string, teamId: string): Promise<Team | undefined> {
  const [row] = await q.select().from(teams).where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
  return row;
}

export async function findTeamByName(q: Queryable, orgId: string, name: string): Promise<Team | undefined> {
  const [row] = await q
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), sql`lower(${teams.name}) = ${name.trim().toLowerCase()}`));
  return row;
}

export type TeamListRow = Team & { agents: number; managers: number };

export async function listTeams(q: Queryable, orgId: string, onlyIds?: string[]): Promise<TeamListRow[]> {
  const conds = [eq(teams.orgId, orgId)];
  if (onlyIds) {
    if (onlyIds.length === 0) return [];
    conds.push(inArray(teams.id, onlyIds));
  }
  const rows = await q.select().from(teams).where(and(...conds)).orderBy(asc(teams.name));
  const counts = await q
    .select({ teamId: teamMembers.teamId, role: teamMembers.role, n: count() })
    .from(teamMembers)
    .where(eq(teamMembers.orgId, orgId))
    .groupBy(teamMembers.teamId, teamMembers.role);
  return rows.map((t) => ({
    ...t,
    agents: Number(counts.find((c) => c.teamId === t.id && c.role === "agent")?.n ?? 0),
    managers: Number(counts.find((c) => c.teamId === t.id && c.role === "manager")?.n ?? 0),
  }));
}

export type TeamMemberRow = { userId: string; name: string; email: string; role: "agent" | "manager"; active: boolean };

export async function listTeamMembers(q: Queryable, orgId: string, teamId: string): Promise<TeamMemberRow[]> {
  return q
    .select({ userId: users.id, name: users.name, email: users.email, role: teamMembers.role, active: users.active })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId)))
    .orderBy(asc(teamMembers.role), asc(users.name));
}

/** The names of the teams each agent belongs to (as an agent), per user id: the payroll export's team column. */
export async function teamNamesByAgent(q: Queryable, orgId: string): Promise<Map<string, string[]>> {
  const rows = await q
    .select({ userId: teamMembers.userId, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.role, "agent")))
    .orderBy(asc(teams.name));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.name]);
  return out;
}
