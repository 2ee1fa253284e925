/**
 * Leaderboard read throughput (issue: `GET /api/v1/leaderboards/{id}` for a 10,000-agent board over 10 million
 * events ≥ 0.6× the throughput of a trivial JSON route of the same build), measured in the same run.
 *
 *   npm run bench:board-reads                        # 10,000 agents, 10,000,000 events (several minutes to load)
 *   BENCH_EVENTS=1000000 npm run bench:board-reads   # a quicker, smaller run
 *   BENCH_SKIP_BUILD=1 …                             # reuse the existing .next-bench build
 *
 * Baseline: `GET /api/health` of the same server — no authentication, one `select 1` on the database, a small JSON
 * body. The board: CSAT over September 2026 (the events span August to October), read with an API key as an
 * integration would, `?top=10` (what a wall screen or a widget asks for); each call authenticates the key, counts
 * the rate limit (raised here so it does not refuse the load), loads the board and the organization's day, takes the
 * view from the server's view cache (dropped on every event, recomputed in the background at most every second) and
 * queues its access-log row. For information, also measured: `GET /api/v1/leaderboards` (the board list: the same
 * key authentication, rate limit and access log, plus one small query — what any keyed call costs at least), and the
 * whole 10,000-row board (no `top`, about 1 MB of JSON). autocannon, 10 connections, rounds alternating between the
 * routes; medians compared.
 */
import { sql } from "drizzle-orm";
import { benchDatabase, fmt, loadEvents, timeIt } from "./common";
import { load, type LoadResult } from "./http-load";
import { buildOnce, startServer } from "./server";
import { benchBoard, median } from "./sse-clients";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3312);

buildOnce();
const { url, database, drop } = await benchDatabase("reads");
process.env.PODIUM_API_RATE_LIMIT = "1000000000/1";
let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  const { db } = database;
  const { orgId, boardId, key } = await benchBoard(db, { agents: AGENTS, metric: "csat", period: { from: "2026-09-01", to: "2026-09-30" } });
  const loaded = await timeIt(() => loadEvents(db, orgId, { events: EVENTS, agents: AGENTS, startMs: Date.parse("2026-08-01T00:00:00+08:00"), days: 91 }));
  console.log(`\r${AGENTS.toLocaleString()} agents, ${loaded.result.toLocaleString()} events loaded in ${fmt(loaded.ms / 1000)} s`);
  await db.execute(sql`vacuum analyze`);
  server = await startServer(url, PORT);
  const base = server.base;
  const headers = { authorization: `Bearer ${key}` };
  const health = `${base}/api/health`;
  const board = `${base}/api/v1/leaderboards/${boardId}?top=10`;
  const whole = `${base}/api/v1/leaderboards/${boardId}`;

  const cold = await timeIt(async () => {
    const r = await fetch(board, { headers });
    if (!r.ok) throw new Error(`GET board: ${r.status} ${await r.text()}`);
    return (await r.json()) as { ranked: number; participants: number };
  });
  console.log(`board: ${cold.result.participants.toLocaleString()} participants, ${cold.result.ranked.toLocaleString()} ranked; first (uncached) GET ${fmt(cold.ms)} ms`);
  // Warm-up: JIT, pools, the cache.
  await load(health, { seconds: 3 });
  await load(board, { seconds: 3, headers });

  const list = `${base}/api/v1/leaderboards`;
  const runs: { health: LoadResult[]; board: LoadResult[]; list: LoadResult[] } = { health: [], board: [], list: [] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.health.push(await load(health, { seconds: SECONDS }));
    runs.board.push(await load(board, { seconds: SECONDS, headers }));
    runs.list.push(await load(list, { seconds: SECONDS, headers }));
  }
  const full = await load(whole, { seconds: SECONDS, headers });
  await new Promise((r) => setTimeout(r, 3_000)); // requests autocannon left in flight finish before the server stops

  const show = (label: string, rs: LoadResult[]) =>
    console.log(`${label.padEnd(44)} ${rs.map((r) => fmt(r.rps, 0)).join(" / ")} req/s → median ${fmt(median(rs.map((r) => r.rps)), 0)} (p50 ${median(rs.map((r) => r.p50))} ms, p99 ${median(rs.map((r) => r.p99))} ms)`);
  console.log(`\nautocannon, 10 connections, ${SECONDS} s per run:`);
  show("GET /api/health (baseline, select 1)", runs.health);
  show("GET /api/v1/leaderboards/{id}?top=10", runs.board);
  show("GET /api/v1/leaderboards (keyed reference)", runs.list);
  show("GET /api/v1/leaderboards/{id} (all rows)", [full]);
  const ratio = median(runs.board.map((r) => r.rps)) / median(runs.health.map((r) => r.rps));
  console.log(`\nratio board ?top=10 / health: ${fmt(ratio, 2)}× (target ≥ 0.6: ${ratio >= 0.6 ? "met" : "NOT met"}); whole board / health: ${fmt(full.rps / median(runs.health.map((r) => r.rps)), 2)}×; board ?top=10 / keyed reference: ${fmt(median(runs.board.map((r) => r.rps)) / median(runs.list.map((r) => r.rps)), 2)}×`);
} finally {
  await server?.stop();
  await drop();
}
