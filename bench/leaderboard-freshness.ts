/**
 * Live leaderboard freshness (issue: 1,000 SSE clients on one board; an accepted event → every client has the new
 * ranking, p95 ≤ 250 ms), beside a baseline measured in the same run: the same rounds with one client.
 *
 *   npm run bench:board-freshness                    # builds into .next-bench once, fresh PostgreSQL database
 *   BENCH_SKIP_BUILD=1 npm run bench:board-freshness # reuse the existing .next-bench build
 *   BENCH_CLIENTS=2000 BENCH_ROUNDS=50 …             # more clients or rounds
 *
 * The board ranks calls answered over September 2026 for 500 agents (100,000 events loaded first). Each round posts
 * one batch through POST /api/v1/events that puts a new agent in first place; a client "has the new ranking" when it
 * received a `leaderboard` event whose first row is that agent with the new value. Latency runs from just before the
 * POST is sent (so it includes the ingest itself) to the client's receipt; the server runs with the production
 * settings except the per-key rate limit, raised so that one key can open every stream.
 */
import { benchDatabase, fmt, loadEvents, percentile } from "./common";
import { buildOnce, startServer } from "./server";
import { benchBoard, openMany, openSse, type SseClient } from "./sse-clients";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const BASELINE_ROUNDS = 10;
const AGENTS = 500;
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const PERIOD = { from: "2026-09-01", to: "2026-09-30" };
const TOP = 10;

type Row = { rank: number | null; agent: string; value: number | null };

buildOnce();
const { url, database, drop } = await benchDatabase("fresh");
process.env.PODIUM_API_RATE_LIMIT = "1000000/1";
let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  const { db } = database;
  const { orgId, boardId, key } = await benchBoard(db, { agents: AGENTS, metric: "calls_answered", period: PERIOD });
  const loaded = await loadEvents(db, orgId, { events: 100_000, agents: AGENTS, startMs: Date.parse("2026-09-01T00:00:00+08:00"), days: 30 });
  console.log(`\r${AGENTS} agents, ${loaded.toLocaleString()} events; board: calls answered, ${PERIOD.from} … ${PERIOD.to}, ?top=${TOP}`);
  server = await startServer(url, PORT);
  const base = server.base;
  const auth = { authorization: `Bearer ${key}` };
  const streamUrl = `${base}/api/v1/leaderboards/${boardId}/stream?top=${TOP}`;

  const fullBoard = async (): Promise<Row[]> => {
    const r = await fetch(`${base}/api/v1/leaderboards/${boardId}`, { headers: auth });
    if (!r.ok) throw new Error(`GET board: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { rows: Row[] }).rows;
  };
  let seq = 0;
  /** The batch that puts `target` first, and the value it will then show (read before the clock starts). */
  const overtaking = async (target: string): Promise<{ value: number; body: string }> => {
    const rows = await fullBoard();
    const lead = rows[0]!.value ?? 0;
    const mine = rows.find((r) => r.agent === target)?.value ?? 0;
    const needed = lead - mine + 1;
    const at = "2026-09-15T10:00:00+08:00";
    const events = Array.from({ length: needed }, () => ({ id: `fresh-${++seq}`, type: "call", agent: target, occurredAt: at, answered: true, waitSeconds: 3, talkSeconds: 120 }));
    return { value: mine + needed, body: JSON.stringify({ events }) };
  };
  const post = async (body: string) => {
    const r = await fetch(`${base}/api/v1/events`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body });
    if (!r.ok) throw new Error(`POST events: ${r.status} ${await r.text()}`);
  };

  /** `rounds` rounds with `clients` open streams: every (client, round) latency, and each round's slowest. */
  const measure = async (clients: number, rounds: number, label: string) => {
    let expected: { agent: string; value: number; t0: number } | null = null;
    let got = new Set<number>();
    let allGot: () => void = () => {};
    const latencies: number[] = [];
    const open = (i: number): SseClient =>
      openSse(streamUrl, auth, (event, data, at) => {
        if (event !== "leaderboard" || !expected || got.has(i)) return;
        const first = (JSON.parse(data) as { rows: Row[] }).rows[0];
        if (first?.agent !== expected.agent || first.value !== expected.value) return;
        got.add(i);
        latencies.push(at - expected.t0);
        if (got.size === clients) allGot();
      });
    const opening = performance.now();
    const streams = await openMany(clients, 50, open);
    const openMs = performance.now() - opening;
    await new Promise((r) => setTimeout(r, 1_000)); // every first snapshot delivered
    const slowest: number[] = [];
    const posts: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const target = `agent-${String((round * 37 + (clients > 1 ? 101 : 7)) % AGENTS).padStart(5, "0")}`;
      got = new Set();
      const done = new Promise<void>((resolve) => (allGot = resolve));
      const { value, body } = await overtaking(target);
      const t0 = performance.now();
      expected = { agent: target, value, t0 };
      await post(body);
      posts.push(performance.now() - t0);
      const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 10_000));
      if ((await Promise.race([done, timeout])) === "timeout") throw new Error(`${label}: round ${round}: only ${got.size} of ${clients} clients got the new ranking in 10 s`);
      slowest.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 300));
    }
    for (const s of streams) s.close();
    latencies.sort((x, y) => x - y);
    slowest.sort((x, y) => x - y);
    posts.sort((x, y) => x - y);
    return { latencies, slowest, posts, openMs };
  };

  // Warm-up: compile the routes and JIT the hot paths.
  await measure(10, 3, "warm-up");
  const one = await measure(1, BASELINE_ROUNDS, "baseline");
  const many = await measure(CLIENTS, ROUNDS, "clients");

  const line = (label: string, r: typeof one) =>
    console.log(
      `${label.padEnd(26)} p50 ${fmt(percentile(r.latencies, 50))} ms   p95 ${fmt(percentile(r.latencies, 95))} ms   p99 ${fmt(percentile(r.latencies, 99))} ms   max ${fmt(r.latencies.at(-1)!)} ms   (${r.latencies.length.toLocaleString()} deliveries; POST p50 ${fmt(percentile(r.posts, 50))} ms)`,
    );
  console.log("\nevent posted → client has the new ranking (includes the ingest POST):");
  line("1 client (baseline)", one);
  line(`${CLIENTS.toLocaleString()} clients`, many);
  console.log(`${"".padEnd(26)} slowest client per round: p50 ${fmt(percentile(many.slowest, 50))} ms, p95 ${fmt(percentile(many.slowest, 95))} ms; ${CLIENTS.toLocaleString()} streams opened in ${fmt(many.openMs / 1000)} s`);
  const p95 = percentile(many.latencies, 95);
  console.log(`\np95 with ${CLIENTS.toLocaleString()} clients: ${fmt(p95)} ms (target ≤ 250 ms: ${p95 <= 250 ? "met" : "NOT met"}); ratio to one client: ${fmt(p95 / percentile(one.latencies, 95), 2)}×`);
} finally {
  await server?.stop();
  await drop();
}
