import { eq, inArray, sql } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ledgerEntries, events as storedEvents, users } from "@/db/schema";
import { generateDemoHistory } from "@/lib/domain/demo/generate";
import { DEMO_ROSTER, demoSlug } from "@/lib/domain/demo/roster";
import { getKpis } from "@/lib/server/get-kpis";
import { getMyIncentives } from "@/lib/server/get-my-incentives";
import { listCampaigns } from "@/lib/server/list-campaigns";
import { getLeaderboard } from "@/lib/server/get-leaderboard";
import { listLeaderboards } from "@/lib/server/list-leaderboards";
import { createCampaign } from "@/lib/server/create-campaign";
import { getCampaignStandings } from "@/lib/server/get-campaign-standings";
import { launchCampaign } from "@/lib/server/launch-campaign";
import { simulateCampaign } from "@/lib/server/simulate-campaign";
import { templateDocument } from "@/lib/domain/campaigns/templates";
import { ingestEvents } from "@/lib/server/ingest-events";
import { listTeams } from "@/lib/server/list-teams";
import { listUnmatchedIdentities } from "@/lib/server/list-unmatched-identities";
import { loadSessionActor } from "@/lib/server/load-session-actor";
import { demoHistoryInput, seedDemo, type SeedDemoResult } from "@/lib/server/seed-demo";
import { verifyCredentials } from "@/lib/server/verify-credentials";
import { closePeriod } from "@/lib/server/close-period";
import { decidePayoutLine } from "@/lib/server/decide-payout-line";
import { exportPayoutRun } from "@/lib/server/export-payout-run";
import { getPayoutRun } from "@/lib/server/get-payout-run";
import { transitionPayoutRun } from "@/lib/server/transition-payout-run";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { system } from "../helpers/fixtures";

/**
 * The demo organization (SPEC §12) with two weeks of history: the default 90 days take ~5 s on PostgreSQL and ~20 s on
 * PGlite (see `npx podium seed demo`), too slow to repeat on every run; the generator's own tests cover 90 days.
 */
const NOW = new Date("2026-03-16T04:00:00Z"); // Monday 2026-03-16, 12:00 in Kuala Lumpur
let database: TestDatabase;
let db: Db;
let seeded: SeedDemoResult;
let seconds: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const started = performance.now();
  seeded = await seedDemo(db, { now: NOW, days: 14 });
  seconds = (performance.now() - started) / 1000;
}, 120_000);
afterAll(async () => {
  await database?.close();
});

async function admin() {
  const [row] = await db.select().from(users).where(eq(users.email, "admin@demo.podium.test"));
  return { db, actor: (await loadSessionActor(db, { userId: row!.id }))! };
}

describe("seedDemo", () => {
  it("creates 36 agents in three teams, and the demo sign-ins work", async () => {
    expect(seeded).toMatchObject({ created: true, from: "2026-03-02", to: "2026-03-15" });
    const teams = await listTeams(await admin());
    expect(teams.map((t) => [t.name, t.agents, t.managers])).toEqual([
      ["Billing", 12, 1],
      ["Retention", 12, 1],
      ["Technical Support", 12, 1],
    ]);
    for (const email of ["admin@demo.podium.test", "hr@demo.podium.test", "manager.billing@demo.podium.test", "aisyah.rahman@demo.podium.test", "budi.santoso@demo.podium.test"]) {
      expect((await verifyCredentials(db, email, "podium-demo")).email, email).toBe(email);
    }
  });

  it("stores two weeks of events ending yesterday, in batches of at most 5,000", async () => {
    console.log(`demo seed, 14 days: ${seeded.events} events in ${seconds.toFixed(1)} s (${database.url ? "postgres" : "pglite"})`);
    expect(seeded.events).toBeGreaterThan(8_000); // more than one batch
    const stored = await db.select({ id: storedEvents.id, source: storedEvents.source, day: storedEvents.localDay }).from(storedEvents).where(eq(storedEvents.orgId, seeded.orgId));
    expect(stored).toHaveLength(seeded.events);
    expect(stored.every((e) => e.source === "demo" && e.day >= "2026-03-02" && e.day <= "2026-03-15")).toBe(true);
  });

  it("gives every agent KPIs, and stars outscore strugglers", async () => {
    const kpis = await getKpis(await admin(), { from: "2026-03-02", to: "2026-03-15", groupBy: "agent", metrics: "calls_answered,tickets_solved,csat,qa_score,aht" });
    expect(kpis.rows).toHaveLength(36);
    for (const row of kpis.rows) expect((row.metrics.calls_answered?.value ?? 0) + (row.metrics.tickets_solved?.value ?? 0), row.key).toBeGreaterThan(50);
    const mean = (tier: string, key: string) => {
      const ids = DEMO_ROSTER.filter((r) => r.tier === tier).map((r) => demoSlug(r.name));
      const values = kpis.rows.filter((r) => ids.includes(r.key)).map((r) => r.metrics[key]!.value!);
      return values.reduce((s, v) => s + v, 0) / values.length;
    };
    expect(mean("star", "csat")).toBeGreaterThan(mean("struggling", "csat") + 10);
    expect(mean("star", "qa_score")).toBeGreaterThan(mean("struggling", "qa_score") + 5);
    expect(mean("star", "aht")).toBeLessThan(mean("struggling", "aht"));
  });

  it("leaves two identities unmatched for the admin to resolve", async () => {
    const { identities } = await listUnmatchedIdentities(await admin());
    expect(identities.map((i) => i.identity).sort()).toEqual(["bpo.overflow.07", "wei.jie.chong@demo.podium.test"]);
    expect(identities.every((i) => i.events > 20 && i.lastSeen! <= "2026-03-15")).toBe(true);
  });

  it("runs campaigns from the templates, so agents have incentives to follow", async () => {
    const ctx = { ...(await admin()), now: () => NOW };
    const list = await listCampaigns(ctx);
    expect(list.map((c) => [c.name, c.status, c.shadow]).sort()).toEqual(
      [
        ["Billing CSAT tiers", "active", false],
        ["CSAT leave-day bonus", "active", false],
        ["Employee of the month", "active", false],
        ["Monthly top 3", "active", false],
        ["Retention 5-day CSAT streak", "draft", false],
        ["Tech Support ticket points", "active", true],
        ["Ticket points", "active", false],
      ].sort(),
    );
    expect(list.filter((c) => c.status === "active").every((c) => c.cost !== null && c.error === null)).toBe(true);
    const [agent] = await db.select().from(users).where(eq(users.email, `${demoSlug(DEMO_ROSTER[0]!.name)}@demo.podium.test`));
    const mine = await getMyIncentives({ db, actor: (await loadSessionActor(db, { userId: agent!.id }))!, now: () => NOW });
    // everyone's, and their own team's; never the shadow one
    expect(mine.incentives.length).toBeGreaterThanOrEqual(3);
    expect(mine.incentives.every((i) => i.result !== null && i.error === null)).toBe(true);
    expect(mine.incentives.map((i) => i.campaign.name)).not.toContain("Tech Support ticket points");
  });

  it("simulates a template over the demo's history exactly as the launched campaign's standings show it", async () => {
    const ctx = { ...(await admin()), now: () => NOW };
    const range = { from: seeded.from!, to: seeded.to! };
    for (const template of ["monthly-top-3-composite", "tiered-csat", "per-ticket-quality", "five-day-streak"]) {
      const document = templateDocument(template, { from: "2026-03-01", to: "2026-06-30" })!;
      const simulated = await simulateCampaign(ctx, { campaign: document, ...range });
      expect(simulated.results.length, template).toBe(36);
      expect(simulated.results.some((r) => r.awards.length > 0), `${template} pays someone`).toBe(true);
      const { id } = await createCampaign(ctx, document);
      await launchCampaign(ctx, id);
      const standings = await getCampaignStandings(ctx, id, range);
      expect(standings.results, template).toEqual(simulated.results);
      expect(standings.totals, template).toEqual(simulated.totals);
    }
  });

  it("puts up leaderboards that rank the demo's agents", async () => {
    const ctx = { ...(await admin()), now: () => NOW };
    const boards = await listLeaderboards(ctx);
    expect(boards.map((b) => b.name).sort()).toEqual(["Balanced score this month", "Billing: handle time this week", "CSAT this month", "Tickets solved this week"]);
    for (const board of boards) {
      const view = await getLeaderboard(ctx, board.id, { from: seeded.from!, to: seeded.to! });
      expect(view.ranked, board.name).toBeGreaterThan(5);
    }
  });

  it("closes a pay period over the demo's history: approve, export, and the file totals the ledger", async () => {
    // a custom campaign over the two seeded weeks, launched while they were running, closed the day after
    const launchCtx = { ...(await admin()), now: () => new Date("2026-03-10T04:00:00Z") };
    const ctx = { ...(await admin()), now: () => NOW };
    const range = { from: seeded.from!, to: seeded.to! };
    const document = { ...templateDocument("tiered-csat", range)!, schedule: { period: "custom" as const, ...range }, approval: "hr" as const, name: "Fortnight CSAT tiers" };
    const { id } = await createCampaign(launchCtx, document);
    await launchCampaign(launchCtx, id);
    const expected = await simulateCampaign(ctx, { campaign: document, ...range });
    const { payoutRunId } = await closePeriod(ctx, range);
    let run = await getPayoutRun(ctx, payoutRunId, { filter: { q: "Fortnight" } });
    // one line per agent and award type of the campaign, exactly what the same rules give over the same range
    const awarded = expected.results.flatMap((r) => r.awards.map((a) => [r.agent, a.type, a.type === "points" ? a.amount : a.type === "leave" ? a.minutes : 0]));
    expect(awarded.length).toBeGreaterThan(0);
    expect(run.lines.map((l) => [l.employeeId, l.awardType, l.amount]).sort()).toEqual(awarded.sort());
    expect(run.lines.every((l) => l.status === "pending" && l.explanation !== null)).toBe(true);
    for (const line of (await getPayoutRun(ctx, payoutRunId, { filter: { status: "pending" } })).lines) await decidePayoutLine(ctx, line.id, "approve");
    await transitionPayoutRun(ctx, payoutRunId, "submit");
    await transitionPayoutRun(ctx, payoutRunId, "approve");
    const csv = await new Response((await exportPayoutRun(ctx, payoutRunId, "csv")).body).text();
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    run = await getPayoutRun(ctx, payoutRunId);
    expect(rows).toHaveLength(run.lines.length);
    const fileTotals: Record<string, number> = {};
    for (const r of rows) {
      const asset = r.unit === "points" ? "points" : r.unit === "minutes" ? "leave_minutes" : r.currency ? `cash:${r.currency}` : null;
      if (asset) fileTotals[asset] = (fileTotals[asset] ?? 0) + Number(r.quantity || r.amount_minor);
    }
    const ledger = await db
      .select({ asset: ledgerEntries.asset, sum: sql<string>`sum(${ledgerEntries.amount})` })
      .from(ledgerEntries)
      .where(inArray(ledgerEntries.source, run.lines.map((l) => `payout_line:${l.id}`)))
      .groupBy(ledgerEntries.asset);
    expect(fileTotals).toEqual(Object.fromEntries(ledger.map((l) => [l.asset, Number(l.sum)])));
    expect((await getPayoutRun(ctx, payoutRunId)).state).toBe("exported");
  });

  it("never duplicates: seeding again changes nothing, and the same history sent again is all duplicates", async () => {
    expect(await seedDemo(db, { now: NOW, days: 14 })).toEqual({ orgId: seeded.orgId, created: false, events: 0, from: null, to: null });
    const history = generateDemoHistory(demoHistoryInput("Asia/Kuala_Lumpur", "2026-03-15", 3));
    const again = await ingestEvents({ db, actor: system }, history, { source: "demo", orgId: seeded.orgId });
    expect(again).toEqual({ accepted: 0, duplicates: history.length, rejected: [] });
  });
});
