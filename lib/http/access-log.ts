import type { Db } from "@/db/client";
import type { ApiKeyActor } from "@/lib/auth/actor";
import { recordAudits, type AuditInput } from "@/lib/server/audit";

/**
 * The API access log (SPEC §10: every call made with a key is audited under the key's name), written in batches.
 * One insert and commit per call made every request wait for a round trip and a WAL flush that changes nothing the
 * caller sees; calls are queued here instead and written together at most FLUSH_AFTER_MS later (or at once when
 * BATCH calls are waiting). The operations' own audit rows (what changed) stay in their transactions; this is the
 * record of who called what. What a crash can lose is the last few milliseconds of this log, never a change.
 */
const FLUSH_AFTER_MS = 25;
const BATCH = 500;

type Pending = { actor: ApiKeyActor; entry: AuditInput };
const queues = new Map<Db, Pending[]>();
let timer: ReturnType<typeof setTimeout> | null = null;
let flushing: Promise<void> = Promise.resolve();

export function logApiCall(db: Db, actor: ApiKeyActor, call: { method: string; path: string; status: number }): void {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = []));
  queue.push({ actor, entry: { orgId: actor.orgId, action: "api.request", targetType: "api_key", targetId: actor.keyId, meta: call } });
  if (queue.length >= BATCH) void flushAccessLog();
  else timer ??= setTimeout(() => void flushAccessLog(), FLUSH_AFTER_MS);
}

/** Writes every queued call now (tests, shutdown). Resolves when they are stored; failures are logged, not thrown. */
export function flushAccessLog(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const batches = [...queues.entries()];
  queues.clear();
  flushing = flushing.then(async () => {
    for (const [db, rows] of batches) {
      try {
        await recordAudits(db, rows);
      } catch (err) {
        console.error(`[podium] could not write ${rows.length} API access log rows`, err);
      }
    }
  });
  return flushing;
}
