import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { agentProfiles, teamMembers, teams, users, type User } from "../schema";

/** Org-scoped user reads. Every function takes the organization id; none can reach another organization's rows. */

export async function findUser(q: Queryable, orgId: string, userId: string): Promise<User | undefined> {
  const [row] = await q.select().from(users).where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row;
}

/** Sign-in lookup across the deployment: emails are unique, and the row tells which organization. */
export async function findUserByEmailAnyOrg(q: Queryable, email: string): Promise<User | undefined> {
  const [row] = await q.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

export async function findUserByIdAnyOrg(q: Queryable, userId: string): Promise<User | undefined> {
  const [row] = await q.select().from(users).where(eq(users.id, userId));
  return row;
}

export type UserListRow = Pick<User, "id" | "name" | "email" | "role" | "active" | "locale" | "createdAt"> & {
  externalId: string | null;
  teams: { id: string; name: string; role: "agent" | "manager" }[];
};

export async function listUsers(
  q: Queryable,
  orgId: string,
  filter: { userIds?: string[]; role?: User["role"] } = {},
): Promise<UserListRow[]> {
  const conds = [eq(users.orgId, orgId)];
  if (filter.userIds) {
    if (filter.userIds.length === 0) return [];
    conds.push(inArray(users.id, filter.userIds));
  }
  if (filter.role) conds.push(eq(users.role, filter.role));
  const rows = await q
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      locale: users.locale,
      createdAt: users.createdAt,
      externalId: agentProfiles.externalId,
    })
    .from(users)
    .leftJoin(agentProfiles, eq(agentProfiles.userId, users.id))
    .where(and(...conds))
    .orderBy(asc(users.name), asc(users.email));
  const memberships = await q
    .select({ userId: teamMembers.userId, id: teams.id, name: teams.name, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.orgId, orgId))
    .orderBy(asc(teams.name));
  const byUser = new Map<string, UserListRow["teams"]>();
  for (const m of memberships) {
    const list = byUser.get(m.userId) ?? [];
    list.push({ id: m.id, name: m.name, role: m.role });
    byUser.set(m.userId, list);
  }
  return rows.map((r) => ({ ...r, teams: byUser.get(r.id) ?? [] }));
}

export async function teamIdsOfUser(
  q: Queryable,
  orgId: string,
  userId: string,
): Promise<{ managed: string[]; member: string[] }> {
  const rows = await q
    .select({ teamId: teamMembers.teamId, role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, userId)));
  return {
    managed: rows.filter((r) => r.role === "manager").map((r) => r.teamId),
    member: rows.filter((r) => r.role === "agent").map((r) => r.teamId),
  };
}

export async function findAgentProfileByExternalId(q: Queryable, orgId: string, externalId: string) {
  const [row] = await q
    .select()
    .from(agentProfiles)
    .where(and(eq(agentProfiles.orgId, orgId), eq(agentProfiles.externalId, externalId)));
  return row;
}
