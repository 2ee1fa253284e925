/**
 * Live leaderboard capacity (issue: 5,000 open streams on one instance ≤ 600 MB RSS while other routes stay
 * responsive), beside a baseline measured in the same run: the same server with no stream open.
 *
 *   npm run bench:board-capacity                     # builds into .next-bench once, fresh PostgreSQL database
 *   BENCH_SKIP_BUILD=1 npm run bench:board-capacity  # reuse the existing .next-bench build
 *   BENCH_STREAMS=10000 …                            # more streams
 *
 * The streams are `GET /api/v1/leaderboards/{id}/stream?top=10` (API key), held by raw node:http clients in this
 * process. RSS is the `next start` process's VmRSS. "Responsive" is GET /api/health (one `select 1`) and the board's
 * GET under autocannon (10 connections, 5 s), without streams, with every stream open, and while one update fans out
 * to all of them. The per-key rate limit is raised so one key can open every stream. The server runs with the node flags
 * and environment of `npm start` (bench/server.ts); BENCH_NODE_ARGS="…" and e.g. MALLOC_ARENA_MAX=… try others.
 */
import { benchDatabase, fmt, loadEvents } from "./common";
import { load as loadOf, type LoadResult } from "./http-load";
import { buildOnce, startScript, startServer } from "./server";
import { benchBoard, openMany, openSse, rssMiB, rssPeak, serverPid } from "./sse-clients";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 5_000);
const AGENTS = 200;
const PORT = Number(process.env.BENCH_PORT ?? 3311);
const PERIOD = { from: "2026-09-01", to: "2026-09-30" };

buildOnce();
const { url, database, drop } = await benchDatabase("cap");
process.env.PODIUM_API_RATE_LIMIT = "1000000/1";
let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  const { db } = database;
  const { orgId, boardId, key } = await benchBoard(db, { agents: AGENTS, metric: "calls_answered", period: PERIOD });
  await loadEvents(db, orgId, { events: 20_000, agents: AGENTS, startMs: Date.parse("2026-09-01T00:00:00+08:00"), days: 30 });
  server = await startServer(url, PORT);
  const base = server.base;
  const pid = serverPid(PORT);
  const auth = { authorization: `Bearer ${key}` };
  const boardUrl = `${base}/api/v1/leaderboards/${boardId}?top=10`;

  const load = (target: string, headers: Record<string, string> = {}) => loadOf(target, { connections: 10, seconds: 5, headers });
  const report = (label: string, health: LoadResult, board: LoadResult) =>
    console.log(
      `${label.padEnd(22)} health ${fmt(health.rps, 0)} req/s (p50 ${health.p50} ms, p90 ${health.p90} ms, p99 ${health.p99} ms)   board GET ${fmt(board.rps, 0)} req/s (p50 ${board.p50} ms, p99 ${board.p99} ms)`,
    );

  // Warm-up: compile the routes, fill the pools, open and close a few streams.
  await load(`${base}/api/health`);
  await load(boardUrl, auth);
  const warm = await openMany(20, 10, () => openSse(`${base}/api/v1/leaderboards/${boardId}/stream?top=10`, auth, () => {}));
  warm.forEach((c) => c.close());
  await new Promise((r) => setTimeout(r, 2_000));

  const idleRss = rssMiB(pid);
  const basePeak = rssPeak(pid);
  const baseHealth = await load(`${base}/api/health`);
  const baseBoard = await load(boardUrl, auth);
  const baseRss = rssMiB(pid);
  const basePeakRss = basePeak.stop();

  const peak = rssPeak(pid);
  let snapshots = 0;
  let updates = 0;
  let allUpdated: () => void = () => {};
  const opening = performance.now();
  const streams = await openMany(STREAMS, 100, () =>
    openSse(`${base}/api/v1/leaderboards/${boardId}/stream?top=10`, auth, (event) => {
      if (event !== "leaderboard") return;
      if (++snapshots > STREAMS && ++updates === STREAMS) allUpdated();
    }),
  );
  const openSeconds = (performance.now() - opening) / 1000;
  while (snapshots < STREAMS) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 3_000));
  const openRss = rssMiB(pid);
  const withHealth = await load(`${base}/api/health`);
  const withBoard = await load(boardUrl, auth);

  // One update fanned out to every stream, with health probed meanwhile.
  const probe: number[] = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const t = performance.now();
      await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
      probe.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const updated = new Promise<void>((r) => (allUpdated = r));
  const t0 = performance.now();
  const events = Array.from({ length: 400 }, (_, i) => ({ id: `cap-${i}`, type: "call", agent: "agent-00042", occurredAt: "2026-09-20T10:00:00+08:00", answered: true, waitSeconds: 3, talkSeconds: 100 }));
  const posted = await fetch(`${base}/api/v1/events`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ events }) });
  if (!posted.ok) throw new Error(`POST events: ${posted.status}`);
  const outcome = await Promise.race([updated.then(() => "ok"), new Promise((r) => setTimeout(() => r("timeout"), 20_000))]);
  const fanoutMs = performance.now() - t0;
  probing = false;
  await prober;
  const peakRss = peak.stop();
  for (const s of streams) s.close();
  await new Promise((r) => setTimeout(r, 2_000));
  const closedRss = rssMiB(pid);

  const run = startScript();
  const settings = [...Object.entries(run.env).map(([k, v]) => `${k}=${process.env[k] ?? v}`), ["node", ...run.nodeArgs, run.script].join(" ")].join(" ");
  console.log(`\n${STREAMS.toLocaleString()} streams on one board, one instance (${AGENTS} agents, top 10), server started as ${settings}:`);
  console.log(`  opened in ${fmt(openSeconds)} s; every stream got its first snapshot`);
  const mb = (mib: number) => `${fmt(mib * 1.048576, 0)} MB`;
  console.log(`  RSS without streams: idle ${mb(idleRss)}, peak under the load below ${mb(basePeakRss)}, after it ${mb(baseRss)} (baseline)`);
  console.log(`  RSS with ${STREAMS.toLocaleString()} streams: open and idle ${mb(openRss)} (${fmt(((openRss - baseRss) * 1024) / STREAMS)} KiB per stream over the baseline), peak under the same load and one update ${mb(peakRss)}; after closing them ${mb(closedRss)}`);
  console.log(`  RSS ≤ 600 MB with ${STREAMS.toLocaleString()} streams: open and idle ${openRss * 1.048576 <= 600 ? "met" : "NOT met"}, peak under load ${peakRss * 1.048576 <= 600 ? "met" : "NOT met"}; ratio of peaks with/without streams ${fmt(peakRss / basePeakRss, 2)}×`);
  report("  no streams (baseline)", baseHealth, baseBoard);
  report(`  ${STREAMS.toLocaleString()} streams open`, withHealth, withBoard);
  console.log(`  ratio with/without streams: health ${fmt(withHealth.rps / baseHealth.rps, 2)}× req/s, board GET ${fmt(withBoard.rps / baseBoard.rps, 2)}× req/s`);
  probe.sort((a, b) => a - b);
  console.log(
    `  one update → all ${STREAMS.toLocaleString()} streams: ${outcome === "ok" ? `${fmt(fanoutMs, 0)} ms` : `TIMEOUT (${updates} updated)`}; health meanwhile: ${probe.length} probes, median ${fmt(probe[Math.floor(probe.length / 2)] ?? NaN)} ms, max ${fmt(probe.at(-1) ?? NaN)} ms`,
  );
} finally {
  await server?.stop();
  await drop();
}
