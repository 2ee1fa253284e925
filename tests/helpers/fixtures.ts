import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import type { SystemActor, UserActor } from "@/lib/auth/actor";
import { addTeamMember } from "@/lib/server/add-team-member";
import { createApiKey } from "@/lib/server/create-api-key";
import { createOrganization } from "@/lib/server/create-organization";
import { createTeam } from "@/lib/server/create-team";
import { createUser } from "@/lib/server/create-user";
import { loadSessionActor } from "@/lib/server/load-session-actor";
import type { ApiScope } from "@/db/schema";

export const system: SystemActor = { kind: "system", label: "cli" };

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * An organization with two teams, one user of each role (the manager manages team A, the agent is in team A,
 * a second agent is in team B), and helpers to act as each of them. Every call makes a new organization, so tests
 * never see each other's rows.
 */
export async function makeOrg(db: Db, name = "Org") {
  const ctx = { db, actor: system };
  const org = await createOrganization(ctx, { name: `${name} ${unique()}`, timezone: "Asia/Kuala_Lumpur", currency: "MYR" });
  const opts = { orgId: org.id };
  const teamA = await createTeam(ctx, { name: "Team A" }, opts);
  const teamB = await createTeam(ctx, { name: "Team B" }, opts);
  const tag = unique();
  const mk = (role: Role, extra: string) =>
    createUser(ctx, { email: `${role}${extra}.${tag}@example.test`, name: `${role} ${extra}`, role, password: "correct horse battery" }, opts);
  const admin = await mk("admin", "");
  const hr = await mk("hr", "");
  const manager = await mk("manager", "");
  const agent = await mk("agent", "a");
  const agentB = await mk("agent", "b");
  await addTeamMember(ctx, { teamId: teamA.id, userId: manager.id, role: "manager" }, opts);
  await addTeamMember(ctx, { teamId: teamA.id, userId: agent.id, role: "agent" }, opts);
  await addTeamMember(ctx, { teamId: teamB.id, userId: agentB.id, role: "agent" }, opts);
  const actor = async (userId: string): Promise<UserActor> => (await loadSessionActor(db, { userId }))!;
  return {
    org,
    teamA,
    teamB,
    users: { admin, hr, manager, agent, agentB },
    actors: {
      admin: await actor(admin.id),
      hr: await actor(hr.id),
      manager: await actor(manager.id),
      agent: await actor(agent.id),
      agentB: await actor(agentB.id),
    },
    apiKey: (scopes: ApiScope[]) => createApiKey(ctx, { name: `key ${unique()}`, scopes }, opts),
  };
}

export type TestOrg = Awaited<ReturnType<typeof makeOrg>>;
