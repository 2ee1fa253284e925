import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { listTeamMembers } from "@/db/queries/teams";
import { apiKeys, agentProfiles, teamMembers, teams, users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import type { Ctx } from "./context";
import { getOrganization } from "./get-organization";
import { listAudit } from "./list-audit";

/**
 * What a person sees first after signing in, shaped by role: everyone their profile and teams; managers their teams'
 * rosters; HR and admins the organization's headcount and recent changes; admins also their active API keys.
 */
export async function getHome(ctx: Ctx) {
  if (ctx.actor.kind !== "user") throw new ForbiddenError("Only people have a home page");
  const actor: UserActor = ctx.actor;
  const { db } = ctx;
  const orgId = actor.orgId;
  const org = await getOrganization(ctx);
  const [profile] = await db
    .select({ externalId: agentProfiles.externalId })
    .from(agentProfiles)
    .where(and(eq(agentProfiles.orgId, orgId), eq(agentProfiles.userId, actor.userId)));
  const myTeamIds = [...new Set([...actor.memberTeamIds, ...actor.managedTeamIds])];
  const myTeams = myTeamIds.length
    ? await db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.orgId, orgId), inArray(teams.id, myTeamIds))).orderBy(teams.name)
    : [];
  const managersOfMyTeams = actor.memberTeamIds.length
    ? await db
        .select({ teamId: teamMembers.teamId, name: users.name })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.role, "manager"), inArray(teamMembers.teamId, actor.memberTeamIds)))
    : [];

  const managedTeams = await Promise.all(
    myTeams
      .filter((t) => actor.managedTeamIds.includes(t.id))
      .map(async (t) => ({ ...t, members: (await listTeamMembers(db, orgId, t.id)).filter((m) => m.role === "agent") })),
  );

  let headcount: { role: string; n: number }[] | null = null;
  let teamCount: number | null = null;
  let recentAudit: Awaited<ReturnType<typeof listAudit>>["entries"] | null = null;
  if (can(actor, "users.read", { orgId })) {
    headcount = (
      await db.select({ role: users.role, n: count() }).from(users).where(and(eq(users.orgId, orgId), eq(users.active, true))).groupBy(users.role)
    ).map((r) => ({ role: r.role, n: Number(r.n) }));
    teamCount = Number((await db.select({ n: count() }).from(teams).where(eq(teams.orgId, orgId)))[0]?.n ?? 0);
  }
  if (can(actor, "audit.read", { orgId })) recentAudit = (await listAudit(ctx, { pageSize: 6 })).entries;
  const activeApiKeys = can(actor, "org.admin", { orgId })
    ? Number((await db.select({ n: count() }).from(apiKeys).where(and(eq(apiKeys.orgId, orgId), isNull(apiKeys.revokedAt))))[0]?.n ?? 0)
    : null;

  return {
    org: { name: org.name, timezone: org.timezone, currency: org.currency, locale: org.locale },
    me: { name: actor.name, email: actor.email, role: actor.role, externalId: profile?.externalId ?? null },
    myTeams: myTeams.map((t) => ({
      ...t,
      myRole: actor.managedTeamIds.includes(t.id) ? ("manager" as const) : ("agent" as const),
      managers: managersOfMyTeams.filter((m) => m.teamId === t.id).map((m) => m.name),
    })),
    managedTeams,
    headcount,
    teamCount,
    activeApiKeys,
    recentAudit,
  };
}
