/**
 * Campaign simulate benchmark (issue: a month-long composite rank campaign for 10,000 agents, ≤ 2 s end to end
 * through the API on PostgreSQL), beside the KPI API reading the same KPIs for the same agents and month: the
 * difference is what evaluating the rule costs (directory, composite, ranking, explanations, the JSON answer).
 *
 *   npm run bench:campaign                       # 10,000 agents, 3,000,000 events over September (a few minutes to load)
 *   BENCH_EVENTS=500000 BENCH_AGENTS=2000 npm run bench:campaign   # smaller
 *   BENCH_SKIP_BUILD=1 …                         # reuse the .next-bench build
 */
import { sql } from "drizzle-orm";
import { createApiKey } from "@/lib/server/create-api-key";
import { createOrganization } from "@/lib/server/create-organization";
import { templateDocument } from "@/lib/domain/campaigns/templates";
import { benchDatabase, createBenchAgents, fmt, loadEvents, percentile, timeIt } from "./common";
import { buildOnce, startServer } from "./server";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 3_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3301);
const MONTH = { from: "2026-09-01", to: "2026-09-30" };

// The "Monthly top 3" template: rank by a z-score composite of CSAT (0.5), AHT (0.3, lower is better) and FCR (0.2).
const campaign = templateDocument("monthly-top-3-composite", MONTH)!;

buildOnce();
const { url, database, drop } = await benchDatabase("campaign");
const { db } = database;
const system = { db, actor: { kind: "system" as const, label: "cli" as const } };
try {
  console.log(`PostgreSQL: ${AGENTS.toLocaleString()} agents, ${EVENTS.toLocaleString()} events over ${MONTH.from} … ${MONTH.to}`);
  const org = await createOrganization(system, { name: "Campaign benchmark", timezone: "Asia/Kuala_Lumpur", currency: "MYR" });
  await createBenchAgents(db, org.id, AGENTS);
  const load = await timeIt(() => loadEvents(db, org.id, { events: EVENTS, agents: AGENTS, startMs: Date.parse("2026-09-01T00:00:00+08:00"), days: 30 }));
  console.log(`\r  loaded ${load.result.toLocaleString()} events in ${fmt(load.ms / 1000)} s`);
  await db.execute(sql`vacuum analyze`);
  const { key } = await createApiKey(system, { name: "bench", scopes: ["campaigns:read", "kpis:read"] }, { orgId: org.id });

  const server = await startServer(url, PORT);
  try {
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const simulate = async () => {
      const r = await fetch(`${server.base}/api/v1/campaigns/simulate`, { method: "POST", headers, body: JSON.stringify({ campaign, ...MONTH }) });
      if (r.status !== 200) throw new Error(`simulate: ${r.status} ${await r.text()}`);
      return (await r.json()) as { results: Array<{ rank: number | null; awards: unknown[] }> };
    };
    const kpis = async () => {
      const r = await fetch(`${server.base}/api/v1/kpis?from=${MONTH.from}&to=${MONTH.to}&groupBy=agent&metrics=csat,aht,fcr_rate`, { headers });
      if (r.status !== 200) throw new Error(`kpis: ${r.status} ${await r.text()}`);
      return (await r.json()) as { rows: unknown[] };
    };
    // Warm-up: compile the routes, JIT, fill the pool and the cache.
    for (let i = 0; i < 3; i++) await Promise.all([simulate(), kpis()]);

    const simTimes: number[] = [];
    const kpiTimes: number[] = [];
    let results = 0;
    let winners = 0;
    for (let i = 0; i < RUNS; i++) {
      const s = await timeIt(simulate);
      simTimes.push(s.ms);
      results = s.result.results.length;
      winners = s.result.results.filter((r) => r.awards.length > 0).length;
      kpiTimes.push((await timeIt(kpis)).ms);
    }
    simTimes.sort((x, y) => x - y);
    kpiTimes.sort((x, y) => x - y);
    const p = (xs: number[], q: number) => fmt(percentile(xs, q), 0);
    console.log(`\nPOST /api/v1/campaigns/simulate, composite rank (csat, aht, fcr_rate; z-score; top 3) over a month, ${RUNS} runs`);
    console.log(`  simulate:  p50 ${p(simTimes, 50)} ms   p95 ${p(simTimes, 95)} ms   max ${p(simTimes, 100)} ms   (${results.toLocaleString()} participants, ${winners} winners; target p95 ≤ 2,000 ms)`);
    console.log(`  baseline GET /api/v1/kpis (same KPIs, agents, month):  p50 ${p(kpiTimes, 50)} ms   p95 ${p(kpiTimes, 95)} ms`);
    console.log(`  ratio simulate / KPI read (p50):  ${fmt(percentile(simTimes, 50) / percentile(kpiTimes, 50), 2)}×`);
  } finally {
    await server.stop();
  }
} finally {
  await drop();
}
