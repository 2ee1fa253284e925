/**
 * Shared pieces of the benchmarks: a private PostgreSQL database per run, a seeded generator of realistic canonical
 * events, and percentiles. Benchmarks print their figures; they never assert timings.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type Database, type Db } from "@/db/client";
import { foldPendingRollups } from "@/db/queries/events";
import type { SystemActor } from "@/lib/auth/actor";
import { ingestEvents } from "@/lib/server/ingest-events";

export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://root@127.0.0.1:5432/test";

/** A new database on the benchmark server, dropped by `drop()`. */
export async function benchDatabase(label: string): Promise<{ url: string; database: Database; drop: () => Promise<void> }> {
  const name = `podium_bench_${label}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    url: url.toString(),
    database,
    drop: async () => {
      await database.close();
      if (!process.env.BENCH_KEEP) await admin.unsafe(`drop database if exists ${name} with (force)`);
      else console.log(`kept database ${name} (BENCH_KEEP)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** mulberry32: a tiny seeded PRNG, so every run generates the same events. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const agentId = (i: number) => `agent-${String(i).padStart(5, "0")}`;
const QUEUES = ["billing", "tech_support", "retention"];

/**
 * Canonical events number `from` … `from + count - 1`, spread evenly over `days` days from `startMs`, for `agents`
 * agents: 60% calls, 20% tickets, 15% CSAT surveys, 5% QA reviews, with the nulls real systems send.
 */
export function generateEvents(
  from: number,
  count: number,
  opts: { agents: number; startMs: number; days: number; seed?: number; /** events in the whole run (spacing) */ total?: number },
): Record<string, unknown>[] {
  const rnd = prng((opts.seed ?? 1) + from);
  const span = opts.days * 86_400_000;
  const total = opts.total ?? opts.agents * 1000;
  const out: Record<string, unknown>[] = [];
  for (let i = from; i < from + count; i++) {
    const agentNo = i % opts.agents;
    const skill = 0.7 + ((agentNo * 7919) % 100) / 333; // 0.7 … 1.0, stable per agent
    const at = new Date(opts.startMs + Math.floor(((i % total) / total) * span) + Math.floor(rnd() * 3_600_000)).toISOString();
    const base = { id: `bench-${i}`, agent: agentId(agentNo), queue: QUEUES[agentNo % 3], occurredAt: at };
    const kind = rnd();
    if (kind < 0.6) {
      const answered = rnd() < 0.93;
      out.push({
        ...base,
        type: "call",
        channel: "voice",
        answered,
        resolved: answered ? (rnd() < 0.1 ? null : rnd() < 0.75 * skill) : null,
        firstContactResolved: answered && rnd() < 0.8 ? rnd() < 0.7 * skill : null,
        waitSeconds: Math.floor(rnd() * 60),
        talkSeconds: answered ? Math.floor(120 + rnd() * 400 / skill) : null,
        holdSeconds: answered && rnd() < 0.9 ? Math.floor(rnd() * 60) : null,
        wrapSeconds: answered ? Math.floor(10 + rnd() * 50) : null,
      });
    } else if (kind < 0.8) {
      const created = Date.parse(at) - Math.floor(rnd() * 86_400_000);
      const solved = rnd() < 0.85;
      out.push({
        ...base,
        type: "ticket",
        channel: "email",
        createdAt: new Date(created).toISOString(),
        firstReplyAt: new Date(created + Math.floor(rnd() * 14_400_000)).toISOString(),
        solvedAt: solved ? new Date(Date.parse(at)).toISOString() : null,
        replies: Math.floor(1 + rnd() * 5),
        reopens: rnd() < 0.2 ? null : rnd() < 0.1 ? 1 : 0,
        slaMet: rnd() < 0.9 * skill,
        firstContactResolved: null,
      });
    } else if (kind < 0.95) {
      out.push({ ...base, type: "survey", survey: "csat", score: Math.max(1, Math.min(5, Math.round(2 + rnd() * 3 * skill + 0.4))) });
    } else {
      out.push({ ...base, type: "qa_review", score: Math.round(60 + rnd() * 40 * skill) });
    }
  }
  return out;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function timeIt<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t = performance.now();
  const result = await run();
  return { ms: performance.now() - t, result };
}

export const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const system: SystemActor = { kind: "system", label: "cli" };

/** `count` agents agent-00000 … with users and profiles, in one statement (the benchmarks measure reads, not this). */
export async function createBenchAgents(db: Db, orgId: string, count: number): Promise<void> {
  await db.execute(sql`
    with u as (
      insert into users (id, org_id, name, email, role)
      select 'bench-user-' || g, ${orgId}::uuid, 'Agent ' || g, 'agent-' || lpad(g::text, 5, '0') || '@bench.example', 'agent'
      from generate_series(0, ${count - 1}) g
      returning id, email)
    insert into agent_profiles (org_id, user_id, external_id) select ${orgId}::uuid, id, split_part(email, '@', 1) from u`);
}

/**
 * Loads generated events through the product's own ingest operation (validation, idempotent insert, rollups), 5,000
 * per batch on two connections, folding queued rollup deltas every second as the server does. Returns the count.
 */
export async function loadEvents(db: Db, orgId: string, opts: { events: number; agents: number; startMs: number; days: number }): Promise<number> {
  const BATCH = 5_000;
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const from = next;
      next += BATCH;
      if (from >= opts.events) return;
      const batch = generateEvents(from, Math.min(BATCH, opts.events - from), { agents: opts.agents, startMs: opts.startMs, days: opts.days, total: opts.events });
      const r = await ingestEvents({ db, actor: system }, batch, { source: "bench", orgId });
      if (r.rejected.length) throw new Error(`rejected: ${JSON.stringify(r.rejected[0])}`);
      done += r.accepted;
      if (done % 500_000 < BATCH) process.stdout.write(`\r  loaded ${done.toLocaleString()} events`);
    }
  };
  let loading = true;
  const folder = (async () => {
    while (loading) {
      await new Promise((r) => setTimeout(r, 1_000));
      await foldPendingRollups(db, orgId);
    }
  })();
  await Promise.all([worker(), worker()]);
  loading = false;
  await folder;
  return done;
}
