import { count, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findUserByEmailAnyOrg } from "@/db/queries/users";
import { organizations, users } from "@/db/schema";
import type { SystemActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { addDays, lastDayOfMonth, localDay, monthOf } from "@/lib/domain/calendar";
import { templateDocument } from "@/lib/domain/campaigns/templates";
import type { CanonicalEvent } from "@/lib/domain/events";
import { demoHistoryByDay, type DemoHistoryInput } from "@/lib/domain/demo/generate";
import { DEMO_TEAMS as DEMO_TEAM_KEYS, type DemoAgent } from "@/lib/domain/demo/profiles";
import { DEMO_ROSTER, DEMO_TEAM_NAMES, demoSlug, rosterAgents, skillOf } from "@/lib/domain/demo/roster";
import { addTeamMember } from "./add-team-member";
import { createCampaign } from "./create-campaign";
import { createLeaderboard } from "./create-leaderboard";
import { launchCampaign } from "./launch-campaign";
import { closePeriod } from "./close-period";
import { approveSeededRun } from "./seed-payouts";
import { seedRewards } from "./seed-rewards";
import { createOrganization } from "./create-organization";
import { createTeam } from "./create-team";
import { createUser } from "./create-user";
import { ingestEvents, MAX_BATCH_EVENTS } from "./ingest-events";

/** Demo sign-ins are public knowledge (printed at start, in the README): never use them outside a demo. */
export const DEMO_PASSWORD = "podium-demo";
export const DEMO_DOMAIN = "demo.podium.test";

export const DEMO_TEAMS = DEMO_TEAM_KEYS.map((t) => DEMO_TEAM_NAMES[t]);
/** SPEC §12: 90 days of history. */
export const DEMO_DAYS = 90;
/** The demo's random seed: the same seed gives the same events, so reseeding never duplicates anything. */
const DEMO_SEED = "podium-demo-v1";

export type DemoSignIn = { role: string; email: string; password: string };

export function demoSignIns(): DemoSignIn[] {
  return [
    { role: "admin", email: `admin@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
    { role: "hr", email: `hr@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
    { role: "manager", email: `manager.billing@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
    { role: "agent", email: `${demoSlug(DEMO_ROSTER[0]!.name)}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
  ];
}

export type SeedDemoOptions = {
  /** The history ends the day before `now` in the organization's time zone (default: the real clock). */
  now?: Date;
  /** Days of history (default 90); 0 creates the people only, e.g. for tests that need no events. */
  days?: number;
};
export type SeedDemoResult = { orgId: string; created: boolean; events: number; from: string | null; to: string | null };

/**
 * Identities the helpdesk sends that match no agent yet (SPEC §3.1): an outsourced overflow agent and a new hire whose
 * account nobody has created. They show on the admin's unmatched-identities page and count once an agent exists.
 */
function unmatchedDemoAgents(to: string): DemoAgent[] {
  const overflow = "bpo.overflow.07";
  const newHire = `wei.jie.chong@${DEMO_DOMAIN}`;
  return [
    { externalId: overflow, team: "billing", skill: skillOf("average", overflow), from: addDays(to, -29) },
    { externalId: newHire, team: "tech_support", skill: skillOf("developing", newHire), from: addDays(to, -11) },
  ];
}

/** What the demo's history is generated from: the roster, the unmatched identities and the fixed seed. */
export function demoHistoryInput(timeZone: string, to: string, days: number): DemoHistoryInput {
  return { agents: [...rosterAgents(), ...unmatchedDemoAgents(to)], startDay: addDays(to, -(days - 1)), days, timeZone, seed: DEMO_SEED };
}

/**
 * The demo organization (SPEC §12): three teams of twelve agents with a manager each, HR, an admin, and `days` of
 * calls, tickets, surveys, QA reviews and upsells ending yesterday. Idempotent: when the demo admin exists it changes
 * nothing and returns the existing organization.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const existing = await findUserByEmailAnyOrg(db, `admin@${DEMO_DOMAIN}`);
  if (existing) return { orgId: existing.orgId, created: false, events: 0, from: null, to: null };

  const ctx = { db, actor: { kind: "system", label: "seed" } satisfies SystemActor };
  const org = await createOrganization(ctx, { name: "Podium Demo Contact Centre", timezone: "Asia/Kuala_Lumpur", currency: "MYR", locale: "en" });
  const opts = { orgId: org.id };
  const teamIds = new Map<string, string>();
  for (const key of DEMO_TEAM_KEYS) teamIds.set(key, (await createTeam(ctx, { name: DEMO_TEAM_NAMES[key] }, opts)).id);

  // One scrypt hash for the shared demo password: hashing it for each of 41 people took ~8 s on a busy 2-core machine.
  const people = { ...opts, passwordHash: await hashPassword(DEMO_PASSWORD) };
  const person = (email: string, name: string, role: "admin" | "hr" | "manager" | "agent") =>
    createUser(ctx, { email, name, role, password: DEMO_PASSWORD }, people);
  await person(`admin@${DEMO_DOMAIN}`, "Ada Admin", "admin");
  await person(`hr@${DEMO_DOMAIN}`, "Hana Rahim (HR)", "hr");
  const managers: Record<string, string> = { billing: "Maya Billing Lead", tech_support: "Tomas Tech Lead", retention: "Rina Retention Lead" };
  for (const [team, name] of Object.entries(managers)) {
    const m = await person(`manager.${DEMO_TEAM_NAMES[team as keyof typeof DEMO_TEAM_NAMES].split(" ")[0]!.toLowerCase()}@${DEMO_DOMAIN}`, name, "manager");
    await addTeamMember(ctx, { teamId: teamIds.get(team)!, userId: m.id, role: "manager" }, opts);
  }
  for (const agent of DEMO_ROSTER) {
    const slug = demoSlug(agent.name);
    await createUser(ctx, { email: `${slug}@${DEMO_DOMAIN}`, name: agent.name, role: "agent", password: DEMO_PASSWORD, externalId: slug, teamId: teamIds.get(agent.team)! }, people);
  }

  const days = options.days ?? DEMO_DAYS;
  if (days <= 0) return { orgId: org.id, created: true, events: 0, from: null, to: null };
  const to = addDays(localDay(options.now ?? new Date(), org.timezone), -1);
  const from = addDays(to, -(days - 1));
  let events = 0;
  let batch: CanonicalEvent[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    events += (await ingestEvents(ctx, batch, { source: "demo", orgId: org.id })).accepted;
    batch = [];
  };
  for (const day of demoHistoryByDay(demoHistoryInput(org.timezone, to, days))) {
    for (const event of day.events) {
      batch.push(event);
      if (batch.length === MAX_BATCH_EVENTS) await flush();
    }
  }
  await flush();
  const now = options.now ?? new Date();
  await seedDemoCampaigns({ ...ctx, now: () => now }, org.id, from, teamIds);
  await seedDemoLeaderboards(ctx, org.id, teamIds);
  await seedRewards(db, org.id);
  await seedDemoPayouts({ ...ctx, now: () => now }, org.id, from, to);
  return { orgId: org.id, created: true, events, from, to };
}

/** Boards for the wall and the agents' screens: the whole floor, one team, and a balanced score. */
async function seedDemoLeaderboards(ctx: { db: Db; actor: SystemActor }, orgId: string, teamIds: Map<string, string>): Promise<void> {
  const boards = [
    { name: "CSAT this month", metric: "csat", period: "month", fairness: { minSamples: 10, method: "wilson" } },
    { name: "Billing: handle time this week", metric: "aht", period: "week", teams: [teamIds.get("billing")!], fairness: { minSamples: 5, method: "raw" } },
    { name: "Balanced score this month", metric: "composite", composite: { normalize: "zscore", weights: { csat: 0.5, aht: 0.3, fcr_rate: 0.2 } }, period: "month", fairness: { minSamples: 10, method: "raw" } },
    { name: "Tickets solved this week", metric: "tickets_solved", period: "week" },
  ];
  for (const board of boards) await createLeaderboard(ctx, board, { orgId });
}

/**
 * Pay history: every calendar month the history covers wholly, except the last one, is closed and its payout run
 * approved (pending awards approved first), so agents have statements and points to spend from the start. The last
 * full month is left open for HR to close.
 */
async function seedDemoPayouts(ctx: { db: Db; actor: SystemActor; now: () => Date }, orgId: string, from: string, to: string): Promise<void> {
  const lastMonthStart = `${monthOf(addDays(`${monthOf(to)}-01`, -1))}-01`;
  for (let month = monthOf(from); `${month}-01` < lastMonthStart; month = monthOf(addDays(lastDayOfMonth(month), 1))) {
    const range = { from: `${month}-01`, to: lastDayOfMonth(month) };
    if (range.from < from) continue; // a month the history only partly covers
    const { payoutRunId } = await closePeriod(ctx, range, { orgId });
    await approveSeededRun(ctx, orgId, payoutRunId);
  }
}

/**
 * Campaigns from the templates, so that the demo's agents have incentives to follow and managers something to start
 * from: running from the start of the history to five months ahead, some for everyone, some for one team, one in
 * shadow mode, one draft.
 */
async function seedDemoCampaigns(ctx: { db: Db; actor: SystemActor; now: () => Date }, orgId: string, historyFrom: string, teamIds: Map<string, string>): Promise<void> {
  const start = `${monthOf(historyFrom)}-01`;
  const schedule = { from: start, to: lastDayOfMonth(monthOf(addDays(ctx.now().toISOString().slice(0, 10), 5 * 31))) };
  const plans: Array<{ template: string; name?: string; teams?: string[]; shadow?: boolean; csatGate?: number; launch: boolean }> = [
    { template: "csat-leave-day", launch: true },
    { template: "monthly-top-3-composite", launch: true },
    { template: "tiered-csat", name: "Billing CSAT tiers", teams: ["billing"], launch: true },
    { template: "per-ticket-quality", name: "Tech Support ticket points", teams: ["tech_support"], shadow: true, launch: true },
    // the floor's own ticket scheme: a lower CSAT bar than the template's, so most of Billing and Retention earn points
    { template: "per-ticket-quality", name: "Ticket points", teams: ["billing", "retention"], csatGate: 75, launch: true },
    { template: "five-day-streak", name: "Retention 5-day CSAT streak", teams: ["retention"], launch: false },
    { template: "employee-of-the-month", launch: true },
  ];
  for (const plan of plans) {
    const document = templateDocument(plan.template, schedule);
    if (!document) throw new Error(`unknown campaign template ${plan.template}`);
    const teams = plan.teams?.map((t) => teamIds.get(t)!);
    if (plan.csatGate !== undefined) {
      document.rule = { ...document.rule, gates: [{ metric: "csat", op: "gte", value: plan.csatGate, minSamples: 10 }] };
      document.description = `5 points per solved ticket while CSAT stays at ${plan.csatGate} % or more, up to 1000 points a month.`;
    }
    const body = { ...document, ...(plan.name ? { name: plan.name } : {}), ...(teams ? { participants: { teams } } : {}), shadow: plan.shadow ?? false };
    const { id } = await createCampaign(ctx, body, { orgId });
    if (plan.launch) await launchCampaign(ctx, id, { orgId });
  }
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return Number(row?.n ?? 0) === 0;
}

export async function hasDemoOrg(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users).where(sql`lower(${users.email}) = ${`admin@${DEMO_DOMAIN}`}`);
  return Number(row?.n ?? 0) > 0;
}
