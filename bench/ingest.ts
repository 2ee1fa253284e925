/**
 * Ingest benchmark (issue: 100,000 events through the HTTP API in 1,000-event batches with 2 concurrent clients on
 * PostgreSQL, as a ratio to COPY of the same rows into a plain table on the same server in the same run: ≥ 0.20).
 *
 *   npm run bench:ingest                 # builds into .next-bench once, then starts `next start` on a fresh database
 *   BENCH_SKIP_BUILD=1 npm run bench:ingest   # reuse the existing .next-bench build
 *
 * The server is the production build with its default settings (rate limit included); the events are realistic
 * calls, tickets, surveys and QA reviews of 500 agents over 5 days (about 40 contacts per agent per day, as in a real
 * contact center), sent in time order as a telephony or helpdesk feed would.
 */
import { localDay } from "@/lib/domain/calendar";
import { createApiKey } from "@/lib/server/create-api-key";
import { createOrganization } from "@/lib/server/create-organization";
import { benchDatabase, fmt, generateEvents } from "./common";
import { buildOnce, startServer } from "./server";
import postgres from "postgres";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const BATCH = 1_000;
const CLIENTS = 2;
/** Rounds of ingest and of COPY; the medians are compared (single runs of a few seconds vary by ±30% here). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const TZ = "Asia/Kuala_Lumpur";

buildOnce();
const { url, database, drop } = await benchDatabase("ingest");
const server = await startServer(url, PORT).catch(async (err) => {
  await drop();
  throw err;
});
const base = server.base;
try {
  const system = { db: database.db, actor: { kind: "system" as const, label: "cli" as const } };
  const org = await createOrganization(system, { name: "Ingest benchmark", timezone: TZ, currency: "MYR" });
  const { key } = await createApiKey(system, { name: "bench", scopes: ["events:write"] }, { orgId: org.id });
  const opts = { agents: 500, startMs: Date.parse("2026-09-01T00:00:00+08:00"), days: 5, total: EVENTS };
  const events = generateEvents(0, EVENTS, opts);
  // Each round sends the same events under new ids (a different day's feed of the same size).
  const bodiesOf = (round: number) => {
    const bodies: string[] = [];
    for (let i = 0; i < EVENTS; i += BATCH) bodies.push(JSON.stringify({ events: events.slice(i, i + BATCH).map((e) => ({ ...e, id: `r${round}-${e.id}` })) }));
    return bodies;
  };
  const post = (body: string) =>
    fetch(`${base}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });

  // Warm-up, as a server that has been running: compile paths, JIT the hot code, open pool connections (events of
  // their own, not counted).
  for (let w = 0; w < 10; w++) {
    const body = JSON.stringify({ events: generateEvents(EVENTS + w * BATCH, BATCH, opts).map((e) => ({ ...e, id: `warm-${e.id}` })) });
    const r = await post(body);
    if (!r.ok) throw new Error(`warm-up: ${r.status} ${await r.text()}`);
  }

  const ingestRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0) await new Promise((r) => setTimeout(r, 11_000)); // a fresh rate-limit window (120 requests per 10 s)
    const bodies = bodiesOf(round);
    let next = 0;
    let accepted = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < bodies.length; i = next++) {
          const r = await post(bodies[i]!);
          if (r.status !== 200) throw new Error(`batch ${i}: ${r.status} ${await r.text()}`);
          accepted += ((await r.json()) as { accepted: number }).accepted;
        }
      }),
    );
    ingestRuns.push(performance.now() - started);
    if (accepted !== EVENTS) throw new Error(`accepted ${accepted} of ${EVENTS}`);
  }
  const ingestMs = [...ingestRuns].sort((x, y) => x - y)[Math.floor(ROUNDS / 2)]!;

  // Baseline: COPY of the same rows (the columns the events table stores) into a plain table on the same server.
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  await pg.unsafe(`create table copy_baseline (org_id uuid, id text, type text, agent_ref text, queue text, occurred_at timestamptz, local_day date, late boolean, payload jsonb, source text)`);
  const esc = (s: string) => s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  const lines = events.map((e) =>
    [org.id, e.id, e.type, e.agent, e.queue, e.occurredAt, localDay(e.occurredAt as string, TZ), "f", JSON.stringify(e), "api"].map((v) => esc(String(v))).join("\t") + "\n",
  );
  // The baseline is measured ROUNDS times too (a fresh table each time) and the median taken.
  const copyRuns: number[] = [];
  for (let run = 0; run < ROUNDS; run++) {
    const table = `copy_baseline_${run}`;
    await pg.unsafe(`create table ${table} (like copy_baseline)`);
    const copyStarted = performance.now();
    const stream = await pg.unsafe(`copy ${table} from stdin`).writable();
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", resolve);
      const chunk = 5_000;
      for (let i = 0; i < lines.length; i += chunk) stream.write(lines.slice(i, i + chunk).join(""));
      stream.end();
    });
    copyRuns.push(performance.now() - copyStarted);
    const [{ n }] = (await pg.unsafe(`select count(*)::int as n from ${table}`)) as unknown as [{ n: number }];
    if (n !== EVENTS) throw new Error(`COPY stored ${n} rows`);
  }
  await pg.end();
  const copyMs = [...copyRuns].sort((x, y) => x - y)[Math.floor(ROUNDS / 2)]!;

  const ingestRate = EVENTS / (ingestMs / 1000);
  const copyRate = EVENTS / (copyMs / 1000);
  console.log(`\n${EVENTS.toLocaleString()} events per round, ${ROUNDS} rounds, ${EVENTS / BATCH} batches of ${BATCH}, ${CLIENTS} concurrent clients, PostgreSQL`);
  console.log(`  POST /api/v1/events:  ${fmt(ingestMs / 1000, 2)} s   ${fmt(ingestRate, 0)} events/s   (median of ${ingestRuns.map((ms) => fmt(ms / 1000, 2)).join(", ")} s; stored, deduplicated, counted, audited)`);
  console.log(`  COPY into plain table: ${fmt(copyMs / 1000, 2)} s   ${fmt(copyRate, 0)} rows/s   (median of ${copyRuns.map((ms) => fmt(ms / 1000, 2)).join(", ")} s)`);
  console.log(`  ratio ingest / COPY:   ${fmt(ingestRate / copyRate, 2)}   (target ≥ 0.20)`);
} finally {
  await server.stop();
  await drop();
}
