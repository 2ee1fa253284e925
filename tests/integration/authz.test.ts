/**
 * The authorization suite (SPEC §9): every operation in lib/server, every route handler under app/api and every server
 * action under app/, for each role, an API key of the same organization (with and without the scope) and a user and a
 * key of another organization. Meta tests fail when an operation, route or action exists without an entry here.
 */
import { createHmac } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { listTeamMembers } from "@/db/queries/teams";
import { agentProfiles, API_SCOPES, apiKeys, events as storedEvents, kpiSettings, organizations, teamMembers, teams, users, webhookSecrets, type ApiScope, type Role } from "@/db/schema";
import type { Actor, ApiKeyActor, UserActor } from "@/lib/auth/actor";
import { can, orgOf, type Permission, type ResourceScope } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import { openApiDocument } from "@/lib/http/openapi";
import { addTeamMember } from "@/lib/server/add-team-member";
import { authenticateApiKey } from "@/lib/server/authenticate-api-key";
import { loadSessionActor } from "@/lib/server/load-session-actor";
import type { Ctx } from "@/lib/server/context";
import { createApiKey } from "@/lib/server/create-api-key";
import { createOrganization } from "@/lib/server/create-organization";
import { createTeam } from "@/lib/server/create-team";
import { createUser } from "@/lib/server/create-user";
import { deleteTeam } from "@/lib/server/delete-team";
import { deleteWebhookSecret } from "@/lib/server/delete-webhook-secret";
import { getHome } from "@/lib/server/get-home";
import { getKpis, type KpiResult } from "@/lib/server/get-kpis";
import { getRecognitionPicks } from "@/lib/server/get-recognition-picks";
import { pickRecognitionWinner } from "@/lib/server/pick-recognition-winner";
import { getKpiSeries } from "@/lib/server/get-kpi-series";
import { getKpiSettings } from "@/lib/server/get-kpi-settings";
import { getMyKpis } from "@/lib/server/get-my-kpis";
import { updateKpiSettings } from "@/lib/server/update-kpi-settings";
import { ingestEvents } from "@/lib/server/ingest-events";
import { getOrganization } from "@/lib/server/get-organization";
import { getTeam } from "@/lib/server/get-team";
import { listAgents } from "@/lib/server/list-agents";
import { listApiKeys } from "@/lib/server/list-api-keys";
import { listAudit } from "@/lib/server/list-audit";
import { AUDIT_EXPORT_COLUMNS, exportAudit } from "@/lib/server/export-audit";
import { listTeams } from "@/lib/server/list-teams";
import { listUsers } from "@/lib/server/list-users";
import { listUnmatchedIdentities } from "@/lib/server/list-unmatched-identities";
import { listWebhookSources } from "@/lib/server/list-webhook-sources";
import { removeTeamMember } from "@/lib/server/remove-team-member";
import { renameTeam } from "@/lib/server/rename-team";
import { resetPassword } from "@/lib/server/reset-password";
import { revokeApiKey } from "@/lib/server/revoke-api-key";
import { setMyLocale } from "@/lib/server/set-my-locale";
import { setWebhookSecret } from "@/lib/server/set-webhook-secret";
import { updateOrganization } from "@/lib/server/update-organization";
import { updateUser } from "@/lib/server/update-user";
import { events as importedEvents, importMappings } from "@/db/schema";
import { deleteImportMapping } from "@/lib/server/delete-import-mapping";
import { importRows } from "@/lib/server/import-rows";
import { listImportMappings } from "@/lib/server/list-import-mappings";
import { saveImportMapping } from "@/lib/server/save-import-mapping";
import type { ActionState } from "@/lib/ui/action-state";
import { setLocaleAction } from "@/app/actions";
import { signInAction, signOutAction, ssoSignInAction } from "@/app/signin/actions";
import {
  addTeamMemberAction,
  createTeamAction,
  deleteTeamAction,
  removeTeamMemberAction,
  renameTeamAction,
} from "@/app/(app)/admin/teams/actions";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(app)/admin/api-keys/actions";
import { updateOrganizationAction } from "@/app/(app)/admin/organization/actions";
import { updateKpiSettingsAction } from "@/app/(app)/admin/kpi-settings/actions";
import { createDisplayLinkAction, deleteLeaderboardAction, revokeDisplayLinkAction, saveLeaderboardAction } from "@/app/(app)/leaderboards/actions";
import { archiveCampaignAction, launchCampaignAction, pickWinnerAction, previewCampaignAction, replayCampaignAction, saveCampaignAction } from "@/app/(app)/campaigns/actions";
import { deleteImportMappingAction, importRowsAction, saveImportMappingAction } from "@/app/(app)/admin/import/actions";
import { deleteWebhookSecretAction, setWebhookSecretAction } from "@/app/(app)/admin/data-sources/actions";
import { createUserAction, resetPasswordAction, updateUserAction } from "@/app/(app)/admin/users/actions";
import { archiveCampaign } from "@/lib/server/archive-campaign";
import { createCampaign } from "@/lib/server/create-campaign";
import { getCampaign } from "@/lib/server/get-campaign";
import { getCampaignStandings } from "@/lib/server/get-campaign-standings";
import { getMyIncentives } from "@/lib/server/get-my-incentives";
import { launchCampaign } from "@/lib/server/launch-campaign";
import { listCampaignVersions } from "@/lib/server/list-campaign-versions";
import { listCampaigns } from "@/lib/server/list-campaigns";
import { replayCampaign } from "@/lib/server/replay-campaign";
import { simulateCampaign } from "@/lib/server/simulate-campaign";
import { updateCampaign } from "@/lib/server/update-campaign";
import { campaigns as campaignRows, campaignVersions, displayLinks, leaderboards } from "@/db/schema";
import { createDisplayLink } from "@/lib/server/create-display-link";
import { createLeaderboard } from "@/lib/server/create-leaderboard";
import { deleteLeaderboard } from "@/lib/server/delete-leaderboard";
import { getLeaderboard } from "@/lib/server/get-leaderboard";
import { subscribeLeaderboard } from "@/lib/server/subscribe-leaderboard";
import { listDisplayLinks } from "@/lib/server/list-display-links";
import { listLeaderboards } from "@/lib/server/list-leaderboards";
import { revokeDisplayLink } from "@/lib/server/revoke-display-link";
import { updateLeaderboard } from "@/lib/server/update-leaderboard";
import { appendEntries } from "@/db/queries/ledger";
import { disputes, ledgerEntries, payoutLines, payoutRuns, periods, redemptions, rewardItems } from "@/db/schema";
import { EXPORT_COLUMNS } from "@/lib/domain/money/export";
import { closePeriod } from "@/lib/server/close-period";
import { decidePayoutLine } from "@/lib/server/decide-payout-line";
import { exportPayoutRun } from "@/lib/server/export-payout-run";
import { getPayoutRun } from "@/lib/server/get-payout-run";
import { getStatement } from "@/lib/server/get-statement";
import { listApprovals } from "@/lib/server/list-approvals";
import { listDisputeQueue } from "@/lib/server/list-disputes";
import { listPayoutRuns } from "@/lib/server/list-payout-runs";
import { raiseDispute } from "@/lib/server/raise-dispute";
import { resolveDispute } from "@/lib/server/resolve-dispute";
import { transitionPayoutRun } from "@/lib/server/transition-payout-run";
import { createRewardItem } from "@/lib/server/create-reward-item";
import { fulfilRedemption } from "@/lib/server/fulfil-redemption";
import { listRedemptions } from "@/lib/server/list-redemptions";
import { listRewardItems } from "@/lib/server/list-reward-items";
import { redeemReward } from "@/lib/server/redeem-reward";
import { rejectRedemption } from "@/lib/server/reject-redemption";
import { updateRewardItem } from "@/lib/server/update-reward-item";
import { closePeriodAction, decideLinesAction, resolveDisputeAction, transitionRunAction } from "@/app/(app)/payouts/actions";
import { raiseDisputeAction } from "@/app/(app)/statements/actions";
import {
  createRewardItemAction,
  decideRedemptionAction,
  redeemAction,
  setRewardItemActiveAction,
  updateRewardItemAction,
} from "@/app/(app)/rewards/actions";
import { useAppDatabase, type AppDatabase } from "../helpers/app-db";
import { auditCount } from "../helpers/audit";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

// ---------------------------------------------------------------------------------------------------------------------
// Next.js outside Next: the session is whoever the test says; cache, cookies, navigation and Auth.js are stubs.

const mocks = vi.hoisted(() => ({
  session: { current: null as { db: Db; actor: UserActor } | null },
  revalidatePath: vi.fn(),
  cookieSet: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
}));

vi.mock("@/lib/auth/session", async () => {
  const { UnauthorizedError } = await import("@/lib/errors");
  const requireCtx = async () => {
    if (!mocks.session.current) throw new UnauthorizedError("Please sign in again");
    return mocks.session.current;
  };
  return { currentActor: async () => mocks.session.current?.actor ?? null, requireCtx, requireRequestCtx: requireCtx, requirePageCtx: requireCtx };
});
vi.mock("@/lib/auth", () => ({
  signIn: mocks.signIn,
  signOut: mocks.signOut,
  auth: async () => null,
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));
// next-auth's own modules import "next/server" in a way only Next's bundler resolves; the actions need its error classes.
vi.mock("next-auth", () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {
    code = "credentials";
  }
  return { AuthError, CredentialsSignin, default: () => ({}) };
});
// next-intl finds its request configuration through Next's bundler; the rewards actions only put refusals into words.
vi.mock("next-intl/server", () => ({
  getLocale: async () => "en",
  getTranslations: async (namespace: string) => (key: string) => `${namespace}.${key}`,
}));
vi.mock("next/cache", () => ({ revalidatePath: mocks.revalidatePath, revalidateTag: vi.fn() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: mocks.cookieSet, get: () => undefined, has: () => false }),
  headers: async () => new Headers(),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

// ---------------------------------------------------------------------------------------------------------------------
// Two organizations in the app's own database (the one route handlers reach through getDb()).

const ROOT = path.resolve(import.meta.dirname, "../..");
let app: AppDatabase;
let db: Db;
let a: TestOrg;
let b: TestOrg;
let seq = 0;
const uniq = (p: string) => `${p} ${Date.now().toString(36)}${(seq++).toString(36)}`;

// Campaigns (SPEC §5.1): one of team A (its manager may run it) and one of everyone (HR's and admins' only).
const teamACampaign = () => ({
  name: uniq("Team A CSAT"),
  participants: { teams: [a.teamA.id] },
  schedule: { period: "month", from: "2026-02-01", to: "2099-12-31" },
  rule: { kind: "threshold", metric: "csat", op: "gte", target: 90, award: { type: "points", amount: 100 } },
});
const orgWideCampaign = () => ({ ...teamACampaign(), participants: {} });
let routeCampaignId = "";
/** Launch, archive and create act on a new campaign each time: the answers agree on status and state, not ids. */
const campaignStateAnswer = (answer: { status: number; json: unknown }) => {
  const json = answer.json as { status?: unknown; version?: unknown; error?: unknown } | undefined;
  return { status: answer.status, state: json?.status, version: json?.version, error: json?.error };
};
const launchPool: string[] = [];
const archivePool: string[] = [];
const scratchBoard = async () => (await createLeaderboard({ db, actor: a.actors.admin }, { name: uniq("Board"), metric: "csat", period: "month" })).id;
const scratchDisplayLink = async () => (await createDisplayLink({ db, actor: a.actors.admin }, { name: uniq("Screen"), boards: [await scratchBoard()] })).id;
let routeBoardId = "";
const scratchCampaign = async () => (await createCampaign({ db, actor: a.actors.admin }, teamACampaign())).id;
/** A launched employee-of-the-month campaign of team A (SPEC §8.2) in one period, whose shortlist is agent A. */
const RECOGNITION_PERIOD = { from: "2026-03-01", to: "2099-12-31" };
const scratchRecognition = async () => {
  const ctx = { db, actor: a.actors.admin };
  const { id } = await createCampaign(ctx, {
    ...teamACampaign(),
    name: uniq("Team A star"),
    schedule: { period: "custom", ...RECOGNITION_PERIOD },
    rule: { kind: "recognition", metric: "calls_answered", shortlist: 1, award: { type: "badge", badge: "star" } },
  });
  await launchCampaign(ctx, id);
  return id;
};

beforeAll(async () => {
  app = await useAppDatabase();
  db = app.db;
  a = await makeOrg(db, "Authz A");
  b = await makeOrg(db, "Authz B");
  routeCampaignId = (await createCampaign({ db, actor: a.actors.admin }, teamACampaign())).id;
  routeBoardId = await scratchBoard();
  // agent A answered a call in March: the recognition campaigns' shortlist (no other case reads March)
  await ingestEvents({ db, actor: system }, [{ id: "authz-march-call", type: "call", agent: a.users.agent.externalId, occurredAt: "2026-03-05T10:00:00+08:00", answered: true }], { source: "test", orgId: a.org.id });
  // launch and archive change state: every request gets a draft of its own
  for (let i = 0; i < 32; i++) launchPool.push((await createCampaign({ db, actor: a.actors.admin }, teamACampaign())).id);
  for (let i = 0; i < 32; i++) archivePool.push((await createCampaign({ db, actor: a.actors.admin }, teamACampaign())).id);
});
afterAll(async () => {
  await app?.close();
});

const keyCache = new Map<string, ApiKeyActor>();
async function keyActor(org: TestOrg, scopes: readonly ApiScope[]): Promise<ApiKeyActor> {
  const id = `${org.org.id}:${[...scopes].sort().join(",")}`;
  let actor = keyCache.get(id);
  if (!actor) {
    const key = await org.apiKey([...scopes]);
    actor = await authenticateApiKey(db, `Bearer ${key.key}`);
    keyCache.set(id, actor);
  }
  return actor;
}

/** Everything an org A id can be found by: a result containing one of these leaked org A's data. */
async function orgIdentifiers(orgId: string): Promise<string[]> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const u = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.orgId, orgId));
  const t = await db.select({ id: teams.id }).from(teams).where(eq(teams.orgId, orgId));
  const k = await db.select({ id: apiKeys.id, prefix: apiKeys.prefix }).from(apiKeys).where(eq(apiKeys.orgId, orgId));
  return [orgId, org!.name, ...u.flatMap((r) => [r.id, r.email]), ...t.map((r) => r.id), ...k.flatMap((r) => [r.id, r.prefix])];
}

async function expectNoLeak(result: unknown, orgId: string) {
  const json = JSON.stringify(result ?? null);
  const leaked = (await orgIdentifiers(orgId)).filter((id) => json.includes(id));
  expect(leaked, "the result contains another organization's identifiers").toEqual([]);
}

/** Everything an operation could change in one organization (API key use times aside). */
async function orgState(orgId: string) {
  return {
    organizations: Number((await db.select({ n: count() }).from(organizations))[0]?.n),
    org: await db.select().from(organizations).where(eq(organizations.id, orgId)),
    users: await db
      .select({ id: users.id, name: users.name, role: users.role, active: users.active, sv: users.securityVersion, locale: users.locale, hash: users.passwordHash, at: users.updatedAt })
      .from(users)
      .where(eq(users.orgId, orgId))
      .orderBy(asc(users.id)),
    profiles: await db.select().from(agentProfiles).where(eq(agentProfiles.orgId, orgId)).orderBy(asc(agentProfiles.id)),
    teams: await db.select().from(teams).where(eq(teams.orgId, orgId)).orderBy(asc(teams.id)),
    members: await db.select().from(teamMembers).where(eq(teamMembers.orgId, orgId)).orderBy(asc(teamMembers.teamId), asc(teamMembers.userId)),
    keys: await db
      .select({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(eq(apiKeys.orgId, orgId))
      .orderBy(asc(apiKeys.id)),
    webhookSecrets: await db.select().from(webhookSecrets).where(eq(webhookSecrets.orgId, orgId)).orderBy(asc(webhookSecrets.source)),
    audit: await auditCount(db, orgId),
    kpiSettings: await db.select().from(kpiSettings).where(eq(kpiSettings.orgId, orgId)).orderBy(asc(kpiSettings.kpi)),
    importMappings: await db.select().from(importMappings).where(eq(importMappings.orgId, orgId)).orderBy(asc(importMappings.id)),
    events: Number((await db.select({ n: count() }).from(importedEvents).where(eq(importedEvents.orgId, orgId)))[0]?.n),
    campaigns: await db.select().from(campaignRows).where(eq(campaignRows.orgId, orgId)).orderBy(asc(campaignRows.id)),
    campaignVersions: Number((await db.select({ n: count() }).from(campaignVersions).where(eq(campaignVersions.orgId, orgId)))[0]?.n),
    leaderboards: await db.select().from(leaderboards).where(eq(leaderboards.orgId, orgId)).orderBy(asc(leaderboards.id)),
    displayLinks: await db.select().from(displayLinks).where(eq(displayLinks.orgId, orgId)).orderBy(asc(displayLinks.id)),
    periods: await db.select().from(periods).where(eq(periods.orgId, orgId)).orderBy(asc(periods.id)),
    payoutRuns: await db.select().from(payoutRuns).where(eq(payoutRuns.orgId, orgId)).orderBy(asc(payoutRuns.id)),
    payoutLines: await db.select().from(payoutLines).where(eq(payoutLines.orgId, orgId)).orderBy(asc(payoutLines.id)),
    disputes: await db.select().from(disputes).where(eq(disputes.orgId, orgId)).orderBy(asc(disputes.id)),
    ledger: await db.select().from(ledgerEntries).where(eq(ledgerEntries.orgId, orgId)).orderBy(asc(ledgerEntries.id)),
    rewardItems: await db.select().from(rewardItems).where(eq(rewardItems.orgId, orgId)).orderBy(asc(rewardItems.id)),
    redemptions: await db.select().from(redemptions).where(eq(redemptions.orgId, orgId)).orderBy(asc(redemptions.id)),
  };
}

const sysCtx = () => ({ db, actor: system });
const scratchUser = async () =>
  (await createUser(sysCtx(), { email: `${uniq("scratch").replace(/\s+/g, ".").toLowerCase()}@example.test`, role: "agent" }, { orgId: a.org.id })).id;
const scratchTeam = async () => (await createTeam(sysCtx(), { name: uniq("Scratch") }, { orgId: a.org.id })).id;
/** Configures (or rotates) an organization's webhook secret as the operator and returns it. */
const configureWebhook = async (orgId: string, source: "zendesk" | "freshdesk") =>
  (await setWebhookSecret(sysCtx(), { source }, { orgId })).secret!;

function refusalName(err: unknown): string {
  return err instanceof Error ? err.constructor.name : `non-error ${String(err)}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Operations

type Who = "agent" | "manager" | "hr" | "admin" | "key" | "keyWithoutScope" | "otherUser" | "otherKey";
const SAME_ORG: readonly Who[] = ["agent", "manager", "hr", "admin", "key", "keyWithoutScope"];
const ALL_WHO: readonly Who[] = [...SAME_ORG, "otherUser", "otherKey"];

type OpEntry<P, R> = {
  /** Actors of org A that must succeed; every other one must get ForbiddenError or NotFoundError. */
  allowed: readonly Who[];
  /** The API key scope that grants it, if keys may call it at all. */
  scope?: ApiScope;
  /**
   * "refused": the operation targets org A's resources by id; another organization's actors must be refused (404 or
   * 403). "own-org": it works on the caller's own organization; another organization's actors may succeed, but only
   * in their own organization: nothing of org A in the result and nothing of org A changed.
   */
  otherOrg: "refused" | "own-org";
  /** Creates what the call targets (as the system actor), before the "no effect" snapshot. */
  prepare?(): Promise<P>;
  run(ctx: Ctx, prepared: P): Promise<R>;
  /** Extra checks on a successful same-organization call. */
  check?(result: R, who: Who, prepared: P): Promise<void> | void;
};
type AnyOpEntry = OpEntry<unknown, unknown>;
const op = <P, R>(entry: OpEntry<P, R>): AnyOpEntry => entry as AnyOpEntry;

const ORG_ADMIN_ONLY: readonly Who[] = ["admin"];

async function agentExternalIds(orgId: string, onlyTeamId?: string): Promise<string[]> {
  const profiles = await db.select().from(agentProfiles).where(eq(agentProfiles.orgId, orgId));
  if (!onlyTeamId) return profiles.map((p) => p.externalId).sort();
  const inTeam = new Set((await listTeamMembers(db, orgId, onlyTeamId)).filter((m) => m.role === "agent").map((m) => m.userId));
  return profiles.filter((p) => inTeam.has(p.userId)).map((p) => p.externalId).sort();
}

// CSV/XLSX import (SPEC §3.3): one row per call with a fresh id, so every allowed run imports a new event.
const IMPORT_MAPPING = { eventType: "call", columns: { id: "ID", occurredAt: "At", agent: "Agent", answered: "Answered" } } as const;
let lastImportedId = "";
const importChunk = (id: string) => {
  lastImportedId = id;
  return { mapping: IMPORT_MAPPING, headers: ["ID", "At", "Agent", "Answered"], rows: [{ line: 2, cells: [id, "2026-01-05T10:00:00+08:00", a.users.agent.externalId!, "yes"] }] };
};
const scratchMapping = async () => (await saveImportMapping(sysCtx(), { name: uniq("Scratch source"), mapping: IMPORT_MAPPING }, { orgId: a.org.id })).id;
const importedInto = async (orgId: string, id: string) =>
  (await db.select({ id: importedEvents.id }).from(importedEvents).where(and(eq(importedEvents.orgId, orgId), eq(importedEvents.id, id)))).length;

// Money (SPEC §6). Every close takes a day of its own, one after the other from 2019 on: never overlapping, always
// long before today (the operations here run on the real clock), and before every campaign's schedule, so a close
// evaluates nothing and each run starts empty; the lines a case needs are written straight into the database.
let closeDays = 0;
const nextCloseRange = () => {
  const day = new Date(Date.UTC(2019, 0, 1 + closeDays++)).toISOString().slice(0, 10);
  return { from: day, to: day };
};
const hrCtx = () => ({ db, actor: a.actors.hr });
type RunState = "draft" | "in_review" | "approved" | "exported";
/** A payout run of org A: a day closed by the operator, then moved by HR as far as `state`. */
async function runIn(state: RunState, beforeSubmit?: (run: { runId: string; periodId: string }) => Promise<unknown>): Promise<string> {
  const { periodId, payoutRunId: runId } = await closePeriod(sysCtx(), nextCloseRange(), { orgId: a.org.id });
  await beforeSubmit?.({ runId, periodId });
  if (state === "draft") return runId;
  await transitionPayoutRun(hrCtx(), runId, "submit");
  if (state === "in_review") return runId;
  await transitionPayoutRun(hrCtx(), runId, "approve");
  if (state === "approved") return runId;
  await new Response((await exportPayoutRun(hrCtx(), runId, "csv")).body).arrayBuffer();
  return runId;
}
/** A draft run of org A that collects the lines the cases below write (it is never approved). */
let lineRun = { runId: "", periodId: "" };
/** An approved run with one approved points line of the agent's, for the export routes (every export gives the same bytes). */
let exportRunId = "";
/** A period of org A still being closed: what the close form's progress route shows. */
let closingPeriodId = "";
type NewLine = typeof payoutLines.$inferInsert;
/** A line of org A, by default a pending points line of the agent of team A in the shared draft run. */
async function scratchLine(values: Partial<NewLine> = {}, run = lineRun): Promise<string> {
  const [row] = await db
    .insert(payoutLines)
    .values({
      orgId: a.org.id,
      runId: run.runId,
      periodId: run.periodId,
      lineType: "award",
      agentId: a.users.agent.id,
      campaignName: "Authz CSAT bonus",
      awardType: "points",
      amount: 10,
      status: "pending",
      approval: "manager",
      teamIds: [a.teamA.id],
      ...values,
    })
    .returning({ id: payoutLines.id });
  return row!.id;
}
const cashLine = { awardType: "cash", amount: 2500, currency: "MYR", approval: "hr" } as const;
const teamBLine = () => ({ agentId: a.users.agentB.id, teamIds: [a.teamB.id] });
/** An open dispute of the agent's on a new line of theirs. */
const scratchDispute = async () => (await raiseDispute({ db, actor: a.actors.agent }, { lineId: await scratchLine(), comment: "I had more surveys than this" })).id;
const scratchRewardItem = async (active = true) => {
  const { id } = await createRewardItem(sysCtx(), { name: uniq("Coffee voucher"), pointsCost: 10 }, { orgId: a.org.id });
  if (!active) await updateRewardItem({ db, actor: a.actors.hr }, id, { active: false });
  return id;
};
/** Points for the people of org A, written the way an approved award is, so whoever redeems can afford an item. */
async function givePoints(points: number, who: readonly Role[] = ["agent", "manager", "hr", "admin"]) {
  await appendEntries(
    db,
    who.map((role) => {
      const key = uniq(`authz-points ${role}`);
      return { orgId: a.org.id, agentId: a.users[role].id, asset: "points" as const, amount: points, kind: "award" as const, source: key, idempotencyKey: key };
    }),
  );
}
/** A redemption of the agent's waiting for HR (catalog items need approval unless told otherwise). */
async function scratchRedemption(): Promise<string> {
  const itemId = await scratchRewardItem();
  await givePoints(10, ["agent"]);
  return (await redeemReward({ db, actor: a.actors.agent }, { itemId })).id;
}
const runStateOf = async (id: string) => (await db.select({ state: payoutRuns.state }).from(payoutRuns).where(eq(payoutRuns.id, id)))[0]?.state;

beforeAll(async () => {
  const { periodId, payoutRunId } = await closePeriod(sysCtx(), nextCloseRange(), { orgId: a.org.id });
  lineRun = { runId: payoutRunId, periodId };
  await scratchLine();
  exportRunId = await runIn("approved", async (run) => decidePayoutLine(hrCtx(), await scratchLine({ amount: 40 }, run), "approve"));
  const day = nextCloseRange();
  const [closing] = await db
    .insert(periods)
    .values({ orgId: a.org.id, fromDay: day.from, toDay: day.to, state: "closing", progress: 1, total: 3, closedByLabel: "HR" })
    .returning({ id: periods.id });
  closingPeriodId = closing!.id;
});

const OPERATIONS: Record<string, AnyOpEntry> = {
  "create-display-link": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "leaderboards:write",
    otherOrg: "refused", // names org A's boards: not found elsewhere
    prepare: scratchBoard,
    run: (ctx, boardId) => createDisplayLink(ctx, { name: uniq("Wall screen"), boards: [boardId] }),
    check: (r) => expect(r.path).toBe(`/tv/${r.token}`),
  }),
  "create-leaderboard": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "leaderboards:write",
    otherOrg: "own-org",
    run: (ctx) => createLeaderboard(ctx, { name: uniq("CSAT board"), metric: "csat", period: "week" }),
    check: async (r) => expect((await db.select().from(leaderboards).where(eq(leaderboards.id, r.id)))[0]?.orgId).toBe(a.org.id),
  }),
  "delete-leaderboard": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "leaderboards:write",
    otherOrg: "refused",
    prepare: scratchBoard,
    run: (ctx, id) => deleteLeaderboard(ctx, id),
    check: async (_r, _w, id) => expect(await db.select().from(leaderboards).where(eq(leaderboards.id, id))).toEqual([]),
  }),
  "subscribe-leaderboard": op({
    allowed: ["agent", "manager", "hr", "admin", "key"],
    scope: "leaderboards:read",
    otherOrg: "refused",
    prepare: scratchBoard,
    run: (ctx, id) => subscribeLeaderboard(ctx, id, { top: "5" }),
    check: (r) => expect(r.orgId).toBe(a.org.id),
  }),
  "get-leaderboard": op({
    allowed: ["agent", "manager", "hr", "admin", "key"], // everyone in the organization sees its boards (SPEC §9)
    scope: "leaderboards:read",
    otherOrg: "refused",
    prepare: scratchBoard,
    run: (ctx, id) => getLeaderboard(ctx, id, { from: "2026-02-01", to: "2026-02-28" }),
    check: (r, _w, id) => expect(r).toMatchObject({ id, metric: "csat", period: { kind: "month", from: "2026-02-01", to: "2026-02-28" } }),
  }),
  "list-display-links": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "leaderboards:write",
    otherOrg: "own-org",
    prepare: scratchDisplayLink,
    run: (ctx) => listDisplayLinks(ctx),
    check: (r, _w, id) => {
      expect(r.map((l) => l.id)).toContain(id);
      expect(JSON.stringify(r)).not.toMatch(/pdd_|token/);
    },
  }),
  "list-leaderboards": op({
    allowed: ["agent", "manager", "hr", "admin", "key"],
    scope: "leaderboards:read",
    otherOrg: "own-org",
    run: (ctx) => listLeaderboards(ctx),
    check: (r) => expect(r.map((b) => b.id)).toContain(routeBoardId),
  }),
  "revoke-display-link": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "leaderboards:write",
    otherOrg: "refused",
    prepare: scratchDisplayLink,
    run: (ctx, id) => revokeDisplayLink(ctx, id),
    check: async (_r, _w, id) => expect((await db.select().from(displayLinks).where(eq(displayLinks.id, id)))[0]?.revokedAt).not.toBeNull(),
  }),
  "update-leaderboard": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "leaderboards:write",
    otherOrg: "refused",
    prepare: scratchBoard,
    run: (ctx, id) => updateLeaderboard(ctx, id, { name: uniq("Renamed board"), metric: "aht", period: "month" }),
    check: async (_r, _w, id) => expect((await db.select().from(leaderboards).where(eq(leaderboards.id, id)))[0]?.metric).toBe("aht"),
  }),
  "archive-campaign": op({
    allowed: ["manager", "hr", "admin", "key"], // a campaign of team A: its manager's too
    scope: "campaigns:write",
    otherOrg: "refused",
    prepare: scratchCampaign,
    run: (ctx, id) => archiveCampaign(ctx, id),
    check: (r) => expect(r.status).toBe("archived"),
  }),
  "create-campaign": op({
    allowed: ["hr", "admin", "key"], // every agent of the organization: not a manager's to run
    scope: "campaigns:write",
    otherOrg: "own-org",
    run: (ctx) => createCampaign(ctx, orgWideCampaign()),
    check: async (r) => {
      expect(r.version).toBe(1);
      expect((await db.select().from(campaignRows).where(eq(campaignRows.id, r.id)))[0]?.orgId).toBe(a.org.id);
    },
  }),
  "get-campaign": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "campaigns:read",
    otherOrg: "refused",
    prepare: scratchCampaign,
    run: (ctx, id) => getCampaign(ctx, id),
    check: (r, _w, id) => expect(r).toMatchObject({ id, status: "draft", version: 1 }),
  }),
  "get-my-incentives": op({
    allowed: ["agent", "manager", "hr", "admin"], // one's own: people only, never keys
    otherOrg: "own-org",
    run: (ctx) => getMyIncentives(ctx),
    check: (r, who) => {
      expect(r.incentives.every((i) => i.result === null || i.result.agent === a.users.agent.externalId)).toBe(true);
      if (who !== "agent") expect(r.incentives).toEqual([]);
    },
  }),
  "get-campaign-standings": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "campaigns:read",
    otherOrg: "refused",
    prepare: scratchCampaign,
    run: (ctx, id) => getCampaignStandings(ctx, id, { from: "2026-02-01", to: "2026-02-28" }),
    check: (r) => expect(r.results.map((x) => x.agent)).toEqual([a.users.agent.externalId]),
  }),
  "launch-campaign": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "campaigns:write",
    otherOrg: "refused",
    prepare: scratchCampaign,
    run: (ctx, id) => launchCampaign(ctx, id),
    check: (r) => expect(r.status).toBe("active"),
  }),
  "get-recognition-picks": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "campaigns:write",
    otherOrg: "refused",
    prepare: scratchRecognition,
    run: (ctx, id) => getRecognitionPicks(ctx, id),
    check: (r) => expect(r.periods.map((p) => [p.from, p.shortlist.map((s) => s.agent)])).toEqual([[RECOGNITION_PERIOD.from, [a.users.agent.externalId]]]),
  }),
  "pick-recognition-winner": op({
    allowed: ["manager", "hr", "admin", "key"], // a campaign of team A: its manager picks
    scope: "campaigns:write",
    otherOrg: "refused",
    prepare: scratchRecognition,
    run: (ctx, id) => pickRecognitionWinner(ctx, id, { ...RECOGNITION_PERIOD, agent: a.users.agent.externalId, reason: "Steady all month" }),
    check: (r) => expect(r.pick).toMatchObject({ agent: a.users.agent.externalId, reason: "Steady all month" }),
  }),
  "list-campaign-versions": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "campaigns:read",
    otherOrg: "refused",
    prepare: scratchCampaign,
    run: (ctx, id) => listCampaignVersions(ctx, id),
    check: (r) => expect(r.map((v) => v.version)).toEqual([1]),
  }),
  "list-campaigns": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "campaigns:read",
    otherOrg: "own-org",
    prepare: async () => (await createCampaign({ db, actor: a.actors.admin }, orgWideCampaign())).id,
    run: (ctx) => listCampaigns(ctx),
    check: (r, who, orgWideId) => {
      expect(r.map((c) => c.id)).toContain(routeCampaignId);
      // a manager sees the campaigns of their teams, not the organization-wide one
      expect(r.map((c) => c.id).includes(orgWideId)).toBe(who !== "manager");
    },
  }),
  "replay-campaign": op({
    allowed: ["hr", "admin", "key"],
    scope: "campaigns:read",
    otherOrg: "own-org",
    run: (ctx) => replayCampaign(ctx, { campaign: orgWideCampaign(), from: "2026-01-01", to: "2026-02-28" }),
    check: (r) => expect(r.periods).toHaveLength(2),
  }),
  "simulate-campaign": op({
    allowed: ["hr", "admin", "key"],
    scope: "campaigns:read",
    otherOrg: "own-org",
    run: (ctx) => simulateCampaign(ctx, { campaign: orgWideCampaign(), from: "2026-02-01", to: "2026-02-28" }),
    check: (r) => expect(r.results.map((x) => x.agent)).toEqual(expect.arrayContaining([a.users.agent.externalId, a.users.agentB.externalId])),
  }),
  "update-campaign": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "campaigns:write",
    otherOrg: "refused",
    prepare: scratchCampaign,
    run: (ctx, id) => updateCampaign(ctx, id, { ...teamACampaign(), name: uniq("Renamed") }),
    check: (r) => expect(r).toMatchObject({ version: 1, changed: true }),
  }),
  "add-team-member": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "refused",
    prepare: scratchTeam,
    run: (ctx, teamId) => addTeamMember(ctx, { teamId, userId: a.users.agentB.id, role: "agent" }),
    check: async (_r, _w, teamId) => expect((await listTeamMembers(db, a.org.id, teamId)).map((m) => m.userId)).toEqual([a.users.agentB.id]),
  }),
  "create-api-key": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    run: (ctx) => createApiKey(ctx, { name: uniq("key"), scopes: ["kpis:read"] }),
    check: async (r) => {
      expect(r.key.startsWith("pdm_")).toBe(true);
      expect((await db.select().from(apiKeys).where(eq(apiKeys.id, r.id)))[0]?.orgId).toBe(a.org.id);
    },
  }),
  "create-organization": op({
    allowed: [], // the operator's only (system actor): see "lets only the operator create organizations"
    otherOrg: "refused",
    run: (ctx) => createOrganization(ctx, { name: uniq("Rogue org") }),
  }),
  "create-team": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    run: (ctx) => createTeam(ctx, { name: uniq("New team") }),
    check: (r) => expect(r.orgId).toBe(a.org.id),
  }),
  "create-user": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    run: (ctx) => createUser(ctx, { email: `${uniq("new").replace(" ", "-")}@authz.example.test`, role: "hr", password: "a long password" }),
    check: async (r) => expect((await db.select().from(users).where(eq(users.id, r.id)))[0]?.orgId).toBe(a.org.id),
  }),
  "delete-webhook-secret": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org", // names a source, not an id: another organization's admin can only reach their own
    prepare: () => configureWebhook(a.org.id, "freshdesk"),
    run: (ctx) => deleteWebhookSecret(ctx, { source: "freshdesk" }),
    check: async () => expect(await db.select().from(webhookSecrets).where(eq(webhookSecrets.orgId, a.org.id))).not.toContainEqual(expect.objectContaining({ source: "freshdesk" })),
  }),
  "delete-team": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "refused",
    prepare: scratchTeam,
    run: (ctx, teamId) => deleteTeam(ctx, { teamId }),
    check: async (_r, _w, teamId) => expect(await db.select().from(teams).where(eq(teams.id, teamId))).toEqual([]),
  }),
  "get-home": op({
    // Typed for people only; an API key must still be refused by the operation itself, not by a crash.
    allowed: ["agent", "manager", "hr", "admin"],
    otherOrg: "own-org",
    run: (ctx) => getHome(ctx as Ctx & { actor: UserActor }),
    check: (r, who) => {
      expect(r.org.name).toBe(a.org.name);
      expect(r.headcount !== null).toBe(who === "hr" || who === "admin");
      expect(r.recentAudit !== null).toBe(who === "hr" || who === "admin");
      expect(r.activeApiKeys !== null).toBe(who === "admin");
      expect(r.recentAudit?.every((e) => e.orgId === a.org.id) ?? true).toBe(true);
      if (who === "manager") expect(r.managedTeams.map((t) => t.id)).toEqual([a.teamA.id]);
      else expect(r.managedTeams).toEqual([]);
    },
  }),
  "get-organization": op({
    // Timezone, currency and locale: every member needs them; an API key reads its own organization's too.
    allowed: SAME_ORG,
    otherOrg: "own-org",
    run: (ctx) => getOrganization(ctx),
    check: (r) => expect(r.id).toBe(a.org.id),
  }),
  "get-team": op({
    allowed: ["manager", "hr", "admin"], // the manager manages team A
    otherOrg: "refused",
    run: (ctx) => getTeam(ctx, a.teamA.id),
    check: (r) => {
      expect(r.id).toBe(a.teamA.id);
      expect(r.members.map((m) => m.userId).sort()).toEqual([a.users.agent.id, a.users.manager.id].sort());
    },
  }),
  "list-agents": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "kpis:read",
    otherOrg: "own-org",
    run: (ctx) => listAgents(ctx),
    check: async (r, who) => {
      const expected = await agentExternalIds(a.org.id, who === "manager" ? a.teamA.id : undefined);
      expect(r.map((x) => x.externalId).sort()).toEqual(expected);
      if (who === "manager") expect(r.map((x) => x.externalId)).not.toContain(a.users.agentB.externalId);
      else expect(r.map((x) => x.externalId)).toContain(a.users.agentB.externalId);
    },
  }),
  "list-api-keys": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    run: (ctx) => listApiKeys(ctx),
    check: async (r) => {
      const ids = (await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.orgId, a.org.id))).map((k) => k.id);
      expect(r.map((k) => k.id).sort()).toEqual(ids.sort());
      expect(r.every((k) => !("hash" in k) && !("key" in k))).toBe(true);
    },
  }),
  "list-audit": op({
    allowed: ["hr", "admin"],
    otherOrg: "own-org",
    run: (ctx) => listAudit(ctx, { pageSize: 500 }),
    check: (r) => {
      expect(r.entries.length).toBeGreaterThan(0);
      expect(r.entries.every((e) => e.orgId === a.org.id)).toBe(true);
    },
  }),
  "export-audit": op({
    allowed: ["hr", "admin"], // like reading it: no key scope covers the audit log
    otherOrg: "own-org",
    run: async (ctx) => new Response((await exportAudit(ctx, { action: "team." })).body).text(),
    check: (csv) => {
      const [header, ...records] = csv.split("\r\n").filter((r) => r !== "");
      expect(header).toBe(AUDIT_EXPORT_COLUMNS.join(","));
      expect(records.length).toBeGreaterThan(0); // org A's teams were made and changed above
      expect(records.every((r) => r.split(",")[3]?.startsWith("team."))).toBe(true);
    },
  }),
  "list-teams": op({
    // Everyone, filtered: HR and admins every team; managers and agents their own; keys none.
    allowed: SAME_ORG,
    otherOrg: "own-org",
    run: (ctx) => listTeams(ctx),
    check: async (r, who) => {
      const ids = r.map((t) => t.id).sort();
      if (who === "agent" || who === "manager") expect(ids).toEqual([a.teamA.id]);
      else if (who === "key" || who === "keyWithoutScope") expect(ids).toEqual([]);
      else expect(ids).toEqual((await db.select({ id: teams.id }).from(teams).where(eq(teams.orgId, a.org.id))).map((t) => t.id).sort());
    },
  }),
  "list-webhook-sources": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    run: (ctx) => listWebhookSources(ctx, { baseUrl: "https://podium.example" }),
    check: (r) => {
      expect(r.map((s) => s.source)).toEqual(["zendesk", "freshdesk"]);
      expect(r[0]?.url).toBe(`https://podium.example/api/v1/webhooks/zendesk?org=${a.org.id}`);
      expect(JSON.stringify(r)).not.toMatch(/whsec_|"secret"/);
    },
  }),
  "list-unmatched-identities": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    // an event of org A from a helpdesk identity no agent has (yet)
    prepare: async () => {
      const identity = uniq("authz-ghost").replace(/\s+/g, "-");
      await ingestEvents(sysCtx(), [{ id: uniq("ghost-event"), type: "qa_review", agent: identity, occurredAt: "2026-01-06T10:00:00+08:00", score: 70 }], { source: "test", orgId: a.org.id });
      return identity;
    },
    run: (ctx) => listUnmatchedIdentities(ctx),
    check: (r, _w, identity) => {
      expect(r.identities).toContainEqual({ identity, events: 1, lastSeen: "2026-01-06", isEmail: false });
      expect(r.identities.map((i) => i.identity)).not.toContain(a.users.agent.externalId);
    },
  }),
  "list-users": op({
    allowed: ["hr", "admin"],
    otherOrg: "own-org",
    run: (ctx) => listUsers(ctx),
    check: async (r) => {
      const ids = (await db.select({ id: users.id }).from(users).where(eq(users.orgId, a.org.id))).map((u) => u.id);
      expect(r.map((u) => u.id).sort()).toEqual(ids.sort());
    },
  }),
  "remove-team-member": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "refused",
    prepare: async () => {
      const teamId = await scratchTeam();
      await addTeamMember(sysCtx(), { teamId, userId: a.users.agentB.id, role: "agent" }, { orgId: a.org.id });
      return teamId;
    },
    run: (ctx, teamId) => removeTeamMember(ctx, { teamId, userId: a.users.agentB.id }),
    check: async (_r, _w, teamId) => expect(await listTeamMembers(db, a.org.id, teamId)).toEqual([]),
  }),
  "rename-team": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "refused",
    prepare: scratchTeam,
    run: (ctx, teamId) => renameTeam(ctx, { teamId, name: uniq("Renamed") }),
    check: async (r) => expect((await db.select().from(teams).where(eq(teams.id, r.id)))[0]?.name).toBe(r.name),
  }),
  "reset-password": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "refused",
    run: (ctx) => resetPassword(ctx, { userId: a.users.agentB.id }),
    check: (r) => expect(r).toMatchObject({ id: a.users.agentB.id, generatedPassword: true }),
  }),
  "revoke-api-key": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "refused",
    prepare: async () => (await a.apiKey(["kpis:read"])).id,
    run: (ctx, keyId) => revokeApiKey(ctx, { keyId }),
    check: async (_r, _w, keyId) => expect((await db.select().from(apiKeys).where(eq(apiKeys.id, keyId)))[0]?.revokedAt).toBeInstanceOf(Date),
  }),
  "set-webhook-secret": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    run: (ctx) => setWebhookSecret(ctx, { source: "freshdesk" }),
    check: async (r) => {
      expect(r).toMatchObject({ source: "freshdesk", generated: true, secret: expect.stringMatching(/^whsec_/) });
      const [row] = await db.select().from(webhookSecrets).where(eq(webhookSecrets.orgId, a.org.id)).orderBy(asc(webhookSecrets.source));
      expect(row?.secret).toBe(r.secret);
    },
  }),
  "set-my-locale": op({
    // Any person, for themselves; an API key has no UI language.
    allowed: ["agent", "manager", "hr", "admin"],
    otherOrg: "own-org",
    run: (ctx) => setMyLocale(ctx, { locale: "ms" }),
    check: async (r, who) => {
      expect(r).toEqual({ locale: "ms" });
      const user = a.users[who as "agent" | "manager" | "hr" | "admin"];
      expect((await db.select().from(users).where(eq(users.id, user.id)))[0]?.locale).toBe("ms");
    },
  }),
  "get-kpis": op({
    allowed: ["agent", "manager", "hr", "admin", "key"],
    scope: "kpis:read",
    otherOrg: "own-org",
    run: (ctx) => getKpis(ctx, { from: "2026-01-01", to: "2026-01-31", metrics: "calls_offered" }),
    check: async (r, who) => {
      const keys = (r as KpiResult).rows.map((row) => row.key).sort();
      // agents see themselves, the manager the agents of team A, everyone else every agent
      if (who === "agent") expect(keys).toEqual([a.users.agent.externalId]);
      else if (who === "manager") expect(keys).toEqual(await agentExternalIds(a.org.id, a.teamA.id));
      else expect(keys).toEqual(await agentExternalIds(a.org.id));
    },
  }),
  "get-kpi-series": op({
    // the same visibility as get-kpis: the agent their own trend, the manager team A's agent, HR, admins and keys anyone
    allowed: ["agent", "manager", "hr", "admin", "key"],
    scope: "kpis:read",
    otherOrg: "refused", // names org A's agent, whom no other organization knows
    run: (ctx) => getKpiSeries(ctx, { from: "2026-01-05", to: "2026-01-18", metrics: "calls_offered", bucket: "week", agent: a.users.agent.externalId! }),
    check: (r) => {
      expect(r.scope).toEqual({ kind: "agent", key: a.users.agent.externalId, name: a.users.agent.name });
      expect(r.points.map((p) => p.key)).toEqual(["2026-01-05", "2026-01-12"]);
    },
  }),
  "get-kpi-settings": op({
    // targets and minimum samples: every member's KPI pages need them; no key scope covers them
    allowed: ["agent", "manager", "hr", "admin"],
    otherOrg: "own-org",
    run: (ctx) => getKpiSettings(ctx),
    check: (r) => {
      expect(r.kpis.map((k) => k.kpi)).toContain("csat");
      expect(r.serviceLevelSeconds).toBeGreaterThan(0);
    },
  }),
  "get-my-kpis": op({
    allowed: ["agent", "manager", "hr", "admin"],
    otherOrg: "own-org",
    run: (ctx) => getMyKpis(ctx, { from: "2026-01-01", to: "2026-01-31", metrics: "calls_offered" }),
    check: (r, who) => {
      // only the agent has an agent profile; nobody gets anyone else's numbers
      if (who === "agent") expect(r.agent?.externalId).toBe(a.users.agent.externalId);
      else expect(r).toMatchObject({ agent: null, totals: {}, series: [] });
    },
  }),
  "update-kpi-settings": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    // a new service-level threshold also rebuilds the organization's rollups in the same transaction
    run: (ctx) => updateKpiSettings(ctx, { kpis: { csat: { target: 85, minSamples: 5, method: "wilson" } }, serviceLevelSeconds: 25 }),
    check: async (r) => {
      expect(r).toMatchObject({ serviceLevelSeconds: 25, rebuilt: { events: expect.any(Number) } });
      expect(r.kpis.find((k) => k.kpi === "csat")).toMatchObject({ target: 85, minSamples: 5, method: "wilson" });
      expect((await db.select().from(organizations).where(eq(organizations.id, a.org.id)))[0]?.serviceLevelSeconds).toBe(25);
    },
  }),
  "ingest-events": op({
    allowed: ["admin", "key"],
    scope: "events:write",
    otherOrg: "own-org",
    run: (ctx) =>
      ingestEvents(ctx, [{ id: uniq("authz-event"), type: "call", agent: a.users.agent.externalId, occurredAt: "2026-01-05T10:00:00+08:00", answered: true }], { source: "test" }),
    check: (r) => expect(r).toEqual({ accepted: 1, duplicates: 0, rejected: [] }),
  }),
  "import-rows": op({
    allowed: ["admin", "key"],
    scope: "events:write",
    otherOrg: "own-org",
    run: (ctx) => importRows(ctx, importChunk(uniq("authz-import"))),
    check: async (r) => {
      expect(r).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
      expect(await importedInto(a.org.id, lastImportedId)).toBe(1);
    },
  }),
  "list-import-mappings": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    prepare: scratchMapping,
    run: (ctx) => listImportMappings(ctx),
    check: async (r, _w, mappingId) => {
      const ids = (await db.select({ id: importMappings.id }).from(importMappings).where(eq(importMappings.orgId, a.org.id))).map((m) => m.id);
      expect(r.map((m) => m.id).sort()).toEqual(ids.sort());
      expect(r.find((m) => m.id === mappingId)?.mapping).toMatchObject(IMPORT_MAPPING);
    },
  }),
  "save-import-mapping": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    run: (ctx) => saveImportMapping(ctx, { name: uniq("Authz source"), mapping: IMPORT_MAPPING }),
    check: async (r) => expect((await db.select().from(importMappings).where(eq(importMappings.id, r.id)))[0]?.orgId).toBe(a.org.id),
  }),
  "delete-import-mapping": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "refused",
    prepare: scratchMapping,
    run: (ctx, mappingId) => deleteImportMapping(ctx, { mappingId }),
    check: async (_r, _w, mappingId) => expect(await db.select().from(importMappings).where(eq(importMappings.id, mappingId))).toEqual([]),
  }),
  "update-organization": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "own-org",
    run: (ctx) =>
      updateOrganization(ctx, { name: uniq("Updated"), timezone: "Asia/Bangkok", currency: "THB", locale: "en", businessHours: { days: [1, 2, 3], start: "08:00", end: "16:00" } }),
    check: (r) => expect(r).toMatchObject({ id: a.org.id, timezone: "Asia/Bangkok", currency: "THB" }),
  }),
  "update-user": op({
    allowed: ORG_ADMIN_ONLY,
    otherOrg: "refused",
    run: (ctx) => updateUser(ctx, { userId: a.users.agentB.id, name: uniq("Agent B"), role: "agent", active: true }),
    check: async (r) => expect((await db.select().from(users).where(eq(users.id, a.users.agentB.id)))[0]?.name).toBe(r.name),
  }),
  // Money (SPEC §6, §9): HR and admins close, move, export and resolve; managers approve their teams' non-cash lines;
  // statements and points are one's own (and one's teams' for managers).
  "close-period": op({
    allowed: ["hr", "admin", "key"],
    scope: "payouts:write",
    otherOrg: "own-org", // the range is a range of the caller's own organization
    run: (ctx) => closePeriod(ctx, nextCloseRange()),
    check: async (r) => {
      expect((await db.select().from(payoutRuns).where(eq(payoutRuns.id, r.payoutRunId)))[0]).toMatchObject({ orgId: a.org.id, periodId: r.periodId, state: "draft" });
      expect((await db.select().from(periods).where(eq(periods.id, r.periodId)))[0]).toMatchObject({ orgId: a.org.id, state: "closed" });
    },
  }),
  "list-payout-runs": op({
    allowed: ["hr", "admin", "key"],
    scope: "payouts:read",
    otherOrg: "own-org",
    run: (ctx) => listPayoutRuns(ctx),
    check: (r) => {
      expect(r.periods.map((p) => p.runId)).toContain(lineRun.runId);
      expect(r.periods.map((p) => p.id)).toContain(closingPeriodId);
    },
  }),
  "get-payout-run": op({
    allowed: ["hr", "admin", "key"],
    scope: "payouts:read",
    otherOrg: "refused",
    run: (ctx) => getPayoutRun(ctx, lineRun.runId),
    check: (r) => {
      expect(r).toMatchObject({ id: lineRun.runId, state: "draft", period: { id: lineRun.periodId } });
      expect(r.lines.length).toBeGreaterThan(0);
      expect(r.lines.every((l) => l.orgId === a.org.id && l.runId === lineRun.runId)).toBe(true);
    },
  }),
  "transition-payout-run": op({
    allowed: ["hr", "admin", "key"],
    scope: "payouts:write",
    otherOrg: "refused",
    prepare: () => runIn("draft"),
    run: (ctx, id) => transitionPayoutRun(ctx, id, "submit"),
    check: async (r, _w, id) => {
      expect(r).toEqual({ id, state: "in_review" });
      expect(await runStateOf(id)).toBe("in_review");
    },
  }),
  "export-payout-run": op({
    allowed: ["hr", "admin", "key"],
    scope: "payouts:read", // SPEC §10: the export endpoints take payouts:read
    otherOrg: "refused",
    prepare: () => runIn("approved"),
    run: async (ctx, id) => {
      const file = await exportPayoutRun(ctx, id, "csv");
      return { filename: file.filename, csv: await new Response(file.body).text() };
    },
    check: async (r, _w, id) => {
      expect(r.csv).toBe(`${EXPORT_COLUMNS.join(",")}\r\n`); // the run has no lines
      expect(await runStateOf(id)).toBe("exported");
    },
  }),
  "decide-payout-line": op({
    allowed: ["manager", "hr", "admin", "key"], // a points line of team A's agent: its manager's too
    scope: "payouts:write",
    otherOrg: "refused",
    prepare: () => scratchLine(),
    run: (ctx, id) => decidePayoutLine(ctx, id, "approve"),
    check: async (r, _w, id) => {
      expect(r).toEqual({ id, status: "approved" });
      const [entry] = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.orgId, a.org.id), eq(ledgerEntries.source, `payout_line:${id}`)));
      expect(entry).toMatchObject({ agentId: a.users.agent.id, asset: "points", amount: 10 });
    },
  }),
  "list-approvals": op({
    allowed: ["manager", "hr", "admin", "key"],
    scope: "payouts:write",
    otherOrg: "own-org",
    prepare: async () => ({ teamA: await scratchLine(), cash: await scratchLine(cashLine), teamB: await scratchLine(teamBLine()) }),
    run: (ctx) => listApprovals(ctx),
    check: (r, who, lines) => {
      const ids = r.map((l) => l.id);
      expect(r.every((l) => l.orgId === a.org.id && l.status === "pending")).toBe(true);
      expect(ids).toContain(lines.teamA);
      // a manager: only the non-cash lines of their own teams
      expect(ids.includes(lines.cash)).toBe(who !== "manager");
      expect(ids.includes(lines.teamB)).toBe(who !== "manager");
    },
  }),
  "raise-dispute": op({
    allowed: ["agent"], // only the agent a line pays: anyone else's line is not found
    otherOrg: "refused",
    prepare: () => scratchLine(),
    run: (ctx, lineId) => raiseDispute(ctx, { lineId, comment: "I had more surveys than this" }),
    check: async (r, _w, lineId) =>
      expect((await db.select().from(disputes).where(eq(disputes.id, r.id)))[0]).toMatchObject({ orgId: a.org.id, lineId, agentId: a.users.agent.id, state: "open" }),
  }),
  "list-disputes": op({
    allowed: ["hr", "admin", "key"],
    scope: "payouts:write",
    otherOrg: "own-org",
    prepare: scratchDispute,
    run: (ctx) => listDisputeQueue(ctx),
    check: (r, _w, id) => {
      expect(r.map((d) => d.id)).toContain(id);
      expect(r.every((d) => d.orgId === a.org.id && d.state === "open")).toBe(true);
    },
  }),
  "resolve-dispute": op({
    allowed: ["hr", "admin", "key"],
    scope: "payouts:write",
    otherOrg: "refused",
    prepare: scratchDispute,
    run: (ctx, id) => resolveDispute(ctx, id, { decision: "accept", amount: 5, comment: "Two surveys were missing" }),
    check: async (r, _w, id) => {
      expect(r).toMatchObject({ id, state: "accepted", adjustmentLineId: expect.any(String) });
      const [adjustment] = await db.select().from(payoutLines).where(eq(payoutLines.id, r.adjustmentLineId!));
      expect(adjustment).toMatchObject({ orgId: a.org.id, runId: lineRun.runId, lineType: "adjustment", agentId: a.users.agent.id, amount: 5, status: "approved" });
    },
  }),
  "get-statement": op({
    allowed: ["agent", "manager", "hr", "admin"], // the agent's own; team A's manager, HR and admins another's; never a key
    otherOrg: "refused",
    run: (ctx) => getStatement(ctx, { agentUserId: a.users.agent.id }),
    check: (r) => {
      expect(r.agent).toMatchObject({ userId: a.users.agent.id, externalId: a.users.agent.externalId });
      expect(r.periods.flatMap((p) => p.lines).every((l) => l.agentId === a.users.agent.id)).toBe(true);
      expect(r.history.every((e) => e.agentId === a.users.agent.id && e.orgId === a.org.id)).toBe(true);
    },
  }),
  "create-reward-item": op({
    allowed: ["hr", "admin", "key"], // payouts.manage: an API key with payouts:write too
    scope: "payouts:write",
    otherOrg: "own-org",
    run: (ctx) => createRewardItem(ctx, { name: uniq("Team lunch"), pointsCost: 600, stock: 5 }),
    check: async (r) => expect((await db.select().from(rewardItems).where(eq(rewardItems.id, r.id)))[0]).toMatchObject({ orgId: a.org.id, pointsCost: 600, stock: 5 }),
  }),
  "update-reward-item": op({
    allowed: ["hr", "admin", "key"],
    scope: "payouts:write",
    otherOrg: "refused",
    prepare: () => scratchRewardItem(),
    run: (ctx, id) => updateRewardItem(ctx, id, { pointsCost: 75 }),
    check: async (_r, _w, id) => expect((await db.select().from(rewardItems).where(eq(rewardItems.id, id)))[0]?.pointsCost).toBe(75),
  }),
  "list-reward-items": op({
    allowed: ["agent", "manager", "hr", "admin"], // the catalog with one's own points: people only
    otherOrg: "own-org",
    prepare: async () => ({ active: await scratchRewardItem(), inactive: await scratchRewardItem(false) }),
    run: (ctx) => listRewardItems(ctx),
    check: (r, who, items) => {
      const manages = who === "hr" || who === "admin";
      expect(r.canManage).toBe(manages);
      expect(r.items.map((i) => i.id)).toContain(items.active);
      // taken out of the catalog: only those who manage it still see it
      expect(r.items.map((i) => i.id).includes(items.inactive)).toBe(manages);
    },
  }),
  "redeem-reward": op({
    allowed: ["agent", "manager", "hr", "admin"], // everyone spends their own points, never a key
    otherOrg: "refused",
    prepare: async () => {
      await givePoints(10);
      return scratchRewardItem();
    },
    run: (ctx, itemId) => redeemReward(ctx, { itemId }),
    check: async (r, who) => {
      expect(r).toMatchObject({ state: "requested", points: 10 });
      expect((await db.select().from(redemptions).where(eq(redemptions.id, r.id)))[0]).toMatchObject({ orgId: a.org.id, agentId: a.users[who as Role].id });
    },
  }),
  "list-redemptions": op({
    // the organization's queue (scope "all"); everyone's own (scope "mine") is checked below
    allowed: ["hr", "admin", "key"],
    scope: "payouts:write",
    otherOrg: "own-org",
    prepare: scratchRedemption,
    run: (ctx) => listRedemptions(ctx, { scope: "all" }),
    check: (r, _w, id) => expect(r.map((x) => x.id)).toContain(id),
  }),
  "fulfil-redemption": op({
    allowed: ["hr", "admin", "key"],
    scope: "payouts:write",
    otherOrg: "refused",
    prepare: scratchRedemption,
    run: (ctx, id) => fulfilRedemption(ctx, id, { note: "At the front desk" }),
    check: (r, _w, id) => expect(r).toEqual({ id, state: "fulfilled" }),
  }),
  "reject-redemption": op({
    allowed: ["hr", "admin", "key"],
    scope: "payouts:write",
    otherOrg: "refused",
    prepare: scratchRedemption,
    run: (ctx, id) => rejectRedemption(ctx, id, { note: "Sold out this month" }),
    check: async (r, _w, id) => {
      expect(r).toMatchObject({ id, state: "rejected" });
      expect((await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, r.reversalEntryId)))[0]).toMatchObject({ kind: "reversal", amount: 10, agentId: a.users.agent.id });
    },
  }),
};

/** lib/server files that are not actor-facing operations, each with why. */
const NOT_ACTOR_OPERATIONS: Record<string, string> = {
  audit: "helper that writes the audit row inside other operations' transactions; the caller authorizes",
  "campaign-access": "the campaign permission checks every campaign operation calls first",
  "campaign-evaluation": "helper that loads KPIs and evaluates a campaign for simulate, replay, standings and the list, which authorize before calling it",
  "campaign-load": "helper that loads (org-scoped) and re-validates a stored campaign for the campaign operations",
  "campaign-view": "shapes a loaded campaign for reading, no data access",
  "recognition-period": "helper of the recognition pick operations (loads the campaign, evaluates a period), which authorize before calling it",
  "display-token": "makes and hashes display tokens, no data access",
  "get-display": "no actor: TV mode, where the display token is the credential (open-display); realtime.test.ts",
  "leaderboard-input": "validates a board and checks its teams for create-leaderboard and update-leaderboard, which authorize first",
  "leaderboard-view": "computes a board's ranking for get-leaderboard, the streams and TV mode, which authorize (or check the display token) first",
  "open-display":
    "no actor: a display token (TV mode) opens its own link's boards and nothing else; malformed, unknown and revoked tokens are the same 404 (leaderboards.test.ts)",
  "authenticate-api-key": "turns a Bearer token into an actor (exercised by the route tests below)",
  "check-health": "public liveness probe: reports only whether the database answers",
  context: "the Ctx type and clock helper, no operation",
  "kpi-sums": "helper that reads and sums KPI components for getKpis and getKpiSeries, which authorize before calling it",
  "kpi-directory": "helper that loads the agent directory for KPI operations, which authorize before calling it",
  "get-preferred-locale": "server-side only, after a successful password check: returns a language code, nothing else",
  "get-sign-in-options": "public sign-in page data: SSO display name and the published demo sign-ins",
  "load-session-actor": "turns a session into an actor; it is what every operation's actor comes from",
  "rebuild-kpi-rollups": "helper run inside update-kpi-settings' and update-organization's transactions, which authorize and audit",
  "receive-webhook":
    "no actor: a helpdesk delivery authenticated by the HMAC signature of its organization's secret, ingested as the system actor into that organization only (route tests below, webhooks.test.ts)",
  "seed-demo": "operator / first start only, runs as the system actor",
  "start-server": "process start-up (instrumentation.ts), no request reaches it",
  "verify-credentials": "the password check that precedes any actor (throttled; tested in operations.test.ts)",
  "payout-line-rows": "builds payout lines and their ledger entries for close-period, decide-payout-line and resolve-dispute, which authorize first",
  "period-evaluation": "helper that picks and evaluates the campaigns of a period for close-period, which authorizes first",
  "redemption-decision": "loads and locks the (org-scoped) requested redemption for fulfil-redemption and reject-redemption, which authorize first",
  "seed-payouts": "demo only: approves the seeded runs as the system actor during seed demo",
  "seed-rewards": "demo catalog for the operator's seed (seed demo), runs as the system actor through create-reward-item",
};

const OTHER_ORG_LABEL: Record<"otherUser" | "otherKey", string> = { otherUser: "another organization's admin", otherKey: "another organization's API key with every scope" };

function label(who: Who, entry: AnyOpEntry): string {
  switch (who) {
    case "agent":
      return "an agent";
    case "manager":
      return "the manager of team A";
    case "hr":
      return "HR";
    case "admin":
      return "an admin";
    case "key":
      return entry.scope ? `an API key with ${entry.scope}` : "an API key with every scope";
    case "keyWithoutScope":
      return entry.scope ? `an API key with every scope but ${entry.scope}` : "an API key with one scope";
    default:
      return OTHER_ORG_LABEL[who];
  }
}

async function actorFor(who: Who, entry: AnyOpEntry): Promise<Actor> {
  switch (who) {
    case "agent":
    case "manager":
    case "hr":
    case "admin":
      return a.actors[who];
    case "key":
      return keyActor(a, entry.scope ? [entry.scope] : API_SCOPES);
    case "keyWithoutScope":
      return keyActor(a, entry.scope ? API_SCOPES.filter((s) => s !== entry.scope) : ["leaderboards:read"]);
    case "otherUser":
      return b.actors.admin;
    case "otherKey":
      return keyActor(b, API_SCOPES);
  }
}

describe("operations in lib/server", () => {
  it("covers every file in lib/server: each is in the matrix or in NOT_ACTOR_OPERATIONS", () => {
    const files = readdirSync(path.join(ROOT, "lib/server"))
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => f.replace(/\.ts$/, ""));
    const missing = files.filter((f) => !(f in OPERATIONS) && !(f in NOT_ACTOR_OPERATIONS));
    expect(missing, "operations without an authorization entry: add them to OPERATIONS or NOT_ACTOR_OPERATIONS").toEqual([]);
    const stale = [...Object.keys(OPERATIONS), ...Object.keys(NOT_ACTOR_OPERATIONS)].filter((k) => !files.includes(k));
    expect(stale, "entries for files that no longer exist").toEqual([]);
    expect(Object.keys(OPERATIONS).filter((k) => k in NOT_ACTOR_OPERATIONS)).toEqual([]);
  });

  describe.each(Object.entries(OPERATIONS))("%s", (_name, entry) => {
    const title = (who: Who) => {
      if (who === "otherUser" || who === "otherKey") {
        return entry.otherOrg === "refused" ? `refuses ${label(who, entry)} (org A's ids)` : `gives ${label(who, entry)} nothing of org A`;
      }
      return `${entry.allowed.includes(who) ? "allows" : "refuses"} ${label(who, entry)}`;
    };
    it.each(ALL_WHO.map((who) => [title(who), who] as const))("%s", async (_title, who) => {
      const actor = await actorFor(who, entry);
      const prepared = entry.prepare ? await entry.prepare() : undefined;
      const beforeA = await orgState(a.org.id);
      const sameOrg = who !== "otherUser" && who !== "otherKey";
      let result: unknown;
      let error: unknown;
      try {
        result = await entry.run({ db, actor }, prepared);
      } catch (err) {
        error = err;
      }
      if (sameOrg && entry.allowed.includes(who)) {
        expect(error, `allowed, but threw ${refusalName(error)}: ${String(error)}`).toBeUndefined();
        await entry.check?.(result, who, prepared);
        return;
      }
      if (sameOrg || entry.otherOrg === "refused" || error !== undefined) {
        expect(refusalName(error), `must be refused with ForbiddenError or NotFoundError (${String(error)})`).toMatch(/^(ForbiddenError|NotFoundError)$/);
      } else {
        await expectNoLeak(result, a.org.id);
      }
      // Refused, or served from another organization: nothing of org A changed.
      expect(await orgState(a.org.id)).toEqual(beforeA);
    });
  });

  it("answers 404, not 403, to an admin of another organization naming org A's ids", async () => {
    const ctx = { db, actor: b.actors.admin };
    const teamId = await scratchTeam();
    // Everything awaited comes first: a promise created before an await could reject with no handler attached yet.
    const keyId = (await a.apiKey(["kpis:read"])).id;
    const attempts: Promise<unknown>[] = [
      getTeam(ctx, a.teamA.id),
      renameTeam(ctx, { teamId, name: "Mine now" }),
      deleteTeam(ctx, { teamId }),
      addTeamMember(ctx, { teamId, userId: b.users.agent.id, role: "agent" }),
      removeTeamMember(ctx, { teamId: a.teamA.id, userId: a.users.agent.id }),
      updateUser(ctx, { userId: a.users.agent.id, name: "Mine", role: "admin", active: true }),
      resetPassword(ctx, { userId: a.users.agent.id }),
      revokeApiKey(ctx, { keyId }),
    ];
    const outcomes = await Promise.allSettled(attempts);
    expect(outcomes.map((o) => (o.status === "rejected" ? refusalName(o.reason) : "fulfilled"))).toEqual(Array(attempts.length).fill("NotFoundError"));
  });

  it("lets a manager read only their own team", async () => {
    const ctx = { db, actor: a.actors.manager };
    expect((await getTeam(ctx, a.teamA.id)).id).toBe(a.teamA.id);
    await expect(getTeam(ctx, a.teamB.id)).rejects.toSatisfy((e) => refusalName(e) === "NotFoundError");
    const rows = await listAgents(ctx);
    expect(rows.every((r) => r.teams.some((t) => t.id === a.teamA.id))).toBe(true);
    expect(rows.map((r) => r.externalId)).toEqual([a.users.agent.externalId]);
    // A manager of no team sees no agent at all.
    const lonely = { ...a.actors.manager, managedTeamIds: [] };
    expect(await listAgents({ db, actor: lonely })).toEqual([]);
  });

  it("takes a demoted manager's team away on their next request", async () => {
    const admin = { db, actor: a.actors.admin };
    const teamId = await scratchTeam();
    const lead = await createUser(admin, { email: `${uniq("lead").replace(" ", "-")}@authz.example.test`, role: "manager", password: "a long password" });
    await addTeamMember(admin, { teamId, userId: lead.id, role: "manager" });
    await addTeamMember(admin, { teamId, userId: a.users.agentB.id, role: "agent" });
    const asManager = (await loadSessionActor(db, { userId: lead.id }))!;
    expect((await getTeam({ db, actor: asManager }, teamId)).members.map((m) => m.userId)).toContain(a.users.agentB.id);

    await updateUser(admin, { userId: lead.id, name: lead.name, role: "agent", active: true });
    const demoted = (await loadSessionActor(db, { userId: lead.id }))!;
    expect(demoted.role).toBe("agent");
    // An agent may not read a team's roster (names, emails, active flags) nor see it as a team they manage.
    await expect(getTeam({ db, actor: demoted }, teamId)).rejects.toSatisfy((e) => refusalName(e) === "NotFoundError");
    expect((await getHome({ db, actor: demoted })).managedTeams).toEqual([]);
  });

  it("answers 404, not 403, to an admin of another organization naming org A's payout and reward ids", async () => {
    const ctx = { db, actor: b.actors.admin };
    const [lineId, disputeId, itemId, redemptionId, approvedRunId] = [await scratchLine(), await scratchDispute(), await scratchRewardItem(), await scratchRedemption(), await runIn("approved")];
    const attempts: Promise<unknown>[] = [
      getPayoutRun(ctx, lineRun.runId),
      transitionPayoutRun(ctx, lineRun.runId, "submit"),
      exportPayoutRun(ctx, approvedRunId, "csv"),
      decidePayoutLine(ctx, lineId, "approve"),
      raiseDispute({ db, actor: b.actors.agent }, { lineId, comment: "mine" }),
      resolveDispute(ctx, disputeId, { decision: "reject", comment: "no" }),
      getStatement(ctx, { agentUserId: a.users.agent.id }),
      updateRewardItem(ctx, itemId, { pointsCost: 1 }),
      redeemReward(ctx, { itemId }),
      fulfilRedemption(ctx, redemptionId),
      rejectRedemption(ctx, redemptionId),
    ];
    const outcomes = await Promise.allSettled(attempts);
    expect(outcomes.map((o) => (o.status === "rejected" ? refusalName(o.reason) : "fulfilled"))).toEqual(Array(attempts.length).fill("NotFoundError"));
  });

  it("lets a manager decide only the non-cash lines of their own teams, and read only their teams' statements", async () => {
    const manager = { db, actor: a.actors.manager };
    const [cash, teamB, agentsLine] = [await scratchLine(cashLine), await scratchLine(teamBLine()), await scratchLine()];
    const before = await orgState(a.org.id);
    await expect(decidePayoutLine(manager, cash, "approve")).rejects.toSatisfy((e) => refusalName(e) === "ForbiddenError");
    await expect(decidePayoutLine(manager, teamB, "reject")).rejects.toSatisfy((e) => refusalName(e) === "ForbiddenError");
    await expect(getStatement(manager, { agentUserId: a.users.agentB.id })).rejects.toSatisfy((e) => refusalName(e) === "ForbiddenError");
    // agents: their own statement only, and no dispute on another agent's line
    await expect(getStatement({ db, actor: a.actors.agentB }, { agentUserId: a.users.agent.id })).rejects.toSatisfy((e) => refusalName(e) === "ForbiddenError");
    await expect(raiseDispute({ db, actor: a.actors.agentB }, { lineId: agentsLine, comment: "mine" })).rejects.toSatisfy((e) => refusalName(e) === "NotFoundError");
    expect((await getStatement(manager)).agent.userId).toBe(a.users.manager.id);
    expect(await orgState(a.org.id)).toEqual(before);
  });

  it("shows every person only their own redemptions, and the whole queue to HR and admins only", async () => {
    const agentsRedemption = await scratchRedemption();
    for (const who of ["agent", "manager", "hr", "admin"] as const) {
      const mine = await listRedemptions({ db, actor: a.actors[who] });
      expect(mine.every((r) => r.agentId === a.users[who].id), who).toBe(true);
      expect(mine.map((r) => r.id).includes(agentsRedemption), who).toBe(who === "agent");
    }
    for (const who of ["agent", "manager"] as const) {
      await expect(listRedemptions({ db, actor: a.actors[who] }, { scope: "all" })).rejects.toSatisfy((e) => refusalName(e) === "ForbiddenError");
    }
    await expect(listRedemptions({ db, actor: await keyActor(a, ["payouts:write"]) })).rejects.toSatisfy((e) => refusalName(e) === "ForbiddenError");
  });

  it("lets only the operator create organizations", async () => {
    const org = await createOrganization({ db, actor: system }, { name: uniq("Operator org") });
    expect(org.name).toMatch(/^Operator org/);
    expect(() => orgOf(system)).toThrow(ForbiddenError);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Route handlers

type Handler = (request: Request, context: { params: Promise<unknown> }) => Response | Promise<Response>;
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
const BYPASS_HEADERS = ["proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware"];

type Answer = { status: number; contentType: string | null; body: string; json: unknown };
type RouteParams = Record<string, string | string[]>;

type RouteEntry =
  | { kind: "public"; url: string; check: (answer: Answer) => void | Promise<void> }
  | {
      kind: "keyed";
      scope: ApiScope;
      url: () => string;
      /** Called for every request: routes that change what they act on (launch, a run's next step) get a new target each time. */
      params: () => RouteParams | Promise<RouteParams>;
      /** The JSON (if the answer is JSON) and the whole answer (files). */
      check: (json: unknown, answer: Answer) => void | Promise<void>;
      /** A request body, made afresh for every request (POST routes). */
      body?: () => string;
      /** What a key of another organization with the scope gets: a 404, or 200 with only its own organization's data. */
      otherOrg: "404" | "own-org";
      /** What must be the same whatever the bypass header, for routes whose every call makes something new. */
      comparable?: (answer: Answer) => unknown;
    }
  | {
      /** The web app's own routes: the signed-in person's session (mocked here), no API key. */
      kind: "session";
      allowed: readonly ActionWho[];
      /** What another organization's admin gets: a 404 for org A's ids, or their own organization's data. */
      otherOrg: "404" | "own-org";
      url: () => string;
      params: () => RouteParams | Promise<RouteParams>;
      check: (answer: Answer) => void | Promise<void>;
      /** Extra checks on another organization's admin's (own-org) answer. */
      checkOtherOrg?: (answer: Answer) => void | Promise<void>;
    }
  | { kind: "fallback"; url: string; params: Record<string, string[]> }
  | {
      /** No API key: authenticated by an HMAC signature made with the organization's secret for the source. */
      kind: "signed";
      /** Configures the organization's secret (as the operator) and returns it. */
      configure: (orgId: string) => Promise<string>;
      /** A fresh request to `orgId`'s webhook URL, signed with `secret` (unsigned when null). */
      request: (orgId: string, secret: string | null) => { url: string; params: Record<string, string>; body: string; headers: Record<string, string> };
      check: (json: unknown) => void | Promise<void>;
    }
  | { kind: "not-exercised"; reason: string };

const catchAll = Object.fromEntries(
  ["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => [
    `${m} /api/v1/[...path]`,
    { kind: "fallback", url: "http://localhost/api/v1/no/such/endpoint", params: { path: ["no", "such", "endpoint"] } } satisfies RouteEntry,
  ]),
);

type AgentJson = { externalId: string; email: string; teams: { id: string; name: string }[] };

/** A payout run's next step acts on a new run each time: the answers agree on status and state, not ids. */
const runStateAnswer = (answer: Answer) => {
  const json = answer.json as { state?: unknown; error?: unknown } | undefined;
  return { status: answer.status, state: json?.state, error: json?.error };
};
/** The export run's file: the contract's header row and the agent's one approved line (SPEC §6). */
function expectCsvExport(answer: Answer) {
  expect(answer.status).toBe(200);
  expect(answer.contentType).toBe("text/csv; charset=utf-8");
  const [header, ...records] = answer.body.split("\r\n").filter((r) => r !== "");
  expect(header).toBe(EXPORT_COLUMNS.join(","));
  expect(records).toHaveLength(1);
  expect(records[0]).toContain(a.users.agent.email);
}
function expectXlsxExport(answer: Answer) {
  expect(answer.status).toBe(200);
  expect(answer.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(answer.body.startsWith("PK")).toBe(true); // a zip: the workbook
}

const ROUTES: Record<string, RouteEntry> = {
  "GET /api/health": {
    kind: "public",
    url: "http://localhost/api/health",
    check: ({ status, json }) => {
      expect(status).toBe(200);
      expect(json).toEqual({ status: "ok", database: app.kind });
    },
  },
  "GET /api/v1/openapi.json": {
    kind: "public",
    url: "http://localhost/api/v1/openapi.json",
    check: ({ status, json }) => {
      expect(status).toBe(200);
      expect(json).toMatchObject({ openapi: "3.1.0", servers: [{ url: "http://localhost" }] });
    },
  },
  "GET /api/v1/agents": {
    kind: "keyed",
    scope: "kpis:read",
    url: () => "http://localhost/api/v1/agents",
    params: () => ({}),
    otherOrg: "own-org",
    check: async (json) => {
      const agents = (json as { agents: AgentJson[] }).agents;
      expect(agents.map((x) => x.externalId).sort()).toEqual(await agentExternalIds(a.org.id));
    },
  },
  "GET /api/v1/agents/[externalId]": {
    kind: "keyed",
    scope: "kpis:read",
    url: () => `http://localhost/api/v1/agents/${encodeURIComponent(a.users.agent.externalId!)}`,
    // Next.js hands route handlers params already percent-decoded (once).
    params: () => ({ externalId: a.users.agent.externalId! }),
    otherOrg: "404",
    check: (json) => {
      expect(json).toMatchObject({ externalId: a.users.agent.externalId, email: a.users.agent.email, active: true, teams: [{ id: a.teamA.id, name: "Team A" }] });
    },
  },
  "POST /api/v1/events": {
    kind: "keyed",
    scope: "events:write",
    url: () => "http://localhost/api/v1/events",
    params: () => ({}),
    body: () => JSON.stringify({ events: [{ id: uniq("route-event"), type: "qa_review", agent: a.users.agent.externalId, occurredAt: "2026-02-02T10:00:00Z", score: 90 }] }),
    otherOrg: "own-org",
    check: (json) => expect(json).toEqual({ accepted: 1, duplicates: 0, rejected: [] }),
  },
  "POST /api/v1/campaigns": {
    kind: "keyed",
    scope: "campaigns:write",
    url: () => "http://localhost/api/v1/campaigns",
    params: () => ({}),
    body: () => JSON.stringify(orgWideCampaign()),
    otherOrg: "own-org",
    comparable: campaignStateAnswer,
    check: (json) => expect(json).toMatchObject({ id: expect.any(String), version: 1 }),
  },
  "GET /api/v1/campaigns": {
    kind: "keyed",
    scope: "campaigns:read",
    url: () => "http://localhost/api/v1/campaigns",
    params: () => ({}),
    otherOrg: "own-org",
    check: (json) => expect((json as { campaigns: Array<{ id: string }> }).campaigns.map((c) => c.id)).toContain(routeCampaignId),
  },
  "POST /api/v1/campaigns/simulate": {
    kind: "keyed",
    scope: "campaigns:read",
    url: () => "http://localhost/api/v1/campaigns/simulate",
    params: () => ({}),
    body: () => JSON.stringify({ campaign: orgWideCampaign(), from: "2026-02-01", to: "2026-02-28" }),
    otherOrg: "own-org",
    check: (json) =>
      expect((json as { results: Array<{ agent: string }> }).results.map((r) => r.agent)).toEqual(expect.arrayContaining([a.users.agent.externalId, a.users.agentB.externalId])),
  },
  "GET /api/v1/campaigns/[id]": {
    kind: "keyed",
    scope: "campaigns:read",
    url: () => `http://localhost/api/v1/campaigns/${routeCampaignId}`,
    params: () => ({ id: routeCampaignId }),
    otherOrg: "404",
    check: (json) => expect(json).toMatchObject({ id: routeCampaignId, version: 1, status: "draft", rule: { kind: "threshold" } }),
  },
  "PUT /api/v1/campaigns/[id]": {
    kind: "keyed",
    scope: "campaigns:write",
    url: () => `http://localhost/api/v1/campaigns/${routeCampaignId}`,
    params: () => ({ id: routeCampaignId }),
    body: () => JSON.stringify(teamACampaign()),
    otherOrg: "404",
    check: (json) => expect(json).toEqual({ id: routeCampaignId, version: 1 }),
  },
  "POST /api/v1/campaigns/[id]/launch": {
    kind: "keyed",
    scope: "campaigns:write",
    url: () => "http://localhost/api/v1/campaigns/draft/launch",
    params: () => ({ id: launchPool.shift()! }),
    otherOrg: "404",
    comparable: campaignStateAnswer,
    check: (json) => expect(json).toMatchObject({ status: "active" }),
  },
  "POST /api/v1/campaigns/[id]/archive": {
    kind: "keyed",
    scope: "campaigns:write",
    url: () => "http://localhost/api/v1/campaigns/draft/archive",
    params: () => ({ id: archivePool.shift()! }),
    otherOrg: "404",
    comparable: campaignStateAnswer,
    check: (json) => expect(json).toMatchObject({ status: "archived" }),
  },
  "GET /api/v1/campaigns/[id]/standings": {
    kind: "keyed",
    scope: "campaigns:read",
    url: () => `http://localhost/api/v1/campaigns/${routeCampaignId}/standings?from=2026-02-01&to=2026-02-28`,
    params: () => ({ id: routeCampaignId }),
    otherOrg: "404",
    check: (json) => expect(json).toMatchObject({ campaignId: routeCampaignId, version: 1, provisional: true, from: "2026-02-01" }),
  },
  "GET /api/v1/campaigns/[id]/versions": {
    kind: "keyed",
    scope: "campaigns:read",
    url: () => `http://localhost/api/v1/campaigns/${routeCampaignId}/versions`,
    params: () => ({ id: routeCampaignId }),
    otherOrg: "404",
    check: (json) => expect((json as { versions: Array<{ version: number }> }).versions.map((v) => v.version)).toEqual([1]),
  },
  "POST /api/v1/leaderboards": {
    kind: "keyed",
    scope: "leaderboards:write",
    url: () => "http://localhost/api/v1/leaderboards",
    params: () => ({}),
    body: () => JSON.stringify({ name: uniq("API board"), metric: "aht", period: "month" }),
    otherOrg: "own-org",
    comparable: (answer) => ({ status: answer.status, error: (answer.json as { error?: unknown } | undefined)?.error }),
    check: (json) => expect(json).toMatchObject({ id: expect.any(String) }),
  },
  "GET /api/v1/leaderboards": {
    kind: "keyed",
    scope: "leaderboards:read",
    url: () => "http://localhost/api/v1/leaderboards",
    params: () => ({}),
    otherOrg: "own-org",
    check: (json) => expect((json as { leaderboards: Array<{ id: string }> }).leaderboards.map((b) => b.id)).toContain(routeBoardId),
  },
  "GET /api/v1/leaderboards/[id]": {
    kind: "keyed",
    scope: "leaderboards:read",
    url: () => `http://localhost/api/v1/leaderboards/${routeBoardId}?from=2026-02-01&to=2026-02-28&top=5`,
    params: () => ({ id: routeBoardId }),
    otherOrg: "404",
    check: (json) => expect(json).toMatchObject({ id: routeBoardId, period: { from: "2026-02-01", to: "2026-02-28" }, rows: [] }),
  },
  "GET /api/v1/kpis": {
    kind: "keyed",
    scope: "kpis:read",
    url: () => "http://localhost/api/v1/kpis?from=2026-02-01&to=2026-02-28&groupBy=agent&metrics=qa_score,calls_offered",
    params: () => ({}),
    otherOrg: "own-org",
    check: async (json) => {
      const rows = (json as KpiResult).rows;
      expect(rows.map((r) => r.key).sort()).toEqual(await agentExternalIds(a.org.id));
      expect(rows.find((r) => r.key === a.users.agent.externalId)?.metrics.calls_offered).toEqual({ value: null, n: 0 });
    },
  },
  "POST /api/v1/webhooks/[source]": {
    kind: "signed",
    configure: (orgId) => configureWebhook(orgId, "zendesk"),
    request: (orgId, secret) => {
      const ticketId = uniq("t").replace(/\W+/g, "");
      const body = JSON.stringify({
        ticket: { id: ticketId, status: "Solved", created_at: "2026-02-02T01:00:00Z", updated_at: "2026-02-02T03:00:00Z", assignee_email: a.users.agent.email, group_name: "Authz" },
      });
      const timestamp = new Date().toISOString();
      const headers: Record<string, string> = secret
        ? { "X-Zendesk-Webhook-Signature": createHmac("sha256", secret).update(timestamp + body).digest("base64"), "X-Zendesk-Webhook-Signature-Timestamp": timestamp }
        : {};
      return { url: `http://localhost/api/v1/webhooks/zendesk?org=${orgId}`, params: { source: "zendesk" }, body, headers };
    },
    check: (json) => expect(json).toEqual({ accepted: 1, duplicates: 0, rejected: [] }),
  },
  "POST /api/v1/periods/close": {
    kind: "keyed",
    scope: "payouts:write",
    url: () => "http://localhost/api/v1/periods/close",
    params: () => ({}),
    body: () => JSON.stringify(nextCloseRange()),
    otherOrg: "own-org",
    comparable: (answer) => ({ status: answer.status, error: (answer.json as { error?: unknown } | undefined)?.error }),
    check: async (json) => {
      expect(json).toEqual({ periodId: expect.any(String), payoutRunId: expect.any(String) });
      const runId = (json as { payoutRunId: string }).payoutRunId;
      expect((await db.select().from(payoutRuns).where(eq(payoutRuns.id, runId)))[0]).toMatchObject({ orgId: a.org.id, state: "draft" });
    },
  },
  "GET /api/v1/payout-runs/[id]": {
    kind: "keyed",
    scope: "payouts:read",
    url: () => `http://localhost/api/v1/payout-runs/${lineRun.runId}?status=pending&limit=50`,
    params: () => ({ id: lineRun.runId }),
    otherOrg: "404",
    check: (json) => {
      const run = json as { id: string; state: string; lines: Array<{ orgId: string; status: string }> };
      expect(run).toMatchObject({ id: lineRun.runId, state: "draft", period: { id: lineRun.periodId } });
      expect(run.lines.length).toBeGreaterThan(0);
      expect(run.lines.every((l) => l.orgId === a.org.id && l.status === "pending")).toBe(true);
    },
  },
  "POST /api/v1/payout-runs/[id]/submit": {
    kind: "keyed",
    scope: "payouts:write",
    url: () => "http://localhost/api/v1/payout-runs/draft/submit",
    params: async () => ({ id: await runIn("draft") }),
    otherOrg: "404",
    comparable: runStateAnswer,
    check: (json) => expect(json).toMatchObject({ state: "in_review" }),
  },
  "POST /api/v1/payout-runs/[id]/approve": {
    kind: "keyed",
    scope: "payouts:write",
    url: () => "http://localhost/api/v1/payout-runs/in-review/approve",
    params: async () => ({ id: await runIn("in_review") }),
    otherOrg: "404",
    comparable: runStateAnswer,
    check: (json) => expect(json).toMatchObject({ state: "approved" }),
  },
  "POST /api/v1/payout-runs/[id]/lines/[lineId]/approve": {
    kind: "keyed",
    scope: "payouts:write",
    url: () => "http://localhost/api/v1/payout-runs/run/lines/line/approve",
    params: async () => ({ id: lineRun.runId, lineId: await scratchLine() }),
    otherOrg: "404",
    comparable: (answer) => ({ status: answer.status, error: (answer.json as { error?: unknown } | undefined)?.error }),
    check: async (json) => {
      const { id } = json as { id: string };
      expect(json).toEqual({ id, status: "approved" });
      const [entry] = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.orgId, a.org.id), eq(ledgerEntries.source, `payout_line:${id}`)));
      expect(entry).toMatchObject({ agentId: a.users.agent.id, asset: "points", amount: 10 });
    },
  },
  "POST /api/v1/payout-runs/[id]/lines/[lineId]/reject": {
    kind: "keyed",
    scope: "payouts:write",
    url: () => "http://localhost/api/v1/payout-runs/run/lines/line/reject",
    params: async () => ({ id: lineRun.runId, lineId: await scratchLine() }),
    otherOrg: "404",
    comparable: (answer) => ({ status: answer.status, error: (answer.json as { error?: unknown } | undefined)?.error }),
    check: async (json) => {
      const { id } = json as { id: string };
      expect(json).toEqual({ id, status: "rejected" });
      expect(await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.orgId, a.org.id), eq(ledgerEntries.source, `payout_line:${id}`)))).toEqual([]);
    },
  },
  "POST /api/v1/payout-runs/[id]/paid": {
    kind: "keyed",
    scope: "payouts:write",
    url: () => "http://localhost/api/v1/payout-runs/exported/paid",
    params: async () => ({ id: await runIn("exported") }),
    otherOrg: "404",
    comparable: runStateAnswer,
    check: (json) => expect(json).toMatchObject({ state: "paid" }),
  },
  "GET /api/v1/payout-runs/[id]/export.csv": {
    kind: "keyed",
    scope: "payouts:read",
    url: () => `http://localhost/api/v1/payout-runs/${exportRunId}/export.csv`,
    params: () => ({ id: exportRunId }),
    otherOrg: "404",
    check: (_json, answer) => expectCsvExport(answer),
  },
  "GET /api/v1/payout-runs/[id]/export.xlsx": {
    kind: "keyed",
    scope: "payouts:read",
    url: () => `http://localhost/api/v1/payout-runs/${exportRunId}/export.xlsx`,
    params: () => ({ id: exportRunId }),
    otherOrg: "404",
    check: (_json, answer) => expectXlsxExport(answer),
  },
  "GET /api/periods": {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "own-org",
    url: () => "http://localhost/api/periods",
    params: () => ({}),
    check: ({ json }) => expect((json as { closing: unknown[] }).closing).toContainEqual({ id: closingPeriodId, from: expect.any(String), to: expect.any(String), progress: 1, total: 3 }),
    checkOtherOrg: ({ body }) => expect(body).not.toContain(closingPeriodId),
  },
  "GET /api/audit/export.csv": {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "own-org",
    // only org A's payout run moves: the export's own audit row must not change the next answer
    url: () => "http://localhost/api/audit/export.csv?action=payout_run.",
    params: () => ({}),
    check: ({ contentType, body }) => {
      expect(contentType).toBe("text/csv; charset=utf-8");
      const [header, ...records] = body.split("\r\n").filter((r) => r !== "");
      expect(header).toBe(AUDIT_EXPORT_COLUMNS.join(","));
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((r) => r.split(",")[3]?.startsWith("payout_run."))).toBe(true);
    },
  },
  "GET /api/payout-runs/[id]/export.csv": {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "404",
    url: () => `http://localhost/api/payout-runs/${exportRunId}/export.csv`,
    params: () => ({ id: exportRunId }),
    check: expectCsvExport,
  },
  "GET /api/payout-runs/[id]/export.xlsx": {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "404",
    url: () => `http://localhost/api/payout-runs/${exportRunId}/export.xlsx`,
    params: () => ({ id: exportRunId }),
    check: expectXlsxExport,
  },
  ...catchAll,
  "GET /api/auth/[...nextauth]": { kind: "not-exercised", reason: "Auth.js's own sign-in endpoints; covered by e2e" },
  "GET /api/v1/leaderboards/[id]/stream": {
    kind: "not-exercised",
    reason: "an SSE stream stays open, so this suite cannot read it to the end; its check is subscribe-leaderboard (in the matrix above), and realtime.test.ts covers 401, 403, 404, 400 and the stream itself",
  },
  "GET /api/leaderboards/[id]/stream": {
    kind: "not-exercised",
    reason: "the web app's SSE stream (session): subscribe-leaderboard above; realtime.test.ts covers 401 without a session and the stream",
  },
  "GET /api/display/[token]": {
    kind: "not-exercised",
    reason: "TV mode: the display token is the credential (get-display, open-display); leaderboards.test.ts and realtime.test.ts cover malformed, unknown and revoked tokens (404) and that only the link's boards are shown",
  },
  "GET /api/display/[token]/stream": {
    kind: "not-exercised",
    reason: "TV mode's SSE stream: realtime.test.ts covers the 404s and the revoked link ending the stream",
  },
  "POST /api/auth/[...nextauth]": { kind: "not-exercised", reason: "Auth.js's own sign-in endpoints; covered by e2e" },
};

function routeFiles(dir = path.join(ROOT, "app/api")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? routeFiles(path.join(dir, d.name)) : d.name === "route.ts" ? [path.join(dir, d.name)] : [],
  );
}
const routePathOf = (file: string) => "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
const routeFileOf = (key: string) => path.join(ROOT, "app", key.split(" ")[1]!, "route.ts");

async function handlerFor(key: string): Promise<Handler> {
  const mod = (await import(/* @vite-ignore */ routeFileOf(key))) as Record<string, unknown>;
  const handler = mod[key.split(" ")[0]!];
  if (typeof handler !== "function") throw new Error(`${key}: no such export`);
  return handler as Handler;
}

/**
 * Calls a handler three times — plainly and with each x-middleware-subrequest bypass header — and requires the same
 * answer every time: the header that once let requests skip Next.js middleware grants nothing here.
 */
async function send(
  key: string,
  url: string,
  params: unknown,
  headers: Record<string, string> = {},
  makeBody?: () => string,
  comparable: (answer: Answer) => unknown = (answer) => answer,
): Promise<Answer> {
  const handler = await handlerFor(key);
  const method = key.split(" ")[0]!;
  const answers: Answer[] = [];
  for (const bypass of [undefined, ...BYPASS_HEADERS]) {
    const h = new Headers(headers);
    if (bypass) h.set("x-middleware-subrequest", bypass);
    // a function gives each request its own params (routes that change what they act on: launch, archive)
    const p = typeof params === "function" ? (params as () => unknown)() : params;
    const res = await handler(new Request(url, { method, headers: h, body: makeBody?.() }), { params: Promise.resolve(p) });
    const body = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    answers.push({ status: res.status, contentType: res.headers.get("content-type"), body, json });
  }
  expect(comparable(answers[1]!), "x-middleware-subrequest: proxy:… changed the answer").toEqual(comparable(answers[0]!));
  expect(comparable(answers[2]!), "x-middleware-subrequest: middleware:… changed the answer").toEqual(comparable(answers[0]!));
  return answers[0]!;
}

function expectError(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toMatch(/^application\/json/);
  expect(answer.json).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

describe("route handlers under app/api", () => {
  it("has an entry for every exported method of every route.ts", async () => {
    const found: string[] = [];
    for (const file of routeFiles()) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const m of HTTP_METHODS) if (typeof mod[m] === "function") found.push(`${m} ${routePathOf(file)}`);
    }
    expect(found.filter((k) => !(k in ROUTES)), "route handlers without an entry in ROUTES").toEqual([]);
    expect(Object.keys(ROUTES).filter((k) => !found.includes(k)), "ROUTES entries without a handler").toEqual([]);
  });

  it("documents every public and keyed route in the OpenAPI document", () => {
    const documented = Object.entries(openApiDocument("http://localhost").paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const served = Object.entries(ROUTES)
      .filter(([, e]) => e.kind === "public" || e.kind === "keyed" || e.kind === "signed")
      .map(([k]) => k.replace(/\[([^\]]+)\]/g, "{$1}"));
    expect(served.filter((k) => !documented.includes(k)), "routes missing from lib/http/openapi.ts").toEqual([]);
  });

  describe.each(Object.entries(ROUTES).filter(([, e]) => e.kind === "public"))("%s (public)", (key, entry) => {
    it("answers without credentials, and the same with a bogus key", async () => {
      if (entry.kind !== "public") throw new Error("unreachable");
      const plain = await send(key, entry.url, {});
      await entry.check(plain);
      const withKey = await send(key, entry.url, {}, { authorization: "Bearer pdm_bogus" });
      expect(withKey).toEqual(plain);
    });
  });

  describe.each(Object.entries(ROUTES).filter(([, e]) => e.kind === "signed"))("%s (signed webhook)", (key, e) => {
    const entry = e as Extract<RouteEntry, { kind: "signed" }>;
    const eventCount = async (orgId: string) => Number((await db.select({ n: count() }).from(storedEvents).where(eq(storedEvents.orgId, orgId)))[0]?.n);

    it("answers 401 unsigned, wrongly signed or signed for another organization, whatever the API key, and changes nothing", async () => {
      const secretA = await entry.configure(a.org.id);
      await entry.configure(b.org.id);
      const k = await a.apiKey([...API_SCOPES]);
      const before = await orgState(a.org.id);
      const eventsBefore = await eventCount(a.org.id);
      const attempts: [string, ReturnType<typeof entry.request>, Record<string, string>][] = [
        ["unsigned", entry.request(a.org.id, null), {}],
        ["unsigned, with an API key of org A", entry.request(a.org.id, null), { authorization: `Bearer ${k.key}` }],
        ["signed with another secret", entry.request(a.org.id, "not-the-secret-of-org-a"), {}],
        ["signed with org A's secret, sent to org B's URL", entry.request(b.org.id, secretA), {}],
      ];
      for (const [what, req, extra] of attempts) {
        const answer = await send(key, req.url, req.params, { ...req.headers, ...extra }, () => req.body);
        expect(answer.status, what).toBe(401);
        expectError(answer, 401, "unauthorized");
      }
      expect(await orgState(a.org.id)).toEqual(before);
      expect(await eventCount(a.org.id)).toBe(eventsBefore);
    });

    it("answers 200 and ingests into org A when signed with org A's secret", async () => {
      const req = entry.request(a.org.id, await entry.configure(a.org.id));
      const handler = await handlerFor(key);
      const res = await handler(new Request(req.url, { method: "POST", headers: req.headers, body: req.body }), { params: Promise.resolve(req.params) });
      expect(res.status).toBe(200);
      await entry.check(await res.json());
    });
  });

  describe.each(Object.entries(ROUTES).filter(([, e]) => e.kind === "fallback"))("%s (unknown API path)", (key, entry) => {
    it("answers 404 in the API's JSON error shape, with or without a key", async () => {
      if (entry.kind !== "fallback") throw new Error("unreachable");
      const key1 = await a.apiKey([...API_SCOPES]);
      const plain = await send(key, entry.url, entry.params);
      expectError(plain, 404, "not_found");
      expect(await send(key, entry.url, entry.params, { authorization: `Bearer ${key1.key}` })).toEqual(plain);
    });
  });

  describe.each(Object.entries(ROUTES).filter(([, e]) => e.kind === "keyed"))("%s", (key, e) => {
    const entry = e as Extract<RouteEntry, { kind: "keyed" }>;
    const go = (headers: Record<string, string> = {}) => send(key, entry.url(), entry.params, headers, entry.body, entry.comparable);

    it("answers 401 without an Authorization header", async () => {
      expectError(await go(), 401, "unauthorized");
    });

    it("answers 401 for a malformed or unknown key", async () => {
      for (const authorization of ["Bearer", "Basic dXNlcjpwYXNz", "Bearer not-a-podium-key", `Bearer pdm_${"A".repeat(43)}`]) {
        expectError(await go({ authorization }), 401, "unauthorized");
      }
    });

    it("answers 401 for a revoked key", async () => {
      const k = await a.apiKey([entry.scope]);
      expect((await go({ authorization: `Bearer ${k.key}` })).status).toBeLessThan(300);
      await revokeApiKey({ db, actor: a.actors.admin }, { keyId: k.id });
      expectError(await go({ authorization: `Bearer ${k.key}` }), 401, "unauthorized");
    });

    it(`answers 403 for a key without ${entry.scope}`, async () => {
      const k = await a.apiKey(API_SCOPES.filter((s) => s !== entry.scope));
      expectError(await go({ authorization: `Bearer ${k.key}` }), 403, "forbidden");
    });

    it(`answers 200 with only org A's data for a key with ${entry.scope}`, async () => {
      const k = await a.apiKey([entry.scope]);
      const answer = await go({ authorization: `Bearer ${k.key}` });
      expect(answer.status, JSON.stringify(answer.json)).toBeLessThan(300);
      await entry.check(answer.json, answer);
      await expectNoLeak(answer.json ?? answer.body, b.org.id);
    });

    it(`keeps another organization's key with ${entry.scope} away from org A's data`, async () => {
      const k = await b.apiKey([entry.scope]);
      const answer = await go({ authorization: `Bearer ${k.key}` });
      if (entry.otherOrg === "404") expectError(answer, 404, "not_found");
      else expect(answer.status).toBeLessThan(300);
      await expectNoLeak(answer.json ?? answer.body, a.org.id);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Server actions

type ActionWho = "agent" | "manager" | "hr" | "admin" | "otherUser";
const ACTION_WHO: readonly ActionWho[] = ["agent", "manager", "hr", "admin", "otherUser"];

type ActionEntry =
  | {
      kind: "session";
      allowed: readonly ActionWho[];
      otherOrg: "refused" | "own-org";
      /** Signed out: "401" for actions that need a session; "public" when signed-out use is by design. */
      signedOut: "401" | "public";
      /** What a refused person of org A gets: 403, or 404 where even the target's existence is theirs alone (another agent's line). */
      refusal?: 403 | 404;
      prepare?(): Promise<string>;
      invoke(prepared: string): Promise<ActionState>;
      check?(state: ActionState, who: ActionWho, prepared: string): Promise<void> | void;
    }
  | { kind: "public"; reason: string; verify(): Promise<void> };

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

const TEAMS_ACTIONS = "app/(app)/admin/teams/actions.ts";
const PAYOUTS_ACTIONS = "app/(app)/payouts/actions.ts";
const REWARDS_ACTIONS = "app/(app)/rewards/actions.ts";

/** An action that redirects on success (next/navigation's redirect is mocked to throw "NEXT_REDIRECT <url>"). */
async function followRedirect(action: Promise<ActionState>): Promise<ActionState> {
  try {
    return await action;
  } catch (err) {
    const url = err instanceof Error ? /^NEXT_REDIRECT (.+)$/.exec(err.message)?.[1] : undefined;
    if (url === undefined) throw err;
    return { ok: true, data: { redirect: url } };
  }
}

const ACTIONS: Record<string, ActionEntry> = {
  "app/actions.ts#setLocaleAction": {
    kind: "session",
    allowed: ["agent", "manager", "hr", "admin"],
    otherOrg: "own-org",
    signedOut: "public", // the sign-in page's language switcher: only a cookie is set
    invoke: () => setLocaleAction("ms"),
    check: async (state, who) => {
      expect(state).toEqual({ ok: true, data: { locale: "ms" } });
      const user = a.users[who as Role];
      expect((await db.select().from(users).where(eq(users.id, user.id)))[0]?.locale).toBe("ms");
      expect(mocks.cookieSet).toHaveBeenCalledWith("NEXT_LOCALE", "ms", expect.any(Object));
    },
  },
  [`${TEAMS_ACTIONS}#createTeamAction`]: {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => createTeamAction(null, form({ name: uniq("Action team") })),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { orgId: a.org.id } }),
  },
  [`${TEAMS_ACTIONS}#renameTeamAction`]: {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchTeam,
    invoke: (teamId) => renameTeamAction(null, form({ teamId, name: uniq("Action renamed") })),
    check: async (state, _w, teamId) => {
      expect(state.ok).toBe(true);
      expect((await db.select().from(teams).where(eq(teams.id, teamId)))[0]?.name).toMatch(/^Action renamed/);
    },
  },
  [`${TEAMS_ACTIONS}#deleteTeamAction`]: {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchTeam,
    invoke: (teamId) => deleteTeamAction(null, form({ teamId })),
    check: async (state, _w, teamId) => {
      expect(state).toEqual({ ok: true, data: { id: teamId } });
      expect(await db.select().from(teams).where(eq(teams.id, teamId))).toEqual([]);
    },
  },
  [`${TEAMS_ACTIONS}#addTeamMemberAction`]: {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchTeam,
    invoke: (teamId) => addTeamMemberAction(null, form({ teamId, userId: a.users.agentB.id, role: "agent" })),
    check: async (state, _w, teamId) => {
      expect(state.ok).toBe(true);
      expect((await listTeamMembers(db, a.org.id, teamId)).map((m) => m.userId)).toEqual([a.users.agentB.id]);
    },
  },
  [`${TEAMS_ACTIONS}#removeTeamMemberAction`]: {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: async () => {
      const teamId = await scratchTeam();
      await addTeamMember(sysCtx(), { teamId, userId: a.users.agentB.id, role: "agent" }, { orgId: a.org.id });
      return teamId;
    },
    invoke: (teamId) => removeTeamMemberAction(null, form({ teamId, userId: a.users.agentB.id })),
    check: async (state, _w, teamId) => {
      expect(state.ok).toBe(true);
      expect(await listTeamMembers(db, a.org.id, teamId)).toEqual([]);
    },
  },
  "app/(app)/admin/users/actions.ts#createUserAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => createUserAction(null, form({ email: `${uniq("action.user").replace(/\s+/g, ".").toLowerCase()}@example.test`, role: "agent" })),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { role: "agent" } }),
  },
  "app/(app)/admin/users/actions.ts#updateUserAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchUser,
    invoke: (userId) => updateUserAction(null, form({ userId, name: "Renamed by action", role: "agent", active: "on" })),
    check: async (state, _w, userId) => {
      expect(state.ok).toBe(true);
      expect((await db.select().from(users).where(eq(users.id, userId)))[0]?.name).toBe("Renamed by action");
    },
  },
  "app/(app)/admin/users/actions.ts#resetPasswordAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchUser,
    invoke: (userId) => resetPasswordAction(null, form({ userId })),
    check: (state, _w, userId) => expect(state).toMatchObject({ ok: true, data: { id: userId, generatedPassword: true } }),
  },
  "app/(app)/admin/api-keys/actions.ts#createApiKeyAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => createApiKeyAction(null, form({ name: uniq("Action key"), scopes: "kpis:read" })),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { scopes: ["kpis:read"] } }),
  },
  "app/(app)/admin/api-keys/actions.ts#revokeApiKeyAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: async () => (await createApiKey(sysCtx(), { name: uniq("Scratch key"), scopes: ["kpis:read"] }, { orgId: a.org.id })).id,
    invoke: (keyId) => revokeApiKeyAction(null, form({ keyId })),
    check: async (state, _w, keyId) => {
      expect(state.ok).toBe(true);
      expect((await db.select().from(apiKeys).where(eq(apiKeys.id, keyId)))[0]?.revokedAt).not.toBeNull();
    },
  },
  "app/(app)/admin/data-sources/actions.ts#setWebhookSecretAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => setWebhookSecretAction(null, form({ source: "freshdesk", secret: "" })),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { source: "freshdesk", generated: true, secret: expect.stringMatching(/^whsec_/) } }),
  },
  "app/(app)/admin/data-sources/actions.ts#deleteWebhookSecretAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "own-org",
    signedOut: "401",
    prepare: () => configureWebhook(a.org.id, "freshdesk"),
    invoke: () => deleteWebhookSecretAction(null, form({ source: "freshdesk" })),
    check: (state) => expect(state).toEqual({ ok: true, data: { source: "freshdesk" } }),
  },
  "app/(app)/admin/import/actions.ts#importRowsAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => importRowsAction(importChunk(uniq("action-import"))),
    check: async (state) => {
      expect(state).toEqual({ ok: true, data: { accepted: 1, duplicates: 0, rejected: [] } });
      expect(await importedInto(a.org.id, lastImportedId)).toBe(1);
    },
  },
  "app/(app)/admin/import/actions.ts#saveImportMappingAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => saveImportMappingAction({ name: uniq("Action source"), mapping: IMPORT_MAPPING }),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { eventType: "call", created: true } }),
  },
  "app/(app)/admin/import/actions.ts#deleteImportMappingAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchMapping,
    invoke: (mappingId) => deleteImportMappingAction({ mappingId }),
    check: (state, _w, mappingId) => expect(state).toEqual({ ok: true, data: { id: mappingId } }),
  },
  "app/(app)/admin/organization/actions.ts#updateOrganizationAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => {
      const f = form({ name: uniq("Org renamed"), timezone: "Asia/Kuala_Lumpur", currency: "MYR", locale: "en", start: "09:00", end: "18:00", payPeriod: "month" });
      for (const d of ["1", "2", "3", "4", "5"]) f.append("days", d);
      return updateOrganizationAction(null, f);
    },
    check: (state) => expect(state.ok).toBe(true),
  },
  "app/(app)/campaigns/actions.ts#saveCampaignAction": {
    kind: "session",
    allowed: ["hr", "admin"], // an organization-wide campaign: not a manager's
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => saveCampaignAction(null, orgWideCampaign()),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { version: 1, changed: true } }),
  },
  "app/(app)/campaigns/actions.ts#previewCampaignAction": {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => previewCampaignAction(orgWideCampaign()),
    check: (state) => expect(state.ok && (state.data as { results: Array<{ agent: string }> }).results.map((r) => r.agent)).toContain(a.users.agent.externalId),
  },
  "app/(app)/campaigns/actions.ts#replayCampaignAction": {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => replayCampaignAction(orgWideCampaign(), "2026-01-01", "2026-02-28"),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { periods: [{}, {}] } }),
  },
  "app/(app)/campaigns/actions.ts#launchCampaignAction": {
    kind: "session",
    allowed: ["manager", "hr", "admin"], // a campaign of team A
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchCampaign,
    invoke: (id) => launchCampaignAction(id),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { status: "active" } }),
  },
  "app/(app)/campaigns/actions.ts#archiveCampaignAction": {
    kind: "session",
    allowed: ["manager", "hr", "admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchCampaign,
    invoke: (id) => archiveCampaignAction(id),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { status: "archived" } }),
  },
  "app/(app)/campaigns/actions.ts#pickWinnerAction": {
    kind: "session",
    allowed: ["manager", "hr", "admin"], // a campaign of team A: its manager picks
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchRecognition,
    invoke: (campaignId) => pickWinnerAction(null, form({ campaignId, ...RECOGNITION_PERIOD, agent: a.users.agent.externalId!, reason: "" })),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { from: RECOGNITION_PERIOD.from, pick: { agent: a.users.agent.externalId } } }),
  },
  "app/(app)/leaderboards/actions.ts#saveLeaderboardAction": {
    kind: "session",
    allowed: ["manager", "hr", "admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => saveLeaderboardAction(null, { name: uniq("Form board"), metric: "csat", period: "month" }),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { id: expect.any(String) } }),
  },
  "app/(app)/leaderboards/actions.ts#deleteLeaderboardAction": {
    kind: "session",
    allowed: ["manager", "hr", "admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchBoard,
    invoke: (id) => deleteLeaderboardAction(id),
    check: (state) => expect(state.ok).toBe(true),
  },
  "app/(app)/leaderboards/actions.ts#createDisplayLinkAction": {
    kind: "session",
    allowed: ["manager", "hr", "admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchBoard,
    invoke: (boardId) => createDisplayLinkAction(null, form({ name: uniq("Screen"), boards: boardId, rotateSeconds: "15" })),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { path: expect.stringMatching(/^\/tv\/pdd_/) } }),
  },
  "app/(app)/leaderboards/actions.ts#revokeDisplayLinkAction": {
    kind: "session",
    allowed: ["manager", "hr", "admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchDisplayLink,
    invoke: (linkId) => revokeDisplayLinkAction(null, form({ linkId })),
    check: (state) => expect(state.ok).toBe(true),
  },
  "app/(app)/admin/kpi-settings/actions.ts#updateKpiSettingsAction": {
    kind: "session",
    allowed: ["admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () =>
      updateKpiSettingsAction(
        null,
        form({ "kpis.qa_score.target": "80", "kpis.qa_score.minSamples": "3", "kpis.qa_score.method": "bayes", "kpis.qa_score.bayesWeight": "5", serviceLevelSeconds: "30" }),
      ),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { rebuilt: { events: expect.any(Number) } } }),
  },
  [`${PAYOUTS_ACTIONS}#closePeriodAction`]: {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => followRedirect(closePeriodAction(null, form(nextCloseRange()))),
    check: async (state) => {
      const url = (state.ok && (state.data as { redirect: string }).redirect) || "";
      expect(url).toMatch(/^\/payouts\/[0-9a-f-]{36}$/);
      expect((await db.select().from(payoutRuns).where(eq(payoutRuns.id, url.split("/")[2]!)))[0]?.orgId).toBe(a.org.id);
    },
  },
  [`${PAYOUTS_ACTIONS}#transitionRunAction`]: {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: () => runIn("in_review"),
    invoke: (runId) => transitionRunAction(null, form({ runId, action: "approve" })),
    check: (state, _w, runId) => expect(state).toEqual({ ok: true, data: { id: runId, state: "approved" } }),
  },
  [`${PAYOUTS_ACTIONS}#decideLinesAction`]: {
    kind: "session",
    allowed: ["manager", "hr", "admin"], // a points line of team A's agent
    otherOrg: "refused",
    signedOut: "401",
    prepare: () => scratchLine(),
    invoke: (lineId) => decideLinesAction(null, form({ lineId, decision: "reject" })),
    check: async (state, _w, lineId) => {
      expect(state).toEqual({ ok: true, data: { decided: 1 } });
      expect((await db.select().from(payoutLines).where(eq(payoutLines.id, lineId)))[0]?.status).toBe("rejected");
    },
  },
  [`${PAYOUTS_ACTIONS}#resolveDisputeAction`]: {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchDispute,
    invoke: (disputeId) => resolveDisputeAction(null, form({ disputeId, decision: "reject", comment: "The surveys were counted" })),
    check: (state, _w, disputeId) => expect(state).toMatchObject({ ok: true, data: { id: disputeId, state: "rejected", adjustmentLineId: null } }),
  },
  "app/(app)/statements/actions.ts#raiseDisputeAction": {
    kind: "session",
    allowed: ["agent"], // the agent the line pays
    otherOrg: "refused",
    refusal: 404, // someone else's line is not found, exactly like another organization's
    signedOut: "401",
    prepare: () => scratchLine(),
    invoke: (lineId) => raiseDisputeAction(null, form({ lineId, comment: "I had more surveys than this" })),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { id: expect.any(String) } }),
  },
  [`${REWARDS_ACTIONS}#redeemAction`]: {
    kind: "session",
    allowed: ["agent", "manager", "hr", "admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: async () => {
      await givePoints(10);
      return scratchRewardItem();
    },
    invoke: (itemId) => redeemAction(null, form({ itemId })),
    check: (state) => expect(state).toMatchObject({ ok: true, data: { state: "requested", points: 10 } }),
  },
  [`${REWARDS_ACTIONS}#createRewardItemAction`]: {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "own-org",
    signedOut: "401",
    invoke: () => createRewardItemAction(null, form({ name: uniq("Event tickets"), description: "", pointsCost: "900", stock: "6", requiresApproval: "on" })),
    check: async (state) => {
      const id = state.ok ? (state.data as { id: string }).id : "";
      expect((await db.select().from(rewardItems).where(eq(rewardItems.id, id)))[0]).toMatchObject({ orgId: a.org.id, pointsCost: 900, stock: 6, requiresApproval: true });
    },
  },
  [`${REWARDS_ACTIONS}#updateRewardItemAction`]: {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: () => scratchRewardItem(),
    invoke: (itemId) => updateRewardItemAction(null, form({ itemId, name: uniq("Renamed reward"), description: "", pointsCost: "25", stock: "" })),
    check: async (state, _w, itemId) => {
      expect(state).toEqual({ ok: true, data: { id: itemId } });
      expect((await db.select().from(rewardItems).where(eq(rewardItems.id, itemId)))[0]).toMatchObject({ pointsCost: 25, stock: null, requiresApproval: false });
    },
  },
  [`${REWARDS_ACTIONS}#setRewardItemActiveAction`]: {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: () => scratchRewardItem(),
    invoke: (itemId) => setRewardItemActiveAction(null, form({ itemId, active: "false" })),
    check: async (state, _w, itemId) => {
      expect(state.ok).toBe(true);
      expect((await db.select().from(rewardItems).where(eq(rewardItems.id, itemId)))[0]?.active).toBe(false);
    },
  },
  [`${REWARDS_ACTIONS}#decideRedemptionAction`]: {
    kind: "session",
    allowed: ["hr", "admin"],
    otherOrg: "refused",
    signedOut: "401",
    prepare: scratchRedemption,
    invoke: (redemptionId) => decideRedemptionAction(null, form({ redemptionId, decision: "fulfil", note: "At the front desk" })),
    check: (state, _w, redemptionId) => expect(state).toEqual({ ok: true, data: { id: redemptionId, state: "fulfilled" } }),
  },
  "app/signin/actions.ts#signInAction": {
    kind: "public",
    reason: "how a session starts; throttling lives in verifyCredentials",
    verify: async () => {
      const { CredentialsSignin } = await import("next-auth");
      const empty = await signInAction(null, form({}));
      expect(empty).toMatchObject({ ok: false, status: 400, fieldErrors: { email: expect.any(String), password: expect.any(String) } });
      expect(mocks.signIn).not.toHaveBeenCalled();
      mocks.signIn.mockRejectedValueOnce(new CredentialsSignin());
      const refused = await signInAction(null, form({ email: a.users.admin.email, password: "wrong", callbackUrl: "https://evil.example/steal?x=1" }));
      expect(refused).toMatchObject({ ok: false, status: 401, code: "unauthorized" });
      // Only a path on this site is followed after sign-in: no open redirect.
      expect(mocks.signIn).toHaveBeenCalledWith("credentials", { email: a.users.admin.email, password: "wrong", redirectTo: "/steal?x=1" });
    },
  },
  "app/signin/actions.ts#ssoSignInAction": {
    kind: "public",
    reason: "starts the SSO redirect; the identity provider authenticates",
    verify: async () => {
      await ssoSignInAction();
      expect(mocks.signIn).toHaveBeenCalledWith("oidc", { redirectTo: "/" });
    },
  },
  "app/signin/actions.ts#signOutAction": {
    kind: "public",
    reason: "ends the caller's own session",
    verify: async () => {
      await signOutAction();
      expect(mocks.signOut).toHaveBeenCalledWith({ redirectTo: "/signin" });
    },
  },
};

function actionFiles(dir = path.join(ROOT, "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? actionFiles(path.join(dir, d.name)) : d.name === "actions.ts" ? [path.join(dir, d.name)] : [],
  );
}

function sessionAs(who: ActionWho | null) {
  mocks.session.current = who === null ? null : { db, actor: who === "otherUser" ? b.actors.admin : a.actors[who] };
}

describe("server actions (app/**/actions.ts)", () => {
  beforeEach(() => {
    mocks.revalidatePath.mockClear();
    mocks.cookieSet.mockClear();
    mocks.signIn.mockReset();
    mocks.signOut.mockReset();
    mocks.session.current = null;
  });
  afterAll(() => {
    mocks.session.current = null;
  });

  it("has an entry for every exported function of every actions.ts", async () => {
    const found: string[] = [];
    for (const file of actionFiles()) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const rel = path.relative(ROOT, file).split(path.sep).join("/");
      for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found.push(`${rel}#${name}`);
    }
    expect(found.filter((k) => !(k in ACTIONS)), "server actions without an entry in ACTIONS").toEqual([]);
    expect(Object.keys(ACTIONS).filter((k) => !found.includes(k)), "ACTIONS entries without an action").toEqual([]);
  });

  describe.each(Object.entries(ACTIONS).filter(([, e]) => e.kind === "public"))("%s (public)", (_key, e) => {
    const entry = e as Extract<ActionEntry, { kind: "public" }>;
    it(`does only its public job: ${entry.reason}`, async () => {
      const before = await orgState(a.org.id);
      await entry.verify();
      expect(await orgState(a.org.id)).toEqual(before);
    });
  });

  describe.each(Object.entries(ACTIONS).filter(([, e]) => e.kind === "session"))("%s", (_key, e) => {
    const entry = e as Extract<ActionEntry, { kind: "session" }>;

    const title = (who: ActionWho) =>
      who === "otherUser"
        ? entry.otherOrg === "refused"
          ? "refuses another organization's admin (org A's ids)"
          : "gives another organization's admin nothing of org A"
        : `${entry.allowed.includes(who) ? "allows" : "refuses"} ${who === "hr" ? "HR" : `the ${who}`}`;
    it.each(ACTION_WHO.map((who) => [title(who), who] as const))("%s", async (_title, who) => {
      const prepared = entry.prepare ? await entry.prepare() : "";
      const before = await orgState(a.org.id);
      sessionAs(who);
      const state = await entry.invoke(prepared);
      if (who !== "otherUser" && entry.allowed.includes(who)) {
        expect(state.ok, JSON.stringify(state)).toBe(true);
        await entry.check?.(state, who, prepared);
        return;
      }
      if (who === "otherUser" && entry.otherOrg === "own-org" && state.ok) {
        await expectNoLeak(state, a.org.id);
      } else {
        expect(state.ok).toBe(false);
        if (!state.ok) expect(who === "otherUser" ? [403, 404] : [entry.refusal ?? 403]).toContain(state.status);
        expect(mocks.revalidatePath).not.toHaveBeenCalled();
      }
      expect(await orgState(a.org.id)).toEqual(before);
    });

    it(entry.signedOut === "401" ? "answers 401 when signed out" : "works signed out without touching the database", async () => {
      const prepared = entry.prepare ? await entry.prepare() : "";
      const before = await orgState(a.org.id);
      sessionAs(null);
      const state = await entry.invoke(prepared);
      if (entry.signedOut === "401") expect(state).toMatchObject({ ok: false, status: 401, code: "unauthorized" });
      else expect(state.ok).toBe(true);
      expect(await orgState(a.org.id)).toEqual(before);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The web app's session routes (ROUTES entries of kind "session"): the same people as the server actions

describe("session route handlers under app/api", () => {
  beforeEach(() => {
    mocks.session.current = null;
  });
  afterAll(() => {
    mocks.session.current = null;
  });

  describe.each(Object.entries(ROUTES).filter(([, e]) => e.kind === "session"))("%s (session)", (key, e) => {
    const entry = e as Extract<RouteEntry, { kind: "session" }>;
    const title = (who: ActionWho) =>
      who === "otherUser"
        ? entry.otherOrg === "404"
          ? "answers 404 to another organization's admin (org A's ids)"
          : "gives another organization's admin nothing of org A"
        : `${entry.allowed.includes(who) ? "serves" : "answers 403 to"} ${who === "hr" ? "HR" : `the ${who}`}`;

    it.each(ACTION_WHO.map((who) => [title(who), who] as const))("%s", async (_title, who) => {
      const before = await orgState(a.org.id);
      sessionAs(who);
      const answer = await send(key, entry.url(), entry.params);
      if (who !== "otherUser" && entry.allowed.includes(who)) {
        expect(answer.status, answer.body.slice(0, 200)).toBe(200);
        await entry.check(answer);
        await expectNoLeak(answer.json ?? answer.body, b.org.id);
        return;
      }
      if (who === "otherUser" && entry.otherOrg === "own-org") {
        expect(answer.status).toBe(200);
        await expectNoLeak(answer.json ?? answer.body, a.org.id);
        await entry.checkOtherOrg?.(answer);
      } else if (who === "otherUser") expectError(answer, 404, "not_found");
      else expectError(answer, 403, "forbidden");
      expect(await orgState(a.org.id)).toEqual(before);
    });

    it("answers 401 when signed out", async () => {
      const before = await orgState(a.org.id);
      sessionAs(null);
      expectError(await send(key, entry.url(), entry.params), 401, "unauthorized");
      expect(await orgState(a.org.id)).toEqual(before);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The policy itself, against the SPEC §9 table

describe("can() against SPEC §9", () => {
  const T1 = "00000000-0000-4000-8000-000000000001";
  const T2 = "00000000-0000-4000-8000-000000000002";
  const ORG = "00000000-0000-4000-8000-0000000000aa";
  const OTHER = "00000000-0000-4000-8000-0000000000bb";
  const person = (role: Role): UserActor => ({
    kind: "user",
    orgId: ORG,
    userId: `${role}-id`,
    role,
    name: role,
    email: `${role}@policy.test`,
    managedTeamIds: role === "manager" ? [T1] : [],
    memberTeamIds: role === "agent" ? [T1] : [],
  });
  const key = (scopes: ApiScope[]): ApiKeyActor => ({ kind: "api_key", orgId: ORG, keyId: "k", name: "k", scopes });

  // [permission, resource, [agent, manager, hr, admin]]
  const rows: [string, Permission, ResourceScope | ((role: Role) => ResourceScope), [boolean, boolean, boolean, boolean]][] = [
    ["sees leaderboards of their org", "leaderboards.view", { orgId: ORG }, [true, true, true, true]],
    ["sees their own KPIs", "self.view", (role) => ({ orgId: ORG, ownerUserId: `${role}-id`, teamIds: [T2] }), [true, true, true, true]],
    ["sees another agent of team 1", "self.view", { orgId: ORG, ownerUserId: "someone", teamIds: [T1] }, [false, true, true, true]],
    ["sees another agent of team 2", "self.view", { orgId: ORG, ownerUserId: "someone", teamIds: [T2] }, [false, false, true, true]],
    ["views agents of team 1", "agents.view", { orgId: ORG, teamIds: [T1] }, [false, true, true, true]],
    ["views agents of team 2", "agents.view", { orgId: ORG, teamIds: [T2] }, [false, false, true, true]],
    ["views an agent of no team", "agents.view", { orgId: ORG, teamIds: [] }, [false, false, true, true]],
    ["gives kudos", "kudos.give", { orgId: ORG }, [true, true, true, true]],
    ["hides kudos in team 1", "kudos.hide", { orgId: ORG, teamIds: [T1] }, [false, true, true, true]],
    ["hides kudos in team 2", "kudos.hide", { orgId: ORG, teamIds: [T2] }, [false, false, true, true]],
    ["manages a campaign of team 1", "campaigns.manage", { orgId: ORG, teamIds: [T1], teamMatch: "all" }, [false, true, true, true]],
    ["manages a campaign of teams 1 and 2", "campaigns.manage", { orgId: ORG, teamIds: [T1, T2], teamMatch: "all" }, [false, false, true, true]],
    ["approves a non-cash award in team 1", "awards.approve", { orgId: ORG, teamIds: [T1], cash: false }, [false, true, true, true]],
    ["approves a cash award in team 1", "awards.approve", { orgId: ORG, teamIds: [T1], cash: true }, [false, false, true, true]],
    ["approves a non-cash award in team 2", "awards.approve", { orgId: ORG, teamIds: [T2] }, [false, false, true, true]],
    ["closes periods and approves payouts", "payouts.manage", { orgId: ORG }, [false, false, true, true]],
    ["administers users, teams, settings and keys", "org.admin", { orgId: ORG }, [false, false, false, true]],
    ["reads the audit log", "audit.read", { orgId: ORG }, [false, false, true, true]],
    ["reads the people directory", "users.read", { orgId: ORG }, [false, false, true, true]],
    ["administers another organization", "org.admin", { orgId: OTHER }, [false, false, false, false]],
    ["reads another organization's leaderboards", "leaderboards.view", { orgId: OTHER }, [false, false, false, false]],
    ["sees a namesake in another organization", "self.view", (role) => ({ orgId: OTHER, ownerUserId: `${role}-id` }), [false, false, false, false]],
  ];
  const ROLES_IN_ORDER: Role[] = ["agent", "manager", "hr", "admin"];

  it.each(rows)("%s (%s)", (_title, permission, resource, expected) => {
    const got = ROLES_IN_ORDER.map((role) => can(person(role), permission, typeof resource === "function" ? resource(role) : resource));
    expect(got).toEqual(expected);
  });

  it("grants API keys exactly what their scopes map to, and never people-only permissions", () => {
    const all = key([...API_SCOPES]);
    expect(can(key(["kpis:read"]), "agents.view", { orgId: ORG, teamIds: [T2] })).toBe(true);
    expect(can(key(["events:write"]), "agents.view", { orgId: ORG })).toBe(false);
    expect(can(key(["payouts:read"]), "payouts.manage", { orgId: ORG })).toBe(false);
    // deciding payout lines belongs to running payouts (SPEC §10 payouts:write, "approval"), cash and HR-only lines too
    expect(can(key(["payouts:write"]), "awards.approve", { orgId: ORG, cash: true, hrOnly: true })).toBe(true);
    expect(can(key(["payouts:read"]), "awards.approve", { orgId: ORG })).toBe(false);
    for (const p of ["org.admin", "audit.read", "users.read", "self.view", "kudos.give", "kudos.hide"] as Permission[]) {
      expect(can(all, p, { orgId: ORG }), p).toBe(false);
    }
    expect(can(all, "events.write", { orgId: OTHER })).toBe(false);
  });

  it("lets the system actor do anything but requires it to name an organization", () => {
    expect(can(system, "org.admin", { orgId: OTHER })).toBe(true);
    expect(() => orgOf(system)).toThrow(ForbiddenError);
    expect(orgOf(system, OTHER)).toBe(OTHER);
    expect(orgOf(person("admin"), OTHER)).toBe(ORG);
  });
});
