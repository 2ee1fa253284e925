/**
 * Money end to end through the operations (SPEC §6, §9, §10): close → review → approve → export, exactly-once awards,
 * overlapping closes, late events as adjustment lines, disputes, exports with the contract columns that total the
 * ledger, formula neutralization, and who may do what.
 */
import { and, count, eq, sql } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, ledgerEntries, payoutLines, payoutRuns, periods, users } from "@/db/schema";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { EXPORT_COLUMNS } from "@/lib/domain/money/export";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { closePeriod } from "@/lib/server/close-period";
import { createCampaign } from "@/lib/server/create-campaign";
import { decidePayoutLine } from "@/lib/server/decide-payout-line";
import { AUDIT_EXPORT_COLUMNS, exportAudit } from "@/lib/server/export-audit";
import { exportPayoutRun } from "@/lib/server/export-payout-run";
import { getPayoutRun } from "@/lib/server/get-payout-run";
import { getKpis } from "@/lib/server/get-kpis";
import { getStatement } from "@/lib/server/get-statement";
import { ingestEvents } from "@/lib/server/ingest-events";
import { launchCampaign } from "@/lib/server/launch-campaign";
import { listApprovals } from "@/lib/server/list-approvals";
import { listPayoutRuns } from "@/lib/server/list-payout-runs";
import { raiseDispute } from "@/lib/server/raise-dispute";
import { resolveDispute } from "@/lib/server/resolve-dispute";
import { transitionPayoutRun } from "@/lib/server/transition-payout-run";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

let database: TestDatabase;
let db: Db;
let seq = 0;
const id = (p: string) => `${p}-${(seq++).toString(36)}`;
// "Today": mid-March 2026 in Kuala Lumpur, so January and February have ended.
const NOW = new Date("2026-03-15T04:00:00Z");
type AnyActor = TestOrg["actors"][keyof TestOrg["actors"]];
const ctxOf = (actor: AnyActor) => ({ db, actor, now: () => NOW });

/** Agent A: 3 surveys a day, all 5 (CSAT 100%); agent B: 2 a day, 5 and 2 (50%) — in January and February. */
async function seed(org: TestOrg, months = ["2026-01", "2026-02"]) {
  const events: Record<string, unknown>[] = [];
  for (const month of months) {
    for (let d = 1; d <= 28; d++) {
      const day = `${month}-${String(d).padStart(2, "0")}`;
      for (const k of [1, 2, 3]) events.push({ id: id("s"), type: "survey", survey: "csat", agent: org.users.agent.externalId, occurredAt: `${day}T0${k}:00:00+08:00`, score: 5 });
      for (const [k, score] of [5, 2].entries()) events.push({ id: id("s"), type: "survey", survey: "csat", agent: org.users.agentB.externalId, occurredAt: `${day}T1${k}:00:00+08:00`, score });
    }
  }
  await ingest(org, events);
}

async function ingest(org: TestOrg, events: Record<string, unknown>[]) {
  for (let i = 0; i < events.length; i += 1000) await ingestEvents({ db, actor: system }, events.slice(i, i + 1000), { source: "test", orgId: org.org.id });
}

/** CSAT ≥ 90% → 100 points and 25.00 MYR; ≥ 40% → 10 points. Monthly, all of 2026. */
function csatCampaign(org: TestOrg, overrides: Partial<CampaignDocument> = {}): CampaignDocument {
  return {
    name: "CSAT bonus",
    participants: { teams: [org.teamA.id, org.teamB.id] },
    schedule: { period: "month", from: "2026-01-01", to: "2026-12-31" },
    rule: {
      kind: "tiered",
      metric: "csat",
      op: "gte",
      fairness: { minSamples: 10, method: "raw" },
      tiers: [
        { value: 40, award: { type: "points", amount: 10 } },
        { value: 90, award: { type: "points", amount: 100 } },
      ],
    },
    approval: "auto",
    ...overrides,
  };
}

async function launched(org: TestOrg, doc: CampaignDocument) {
  // launched campaigns must not have ended: the schedule runs all year
  const { id: campaignId } = await createCampaign(ctxOf(org.actors.admin), doc);
  await launchCampaign(ctxOf(org.actors.admin), campaignId);
  return campaignId;
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a refusal");
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function bytes(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

/** RFC 4180 records (papaparse), without the empty record after the final CRLF. */
const parseCsv = (csv: string): string[][] => Papa.parse<string[]>(csv, { newline: "\r\n", skipEmptyLines: true }).data;

const ledgerTotals = async (orgId: string) =>
  Object.fromEntries(
    (
      await db
        .select({ asset: ledgerEntries.asset, sum: sql<string>`sum(${ledgerEntries.amount})` })
        .from(ledgerEntries)
        .where(eq(ledgerEntries.orgId, orgId))
        .groupBy(ledgerEntries.asset)
    ).map((r) => [r.asset, Number(r.sum)]),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.close();
});

describe("close → review → approve → export", () => {
  let a: TestOrg;
  let runId: string;
  beforeAll(async () => {
    a = await makeOrg(db, "Payouts A");
    await seed(a);
    await launched(a, csatCampaign(a));
    await launched(a, csatCampaign(a, { name: "Cash for CSAT", rule: { kind: "threshold", metric: "csat", op: "gte", target: 90, fairness: { minSamples: 10, method: "raw" }, award: { type: "cash", amountMinor: 2500, currency: "MYR" } } }));
    runId = (await closePeriod(ctxOf(a.actors.hr), { from: "2026-01-01", to: "2026-01-31" })).payoutRunId;
  });

  it("writes one line per agent × campaign × award type with its explanation, and their ledger entries", async () => {
    const run = await getPayoutRun(ctxOf(a.actors.hr), runId);
    expect(run.state).toBe("draft");
    expect(run.period).toMatchObject({ from: "2026-01-01", to: "2026-01-31" });
    const summary = run.lines.map((l) => [l.agentName, l.campaignName, l.awardType, l.amount, l.currency, l.status]).sort();
    expect(summary).toEqual(
      [
        ["agent a", "CSAT bonus", "points", 100, null, "approved"],
        ["agent b", "CSAT bonus", "points", 10, null, "approved"],
        ["agent a", "Cash for CSAT", "cash", 2500, "MYR", "approved"],
      ].sort(),
    );
    for (const line of run.lines) {
      expect(line.explanation?.inputs[0]).toMatchObject({ metric: "csat" });
      expect(line.ledgerEntryId).toBeTruthy();
    }
    expect(await ledgerTotals(a.org.id)).toEqual({ points: 110, "cash:MYR": 2500 });
  });

  it("refuses a second close of an overlapping range with a 409, writing nothing", async () => {
    const before = await ledgerTotals(a.org.id);
    const periodsBefore = (await db.select({ n: count() }).from(periods).where(eq(periods.orgId, a.org.id)))[0]!.n;
    for (const range of [
      { from: "2026-01-01", to: "2026-01-31" },
      { from: "2025-12-15", to: "2026-01-05" },
      { from: "2026-01-31", to: "2026-02-10" },
    ]) {
      const err = await refusal(closePeriod(ctxOf(a.actors.hr), range));
      expect(err).toBeInstanceOf(ConflictError);
      expect(err.message).toMatch(/overlaps the period 2026-01-01 – 2026-01-31, which is closed/);
    }
    expect(await ledgerTotals(a.org.id)).toEqual(before);
    expect((await db.select({ n: count() }).from(periods).where(eq(periods.orgId, a.org.id)))[0]!.n).toBe(periodsBefore);
  });

  it("refuses bad ranges with the field at fault", async () => {
    const cases: Array<[unknown, string]> = [
      [{ from: "2026-02-01", to: "2026-03-31" }, "to"], // not ended yet
      [{ from: "2026-02-10", to: "2026-02-01" }, "to"],
      [{ from: "2026-02-30", to: "2026-03-01" }, "from"],
      [{ to: "2026-02-01" }, "from"],
    ];
    for (const [body, path] of cases) {
      const err = await refusal(closePeriod(ctxOf(a.actors.hr), body));
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues.map((i) => i.path)).toContain(path);
    }
  });

  it("refuses approving a draft and exporting before approval, then approves and exports", async () => {
    expect(await refusal(transitionPayoutRun(ctxOf(a.actors.hr), runId, "approve"))).toBeInstanceOf(ConflictError);
    const exportErr = await refusal(exportPayoutRun(ctxOf(a.actors.hr), runId, "csv"));
    expect(exportErr).toBeInstanceOf(ConflictError);
    expect(exportErr.message).toMatch(/draft: only an approved run can be exported/);
    expect((await transitionPayoutRun(ctxOf(a.actors.hr), runId, "submit")).state).toBe("in_review");
    expect((await transitionPayoutRun(ctxOf(a.actors.hr), runId, "approve")).state).toBe("approved");
    const file = await exportPayoutRun(ctxOf(a.actors.hr), runId, "csv");
    const csv = await text(file.body);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(3);
    const col = (row: string[], name: (typeof EXPORT_COLUMNS)[number]) => row[EXPORT_COLUMNS.indexOf(name)]!;
    const points = rows.filter((r) => col(r, "unit") === "points").reduce((s, r) => s + Number(col(r, "quantity")), 0);
    const cash = rows.filter((r) => col(r, "currency") === "MYR").reduce((s, r) => s + Number(col(r, "amount_minor")), 0);
    expect({ points, "cash:MYR": cash }).toEqual(await ledgerTotals(a.org.id));
    const cashRow = rows.find((r) => col(r, "currency") === "MYR")!;
    expect(col(cashRow, "quantity")).toBe("");
    expect(col(cashRow, "employee_id")).toBe(a.users.agent.externalId);
    expect(col(cashRow, "period_start")).toBe("2026-01-01");
    expect(col(cashRow, "line_type")).toBe("award");
    expect(col(cashRow, "rule_version")).toBe("1");
    expect((await getPayoutRun(ctxOf(a.actors.hr), runId)).state).toBe("exported");
    // the same run again: byte-identical, CSV and XLSX
    expect(await text((await exportPayoutRun(ctxOf(a.actors.hr), runId, "csv")).body)).toBe(csv);
    const x1 = await bytes((await exportPayoutRun(ctxOf(a.actors.hr), runId, "xlsx")).body);
    await new Promise((r) => setTimeout(r, 2100)); // zip timestamps have 2-second resolution
    const x2 = await bytes((await exportPayoutRun(ctxOf(a.actors.hr), runId, "xlsx")).body);
    expect(x1.subarray(0, 2).toString()).toBe("PK");
    expect(x2.equals(x1)).toBe(true);
    expect((await transitionPayoutRun(ctxOf(a.actors.hr), runId, "pay")).state).toBe("paid");
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.targetId, runId)))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["payout_run.submit", "payout_run.approve", "payout_run.export", "payout_run.pay"]));
  });

  it("turns a late event into exactly one adjustment line in the next run, with the original period and reason", async () => {
    // agent B
    const late: Record<string, unknown>[] = [];
    for (let i = 0; i < 300; i++) late.push({ id: id("late"), type: "survey", survey: "csat", agent: a.users.agentB.externalId, occurredAt: "2026-01-20T09:00:00+08:00", score: 5 });
    await ingest(a, late);
    const flagged = (await db.select({ n: count() }).from(sql`events`).where(sql`org_id = ${a.org.id}::uuid and late`))[0]!.n;
    expect(Number(flagged)).toBe(300);
    const next = await closePeriod(ctxOf(a.actors.hr), { from: "2026-02-01", to: "2026-02-28" });
    const run = await getPayoutRun(ctxOf(a.actors.hr), next.payoutRunId);
    const adjustments = run.lines.filter((l) => l.lineType === "adjustment");
    expect(adjustments.map((l) => [l.agentName, l.campaignName, l.awardType, l.amount, l.currency, l.periodFrom, l.periodTo]).sort()).toEqual(
      [
        ["agent b", "CSAT bonus", "points", 90, null, "2026-01-01", "2026-01-31"],
        ["agent b", "Cash for CSAT", "cash", 2500, "MYR", "2026-01-01", "2026-01-31"],
      ].sort(),
    );
    expect(adjustments.every((l) => /late events/.test(l.reason ?? ""))).toBe(true);
    // the closed January run itself did not change
    const january = await getPayoutRun(ctxOf(a.actors.hr), runId);
    expect(january.lines.filter((l) => l.agentName === "agent b").map((l) => l.amount)).toEqual([10]);
    // closing again later finds nothing new to adjust
    const march = await closePeriod({ db, actor: a.actors.hr, now: () => new Date("2026-04-15T04:00:00Z") }, { from: "2026-03-01", to: "2026-03-31" });
    expect((await getPayoutRun(ctxOf(a.actors.hr), march.payoutRunId)).lines.filter((l) => l.lineType === "adjustment")).toEqual([]);
  });
});

describe("points_earned, the KPI read from the ledger (SPEC §4)", () => {
  it("sums each agent's awarded points in the range, by agent, team and organization, with the entries as n", async () => {
    const e = await makeOrg(db, "Points KPI");
    await seed(e, ["2026-01"]);
    await launched(e, csatCampaign(e));
    await closePeriod(ctxOf(e.actors.admin), { from: "2026-01-01", to: "2026-01-31" }); // entries written "today", 15 March
    const kpis = (groupBy: string, from = "2026-03-01", to = "2026-03-31", actor: AnyActor = e.actors.hr) =>
      getKpis(ctxOf(actor), { from, to, groupBy, metrics: "points_earned,csat" });
    const byAgent = await kpis("agent");
    const metricsOf = (key: string) => byAgent.rows.find((r) => r.key === key)!.metrics;
    expect(metricsOf(e.users.agent.externalId!)).toEqual({ points_earned: { value: 100, n: 1 }, csat: { value: null, n: 0 } });
    expect(metricsOf(e.users.agentB.externalId!).points_earned).toEqual({ value: 10, n: 1 });
    expect(Object.keys(metricsOf(e.users.agent.externalId!))).toEqual(["points_earned", "csat"]); // in the order asked
    const byTeam = await kpis("team");
    expect(byTeam.rows.find((r) => r.key === e.teamA.id)!.metrics.points_earned).toEqual({ value: 100, n: 1 });
    expect(byTeam.rows.find((r) => r.key === e.teamB.id)!.metrics.points_earned).toEqual({ value: 10, n: 1 });
    expect((await kpis("org")).rows[0]!.metrics.points_earned).toEqual({ value: 110, n: 2 });
    // the points were written in March, not January: a range without entries has no value (never 0)
    expect((await kpis("org", "2026-01-01", "2026-01-31")).rows[0]!.metrics.points_earned).toEqual({ value: null, n: 0 });
    // an agent sees their own
    expect((await kpis("agent", "2026-03-01", "2026-03-31", e.actors.agentB)).rows.map((r) => [r.key, r.metrics.points_earned!.value])).toEqual([[e.users.agentB.externalId, 10]]);
    // the ledger has no queues
    const byQueue = await refusal(kpis("queue"));
    expect(byQueue).toBeInstanceOf(ValidationError);
    expect(byQueue.message).toMatch(/metrics: points_earned comes from the ledger, which has no queues/);
  });
});

describe("a campaign whose approval is HR's", () => {
  it("keeps its non-cash lines from managers: not listed for them, and refused if they try", async () => {
    const d = await makeOrg(db, "Payouts HR approval");
    await seed(d, ["2026-01"]);
    await launched(d, csatCampaign(d, { name: "Points, HR approves", approval: "hr" }));
    const { payoutRunId } = await closePeriod(ctxOf(d.actors.admin), { from: "2026-01-01", to: "2026-01-31" });
    const pending = (await getPayoutRun(ctxOf(d.actors.hr), payoutRunId)).lines.filter((l) => l.status === "pending");
    const mine = pending.find((l) => l.agentName === "agent a")!; // agent a is in the manager's team
    expect(mine).toMatchObject({ awardType: "points", approval: "hr" });
    expect(await listApprovals(ctxOf(d.actors.manager))).toEqual([]);
    expect(await refusal(decidePayoutLine(ctxOf(d.actors.manager), mine.id, "approve"))).toBeInstanceOf(ForbiddenError);
    expect((await listApprovals(ctxOf(d.actors.hr))).map((l) => l.id).sort()).toEqual(pending.map((l) => l.id).sort());
    // the API names the run too: a line of another run is not found
    expect(await refusal(decidePayoutLine(ctxOf(d.actors.hr), mine.id, "approve", { runId: "00000000-0000-4000-8000-000000000000" }))).toBeInstanceOf(NotFoundError);
    expect((await decidePayoutLine(ctxOf(d.actors.hr), mine.id, "approve", { runId: payoutRunId })).status).toBe("approved");
    expect(await refusal(decidePayoutLine(ctxOf(d.actors.hr), mine.id, "reject", { runId: payoutRunId }))).toBeInstanceOf(ConflictError);
  });
});

describe("approvals and disputes", () => {
  let c: TestOrg;
  let runId: string;
  beforeAll(async () => {
    c = await makeOrg(db, "Payouts C");
    await seed(c, ["2026-01"]);
    await launched(c, csatCampaign(c, { approval: "manager" }));
    await launched(c, csatCampaign(c, { name: "Cash for CSAT", approval: "hr", rule: { kind: "threshold", metric: "csat", op: "gte", target: 90, fairness: { minSamples: 10, method: "raw" }, award: { type: "cash", amountMinor: 2500, currency: "MYR" } } }));
    runId = (await closePeriod(ctxOf(c.actors.admin), { from: "2026-01-01", to: "2026-01-31" })).payoutRunId;
  });

  it("keeps awards under an approval policy pending, without ledger entries, and blocks approval of the run", async () => {
    const run = await getPayoutRun(ctxOf(c.actors.hr), runId);
    expect(run.lines.every((l) => l.status === "pending" && l.ledgerEntryId === null)).toBe(true);
    expect(await ledgerTotals(c.org.id)).toEqual({});
    await transitionPayoutRun(ctxOf(c.actors.hr), runId, "submit");
    expect((await refusal(transitionPayoutRun(ctxOf(c.actors.hr), runId, "approve"))).message).toMatch(/3 lines still wait for approval/);
  });

  it("lets a manager approve only the non-cash lines of their own teams", async () => {
    const mine = await listApprovals(ctxOf(c.actors.manager));
    expect(mine.map((l) => [l.agentName, l.awardType])).toEqual([["agent a", "points"]]);
    const lines = (await getPayoutRun(ctxOf(c.actors.hr), runId)).lines;
    const cashA = lines.find((l) => l.awardType === "cash")!;
    const pointsB = lines.find((l) => l.agentName === "agent b")!;
    expect(await refusal(decidePayoutLine(ctxOf(c.actors.manager), cashA.id, "approve"))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(decidePayoutLine(ctxOf(c.actors.manager), pointsB.id, "approve"))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(decidePayoutLine(ctxOf(c.actors.agent), mine[0]!.id, "approve"))).toBeInstanceOf(ForbiddenError);
    expect((await decidePayoutLine(ctxOf(c.actors.manager), mine[0]!.id, "approve")).status).toBe("approved");
    expect(await refusal(decidePayoutLine(ctxOf(c.actors.manager), mine[0]!.id, "approve"))).toBeInstanceOf(ConflictError);
    await decidePayoutLine(ctxOf(c.actors.hr), cashA.id, "approve");
    await decidePayoutLine(ctxOf(c.actors.hr), pointsB.id, "reject");
    expect(await ledgerTotals(c.org.id)).toEqual({ points: 100, "cash:MYR": 2500 });
  });

  it("lets an agent dispute their own line, and an accepted dispute produces an adjustment with its ledger entry", async () => {
    const statement = await getStatement(ctxOf(c.actors.agent));
    expect(statement.balances).toEqual([
      { asset: "cash:MYR", amount: 2500 },
      { asset: "points", amount: 100 },
    ]);
    const line = statement.periods[0]!.lines.find((l) => l.awardType === "points")!;
    expect(line.explanation?.outcome).toMatchObject({ kind: "tiered", tierIndex: 1 });
    // someone else's line is not found
    expect(await refusal(raiseDispute(ctxOf(c.actors.agentB), { lineId: line.id, comment: "mine?" }))).toBeInstanceOf(NotFoundError);
    expect(await refusal(raiseDispute(ctxOf(c.actors.agent), { lineId: line.id, comment: "  " }))).toBeInstanceOf(ValidationError);
    const { id: disputeId } = await raiseDispute(ctxOf(c.actors.agent), { lineId: line.id, comment: "I also handled the chat queue on the 5th" });
    expect(await refusal(raiseDispute(ctxOf(c.actors.agent), { lineId: line.id, comment: "again" }))).toBeInstanceOf(ConflictError);
    expect((await refusal(transitionPayoutRun(ctxOf(c.actors.hr), runId, "approve"))).message).toMatch(/1 dispute is still open/);
    expect(await refusal(resolveDispute(ctxOf(c.actors.manager), disputeId, { decision: "accept", amount: 20, comment: "ok" }))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(resolveDispute(ctxOf(c.actors.hr), disputeId, { decision: "accept", amount: 0, comment: "ok" }))).toBeInstanceOf(ValidationError);
    const resolved = await resolveDispute(ctxOf(c.actors.hr), disputeId, { decision: "accept", amount: 20, comment: "Chat queue counted" });
    expect(resolved.state).toBe("accepted");
    const run = await getPayoutRun(ctxOf(c.actors.hr), runId);
    const adjustment = run.lines.find((l) => l.id === resolved.adjustmentLineId)!;
    expect(adjustment).toMatchObject({ lineType: "adjustment", amount: 20, status: "approved", correctsLineId: line.id, reason: "dispute accepted: Chat queue counted" });
    const [entry] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, adjustment.ledgerEntryId!));
    expect(entry).toMatchObject({ kind: "adjustment", amount: 20, correctsId: line.ledgerEntryId });
    expect(await refusal(resolveDispute(ctxOf(c.actors.hr), disputeId, { decision: "reject", comment: "no" }))).toBeInstanceOf(ConflictError);
    expect((await getStatement(ctxOf(c.actors.agent))).balances).toContainEqual({ asset: "points", amount: 120 });
    expect((await transitionPayoutRun(ctxOf(c.actors.hr), runId, "approve")).state).toBe("approved");
  });

  it("shows agents only their own statements; managers their teams'; HR anyone's", async () => {
    expect(await refusal(getStatement(ctxOf(c.actors.agent), { agentUserId: c.users.agentB.id }))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(getStatement(ctxOf(c.actors.manager), { agentUserId: c.users.agentB.id }))).toBeInstanceOf(ForbiddenError);
    expect((await getStatement(ctxOf(c.actors.manager), { agentUserId: c.users.agent.id })).agent.userId).toBe(c.users.agent.id);
    expect((await getStatement(ctxOf(c.actors.hr), { agentUserId: c.users.agentB.id })).agent.userId).toBe(c.users.agentB.id);
  });
});

describe("who may move money", () => {
  let d: TestOrg;
  let other: TestOrg;
  let runId: string;
  beforeAll(async () => {
    d = await makeOrg(db, "Payouts D");
    other = await makeOrg(db, "Payouts E");
    await seed(d, ["2026-01"]);
    await launched(d, csatCampaign(d));
    runId = (await closePeriod(ctxOf(d.actors.hr), { from: "2026-01-01", to: "2026-01-31" })).payoutRunId;
  });

  it("lets only HR and admins close, approve and export; another organization sees nothing", async () => {
    for (const actor of [d.actors.agent, d.actors.manager]) {
      expect(await refusal(closePeriod(ctxOf(actor), { from: "2026-02-01", to: "2026-02-28" }))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(transitionPayoutRun(ctxOf(actor), runId, "submit"))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(exportPayoutRun(ctxOf(actor), runId, "csv"))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(getPayoutRun(ctxOf(actor), runId))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(listPayoutRuns(ctxOf(actor)))).toBeInstanceOf(ForbiddenError);
    }
    expect(await refusal(getPayoutRun(ctxOf(other.actors.hr), runId))).toBeInstanceOf(NotFoundError);
    expect(await refusal(transitionPayoutRun(ctxOf(other.actors.hr), runId, "submit"))).toBeInstanceOf(NotFoundError);
    expect(await refusal(exportPayoutRun(ctxOf(other.actors.hr), runId, "csv"))).toBeInstanceOf(NotFoundError);
    const line = (await getPayoutRun(ctxOf(d.actors.hr), runId)).lines[0]!;
    expect(await refusal(raiseDispute(ctxOf(other.actors.agent), { lineId: line.id, comment: "x" }))).toBeInstanceOf(NotFoundError);
    expect(await refusal(decidePayoutLine(ctxOf(other.actors.hr), line.id, "approve"))).toBeInstanceOf(NotFoundError);
    const overview = await listPayoutRuns(ctxOf(d.actors.admin));
    expect(overview.periods.map((p) => [p.from, p.to, p.state, p.runState])).toEqual([["2026-01-01", "2026-01-31", "closed", "draft"]]);
    expect(overview.suggested).toEqual({ from: "2026-02-01", to: "2026-02-28", ended: true });
  });

  it("neutralizes a name that starts with = in the export", async () => {
    await db.update(users).set({ name: "=HYPERLINK(\"http://x\")" }).where(eq(users.id, d.users.agent.id));
    await transitionPayoutRun(ctxOf(d.actors.hr), runId, "submit");
    await transitionPayoutRun(ctxOf(d.actors.hr), runId, "approve");
    const csv = await text((await exportPayoutRun(ctxOf(d.actors.hr), runId, "csv")).body);
    const rows = parseCsv(csv);
    const names = rows.slice(1).map((r) => r[EXPORT_COLUMNS.indexOf("agent_name")]);
    expect(names).toContain("'=HYPERLINK(\"http://x\")");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("exports the audit log with the page's filters, neutralized, for HR and admins only", async () => {
    const file = await exportAudit(ctxOf(d.actors.hr), { action: "payout_run." });
    const rows = parseCsv(await text(file.body));
    expect(rows[0]).toEqual([...AUDIT_EXPORT_COLUMNS]);
    const actions = rows.slice(1).map((r) => r[3]);
    expect(actions).toEqual(expect.arrayContaining(["payout_run.submit", "payout_run.approve", "payout_run.export"]));
    expect(actions.every((a) => a!.startsWith("payout_run."))).toBe(true);
    expect(await refusal(exportAudit(ctxOf(d.actors.agent)))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(exportAudit(ctxOf(d.actors.manager)))).toBeInstanceOf(ForbiddenError);
    // the export is itself in the log
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.orgId, d.org.id), eq(auditLog.action, "audit.export")));
    expect(row?.actorLabel).toBe(d.actors.hr.email);
  });

  it("writes an award exactly once: runs and lines of a period cannot be duplicated", async () => {
    const n = (await db.select({ n: count() }).from(payoutRuns).where(eq(payoutRuns.orgId, d.org.id)))[0]!.n;
    expect(Number(n)).toBe(1);
    const [line] = await db.select().from(payoutLines).where(eq(payoutLines.runId, runId)).limit(1);
    const { id: _id, ...copy } = line!;
    await expect(db.insert(payoutLines).values(copy)).rejects.toThrow();
  });
});
