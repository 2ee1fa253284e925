/**
 * Period close benchmark (issue: close a month for 10,000 agents × 20 campaigns over 10 million events on PostgreSQL
 * in ≤ 10 s). Twenty launched campaigns cycle through the six templates (threshold, composite rank, per unit, streak,
 * tiers, recognition) with their approval policies set to auto, so every award also writes its ledger entry. The close
 * runs through the product's own operation (every other campaign with its bar lowered, so most agents earn: the close
 * writes its lines and ledger entries too), as `POST /api/v1/periods/close` does. Baseline, in the same run: one KPI
 * read of the month for every agent (`getKpis`, the same rollups the close evaluates).
 *
 *   npm run bench:period-close                                   # 10,000 agents, 10,000,000 events (~7 min to load)
 *   BENCH_EVENTS=1000000 BENCH_AGENTS=2000 npm run bench:period-close   # smaller
 */
import { sql } from "drizzle-orm";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { CAMPAIGN_TEMPLATES, templateDocument } from "@/lib/domain/campaigns/templates";
import { closePeriod } from "@/lib/server/close-period";
import { createCampaign } from "@/lib/server/create-campaign";
import { createOrganization } from "@/lib/server/create-organization";
import { getKpis } from "@/lib/server/get-kpis";
import { launchCampaign } from "@/lib/server/launch-campaign";
import { benchDatabase, createBenchAgents, fmt, loadEvents, timeIt } from "./common";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 20);
const MONTH = { from: "2026-09-01", to: "2026-09-30" };

/** The same rule with its bar lowered so that most of the generated agents reach it (the generator's CSAT is ~60–80 %). */
function broaden(document: CampaignDocument): CampaignDocument {
  const rule = document.rule;
  switch (rule.kind) {
    case "threshold":
      return { ...document, rule: { ...rule, target: 50 } };
    case "tiered":
      return { ...document, rule: { ...rule, tiers: rule.tiers.map((t, i) => ({ ...t, value: 40 + 15 * i })) } };
    case "per_unit":
      return { ...document, rule: { ...rule, gates: [] }, capPerAgent: [] };
    case "streak":
      return { ...document, rule: { ...rule, condition: { ...rule.condition, value: 50, minSamples: 1 } } };
    case "rank":
      return { ...document, rule: { ...rule, top: 1_000, prizes: [{ type: "cash", amountMinor: 5_000, currency: "MYR" }] } };
    default:
      return document;
  }
}

/** BENCH_PROFILE=file.cpuprofile: a CPU profile of the close alone (open it in Chrome DevTools). */
async function profiled<T>(run: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return run();
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await run();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    (await import("node:fs")).writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

const { database, drop } = await benchDatabase("close");
const { db } = database;
const system = { db, actor: { kind: "system" as const, label: "cli" as const } };
try {
  console.log(`PostgreSQL: ${AGENTS.toLocaleString()} agents, ${EVENTS.toLocaleString()} events over ${MONTH.from} … ${MONTH.to}, ${CAMPAIGNS} campaigns`);
  const org = await createOrganization(system, { name: "Close benchmark", timezone: "Asia/Kuala_Lumpur", currency: "MYR" });
  const opts = { orgId: org.id };
  await createBenchAgents(db, org.id, AGENTS);
  const load = await timeIt(() => loadEvents(db, org.id, { events: EVENTS, agents: AGENTS, startMs: Date.parse("2026-09-01T00:00:00+08:00"), days: 30 }));
  console.log(`\r  loaded ${load.result.toLocaleString()} events in ${fmt(load.ms / 1000)} s`);
  // Campaigns run monthly from September to the end of the year, so they can be launched today (2026-11).
  const schedule = { period: "month" as const, from: MONTH.from, to: "2026-12-31" };
  const now = () => new Date("2026-10-05T04:00:00Z");
  for (let i = 0; i < CAMPAIGNS; i++) {
    const template = CAMPAIGN_TEMPLATES[i % CAMPAIGN_TEMPLATES.length]!;
    const base = { ...templateDocument(template.id, schedule)!, name: `${template.document.name} #${i + 1}`, approval: "auto" as const };
    // every other campaign is a broad one that pays most agents, so the close also writes ~100,000 lines and entries
    const document = i % 2 === 1 ? broaden(base) : base;
    const { id } = await createCampaign({ ...system, now }, document, opts);
    await launchCampaign({ ...system, now }, id, opts);
  }
  await db.execute(sql`vacuum analyze`);
  // warm-up of the same reads on the month (JIT, plans, caches), then the baseline
  const hr = { db, now, actor: { kind: "user" as const, orgId: org.id, userId: "bench-hr", role: "hr" as const, name: "HR", email: "hr@bench.example", managedTeamIds: [], memberTeamIds: [] } };
  await getKpis(hr, { from: MONTH.from, to: MONTH.to, groupBy: "agent", metrics: "csat,aht,fcr_rate,tickets_solved" });
  const baseline = await timeIt(() => getKpis(hr, { from: MONTH.from, to: MONTH.to, groupBy: "agent", metrics: "csat,aht,fcr_rate,tickets_solved" }));

  const close = await profiled(() => timeIt(() => closePeriod({ ...system, now }, MONTH, opts)));
  const [counts] = (await db.execute(sql`
    select (select count(*) from payout_lines where run_id = ${close.result.payoutRunId}::uuid)::int as lines,
           (select count(*) from ledger_entries where org_id = ${org.id}::uuid)::int as entries`)) as unknown as Array<{ lines: number; entries: number }>;
  console.log(`\nclose ${MONTH.from} … ${MONTH.to}: ${fmt(close.ms / 1000, 2)} s (target ≤ 10 s) — ${counts!.lines.toLocaleString()} payout lines, ${counts!.entries.toLocaleString()} ledger entries`);
  console.log(`  baseline getKpis (every agent, the month): ${fmt(baseline.ms / 1000, 2)} s → close / KPI read: ${fmt(close.ms / baseline.ms, 1)}×`);
} finally {
  await drop();
}
