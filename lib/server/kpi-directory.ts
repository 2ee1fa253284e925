import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { agentProfiles, teamMembers, teams, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";

/**
 * The agents KPIs are grouped by, and how event identities map to them. Events carry the identity as sent (an
 * externalId, or an email in any case); an identity counts for an agent as soon as the agent exists, without re-send.
 */
export type DirectoryAgent = { userId: string; externalId: string; email: string; name: string; active: boolean; teamIds: string[] };
export type Directory = {
  agents: DirectoryAgent[];
  teams: Array<{ id: string; name: string }>;
  /** The agent an identity belongs to: an exact externalId first, otherwise the email, ignoring case. */
  agentFor: (ref: string) => DirectoryAgent | undefined;
};

export async function loadDirectory(q: Queryable, orgId: string): Promise<Directory> {
  const [rows, memberships, teamRows] = await Promise.all([
    q
      .select({ userId: users.id, externalId: agentProfiles.externalId, email: users.email, name: users.name, active: users.active })
      .from(agentProfiles)
      .innerJoin(users, eq(users.id, agentProfiles.userId))
      .where(eq(agentProfiles.orgId, orgId)),
    q
      .select({ userId: teamMembers.userId, teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.role, "agent"))),
    q.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.orgId, orgId)),
  ]);
  const teamsOf = new Map<string, string[]>();
  for (const m of memberships) {
    const list = teamsOf.get(m.userId);
    if (list) list.push(m.teamId);
    else teamsOf.set(m.userId, [m.teamId]);
  }
  // By name ignoring case, then external id. A plain comparison of precomputed keys: Intl.Collator would be kinder to
  // accents but costs ~50 ms per 10,000 agents on every KPI query.
  const agents = rows.map((r) => ({ ...r, teamIds: teamsOf.get(r.userId) ?? [] }));
  const key = new Map(agents.map((a) => [a, a.name.toLowerCase()]));
  agents.sort((a, b) => {
    const x = key.get(a)!;
    const y = key.get(b)!;
    return x < y ? -1 : x > y ? 1 : a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0;
  });
  const byExternal = new Map(agents.map((a) => [a.externalId, a]));
  const byEmail = new Map(agents.map((a) => [a.email.toLowerCase(), a]));
  return {
    agents,
    teams: teamRows.sort((a, b) => a.name.localeCompare(b.name)),
    agentFor: (ref) => byExternal.get(ref) ?? byEmail.get(ref.toLowerCase()),
  };
}

/**
 * Which agents' KPIs an actor may read (SPEC §9): keys with kpis:read, HR and admins every agent; managers the agents
 * of the teams they manage and themselves; agents only themselves. `all` means no restriction at all, which also lets
 * queue and organization totals include events attributed to no agent.
 */
export function visibleAgents(actor: Actor, orgId: string, directory: Directory): { all: true } | { all: false; agents: DirectoryAgent[] } {
  if (actor.kind !== "user") return { all: true };
  if (actor.role === "hr" || actor.role === "admin") return { all: true };
  const agents = directory.agents.filter(
    (a) => a.userId === actor.userId || (actor.role === "manager" && can(actor, "agents.view", { orgId, teamIds: a.teamIds })),
  );
  return { all: false, agents };
}
