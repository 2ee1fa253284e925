/**
 * KPI query benchmark (issue: a month of KPIs grouped by agent for 10,000 agents over 10 million events, p95 ≤ 50 ms
 * in the database), beside a naive GROUP BY over the raw events of the same month on the same server.
 *
 *   npm run bench:kpi                    # 10,000 agents, 10,000,000 events (several minutes to load)
 *   BENCH_EVENTS=1000000 npm run bench:kpi   # a quicker, smaller run
 *
 * The events go in through the product's own ingest operation (validation, idempotent insert, rollups), 5,000 per
 * batch on two connections; then the same month is asked for repeatedly.
 */
import { sql } from "drizzle-orm";
import { foldPendingRollups } from "@/db/queries/events";
import { componentSumsSql, sumComponents } from "@/db/queries/kpis";
import { rowsOf } from "@/db/queries/rows";
import type { SystemActor } from "@/lib/auth/actor";
import { componentsUsedBy, type BuiltinKpi } from "@/lib/domain/kpis";
import { createOrganization } from "@/lib/server/create-organization";
import { getKpis } from "@/lib/server/get-kpis";
import { benchDatabase, createBenchAgents, fmt, loadEvents, percentile, timeIt } from "./common";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const START = Date.parse("2026-08-01T00:00:00+08:00");
const DAYS = 91; // August to October in Kuala Lumpur
const MONTH = { from: "2026-09-01", to: "2026-09-30" };
const METRICS: BuiltinKpi[] = ["calls_offered", "answer_rate", "aht", "service_level", "csat", "qa_score"];
const system: SystemActor = { kind: "system", label: "cli" };

const { url, database, drop } = await benchDatabase("kpi");
const { db } = database;
console.log(`PostgreSQL ${url.replace(/\/\/[^@]*@/, "//")}: ${AGENTS.toLocaleString()} agents, ${EVENTS.toLocaleString()} events`);
try {
  const org = await createOrganization({ db, actor: system }, { name: "KPI benchmark", timezone: "Asia/Kuala_Lumpur", currency: "MYR" });
  await createBenchAgents(db, org.id, AGENTS);
  const load = await timeIt(() => loadEvents(db, org.id, { events: EVENTS, agents: AGENTS, startMs: START, days: DAYS }));
  console.log(`\r  loaded ${load.result.toLocaleString()} events in ${fmt(load.ms / 1000)} s (${fmt(load.result / (load.ms / 1000), 0)} events/s through ingestEvents)`);
  // What the last second queued.
  const folded = await timeIt(() => foldPendingRollups(db, org.id));
  console.log(`  folded ${folded.result.toLocaleString()} queued batches into the rollups in ${fmt(folded.ms / 1000)} s`);
  // Steady state: autovacuum has caught up with the load (it runs on its own in a live database).
  await db.execute(sql`vacuum analyze`);

  const [{ month_events }] = rowsOf<{ month_events: number }>(
    await db.execute(sql`select count(*)::int as month_events from events where org_id = ${org.id}::uuid and local_day between ${MONTH.from}::date and ${MONTH.to}::date`),
  ) as [{ month_events: number }];
  const columns = [...new Set(METRICS.flatMap(componentsUsedBy))];

  // 1. The rollup query alone, as the application sends it: round trip, and execution time in the database.
  const rollupTimes: number[] = [];
  const rollupExec: number[] = [];
  let groups = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const { ms, result } = await timeIt(() => sumComponents(db, org.id, MONTH, columns, "agent_ref"));
    if (i >= 3) rollupTimes.push(ms); // the first runs warm the cache
    groups = result.length;
  }
  const explainOf = async (query: Parameters<typeof db.execute>[0]) => {
    const rows = rowsOf<{ "QUERY PLAN": unknown }>(await db.execute(sql`explain (analyze, timing off, format json) ${query}`));
    const plan = rows[0]!["QUERY PLAN"];
    const parsed = (typeof plan === "string" ? JSON.parse(plan) : plan) as [{ "Execution Time": number }];
    return parsed[0]["Execution Time"];
  };
  const rollupSql = componentSumsSql(org.id, MONTH, columns, "agent_ref");
  for (let i = 0; i < RUNS; i++) rollupExec.push(await explainOf(rollupSql));
  // 2. The whole operation behind GET /api/v1/kpis: directory of 10,000 agents, rollups, KPI formulas.
  const reader = { db, actor: { kind: "api_key" as const, orgId: org.id, keyId: "bench", name: "bench", scopes: ["kpis:read" as const] } };
  const opTimes: number[] = [];
  let rows = 0;
  for (let i = 0; i < Math.min(RUNS, 30) + 2; i++) {
    const { ms, result } = await timeIt(() => getKpis(reader, { ...MONTH, groupBy: "agent", metrics: METRICS }));
    if (i >= 2) opTimes.push(ms);
    rows = result.rows.length;
  }
  // 3. The naive way: GROUP BY over the month's raw events.
  const naiveSql = sql`
        select agent_ref,
          count(*) filter (where type = 'call') as offered,
          count(*) filter (where type = 'call' and (payload->>'answered')::boolean) as answered,
          avg((payload->>'talkSeconds')::float8 + coalesce((payload->>'holdSeconds')::float8, 0) + coalesce((payload->>'wrapSeconds')::float8, 0))
            filter (where type = 'call' and (payload->>'answered')::boolean and payload->>'talkSeconds' is not null) as aht,
          count(*) filter (where type = 'call' and (payload->>'answered')::boolean and (payload->>'waitSeconds')::float8 <= 20) as sl_within,
          count(*) filter (where type = 'survey' and payload->>'survey' = 'csat') as csat_n,
          count(*) filter (where type = 'survey' and payload->>'survey' = 'csat' and (payload->>'score')::float8 >= 4) as csat_top2,
          avg((payload->>'score')::float8) filter (where type = 'qa_review') as qa
        from events where org_id = ${org.id}::uuid and local_day between ${MONTH.from}::date and ${MONTH.to}::date
        group by agent_ref`;
  const naiveTimes: number[] = [];
  for (let i = 0; i < 3; i++) naiveTimes.push((await timeIt(() => db.execute(naiveSql))).ms);
  const sort = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const r = sort(rollupTimes);
  const re = sort(rollupExec);
  const naiveExec = await explainOf(naiveSql);
  const o = sort(opTimes);
  const n = sort(naiveTimes);
  console.log(`\nA month (${MONTH.from} … ${MONTH.to}, ${month_events.toLocaleString()} events) of ${METRICS.join(", ")} grouped by agent:`);
  console.log(`  rollup query, in the database: p50 ${fmt(percentile(re, 50))} ms   p95 ${fmt(percentile(re, 95))} ms   (EXPLAIN ANALYZE, ${re.length} runs)   target p95 ≤ 50 ms`);
  console.log(`  rollup query, round trip:      p50 ${fmt(percentile(r, 50))} ms   p95 ${fmt(percentile(r, 95))} ms   (${r.length} runs, ${groups.toLocaleString()} groups)`);
  console.log(`  getKpis operation (all):       p50 ${fmt(percentile(o, 50))} ms   p95 ${fmt(percentile(o, 95))} ms   (${o.length} runs, ${rows.toLocaleString()} rows)`);
  console.log(`  naive GROUP BY over events:    round trip p50 ${fmt(percentile(n, 50))} ms (${n.length} runs), in the database ${fmt(naiveExec)} ms`);
  console.log(`  ratio naive / rollup:          ${fmt(naiveExec / percentile(re, 50))}× in the database, ${fmt(percentile(n, 50) / percentile(r, 50))}× round trip (p50)`);
} finally {
  await drop();
}
