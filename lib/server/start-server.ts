import { closeDatabase, getDatabase } from "@/db/client";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { flushAccessLog } from "@/lib/http/access-log";
import { foldPendingRollups, organizationsWithPending } from "@/db/queries/events";
import { startRealtime, stopRealtime } from "@/lib/realtime/stream";
import { demoSignIns, hasDemoOrg, isDatabaseEmpty, seedDemo } from "./seed-demo";

type ShutdownHook = () => Promise<void> | void;
const g = globalThis as unknown as { __podiumShutdownHooks?: ShutdownHook[]; __podiumStarted?: boolean };

/** Other modules (SSE streams, simulators) register what must stop before the database closes. */
export function onShutdown(hook: ShutdownHook): void {
  (g.__podiumShutdownHooks ??= []).push(hook);
}

export async function startServer(): Promise<void> {
  if (g.__podiumStarted) return;
  g.__podiumStarted = true;
  try {
    const problem = ensureAuthSecret();
    if (problem) throw new Error(problem);
    const database = await getDatabase();
    console.log(`[podium] database: ${database.kind}${database.kind === "pglite" ? " (embedded)" : ""}, migrations applied`);
    if (database.kind === "pglite" && (await isDatabaseEmpty(database.db))) {
      const started = performance.now();
      const demo = await seedDemo(database.db);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`[podium] empty embedded database: demo organization created with ${demo.events} events (${demo.from} to ${demo.to}) in ${seconds} s`);
    }
    if (await hasDemoOrg(database.db)) {
      console.log("[podium] demo sign-ins:");
      for (const s of demoSignIns()) console.log(`  ${s.role.padEnd(8)} ${s.email}  /  ${s.password}`);
    }
  } catch (err) {
    // An exception escaping register() leaves Next serving 500s forever: fail loudly and exit instead.
    console.error(`[podium] cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const { db } = await getDatabase();
  // One LISTEN per process (PostgreSQL) and the view cache. Registered before the rollup folding, so on shutdown the
  // open streams end first (they would keep the server from exiting), then the folding, then the database.
  await startRealtime(db);
  onShutdown(async () => {
    const closed = await stopRealtime(db);
    if (closed > 0) console.log(`[podium] closed ${closed} live stream${closed === 1 ? "" : "s"}`);
  });
  startRollupFolding();
  onShutdown(() => flushAccessLog()); // the last API calls' access-log rows, before the database closes
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[podium] ${signal}: shutting down`);
    for (const hook of g.__podiumShutdownHooks ?? []) {
      try {
        await hook();
      } catch (err) {
        console.error("[podium] shutdown hook failed", err);
      }
    }
    await closeDatabase().catch((err: unknown) => console.error("[podium] closing the database failed", err));
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

/** How often queued rollup deltas are folded in the background; KPI reads also fold before they read. */
const FOLD_EVERY_MS = 1_000;

/**
 * Keeps the queue of rollup deltas short (see foldPendingRollups): every second, each organization with queued
 * batches has them folded into its rollups. A fold that fails is logged and retried on the next tick.
 */
function startRollupFolding(): void {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        const { db } = await getDatabase();
        for (const orgId of await organizationsWithPending(db)) await foldPendingRollups(db, orgId);
      } catch (err) {
        console.error("[podium] folding rollups failed; retrying", err);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, FOLD_EVERY_MS);
  timer.unref();
  onShutdown(async () => {
    clearInterval(timer);
    await running;
  });
}
