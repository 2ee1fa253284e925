import type { Tx } from "@/db/client";
import { isRetryableConflict, isUniqueViolation } from "@/db/errors";
import { insertNewBatch, insertNewEvents, queuePendingDelta, type NewEvent } from "@/db/queries/events";
import { organizationForIngest } from "@/db/queries/orgs";
import { authorize, orgOf } from "@/lib/auth/policy";
import { localDay } from "@/lib/domain/calendar";
import { validateEvent, type CanonicalEvent } from "@/lib/domain/events";
import { pendingDelta } from "@/lib/domain/rollup";
import { NotFoundError, PayloadTooLargeError } from "@/lib/errors";
import { announceChange } from "@/lib/realtime/changes";
import type { Ctx } from "./context";

/** SPEC §3.2: at most 5,000 events per batch (the 5 MiB limit is the transport's, checked before parsing). */
export const MAX_BATCH_EVENTS = 5_000;

export type RejectedEvent = { index: number; id: string | null; errors: string[] };
export type IngestResult = { accepted: number; duplicates: number; rejected: RejectedEvent[] };
export type IngestOptions = {
  /** Where the events came from: "api", "import", "webhook:zendesk", "demo"… stored with each event. */
  source: string;
  /** The organization, for the system actor only (CLI, seed, webhooks); everyone else ingests into their own. */
  orgId?: string;
};

/**
 * Ingests a batch of canonical events (SPEC §3). Each event is validated on its own: invalid ones are reported with
 * their index and messages and never stored; valid ones are stored once per (org, id) — a known id is a duplicate
 * and changes nothing — and their rollup delta is queued in the same transaction, so a returned result means stored
 * and counted by every later KPI read. Agent identities are stored as sent and matched to agents when KPIs are read.
 */
export async function ingestEvents(ctx: Ctx, raw: readonly unknown[], options: IngestOptions): Promise<IngestResult> {
  const orgId = orgOf(ctx.actor, options.orgId);
  authorize(ctx.actor, "events.write", { orgId });
  if (raw.length > MAX_BATCH_EVENTS) {
    throw new PayloadTooLargeError(`A batch holds at most ${MAX_BATCH_EVENTS} events; this one has ${raw.length}`);
  }
  const rejected: RejectedEvent[] = [];
  const valid = new Map<string, CanonicalEvent>();
  let duplicates = 0;
  raw.forEach((item, index) => {
    const result = validateEvent(item);
    if (!result.ok) rejected.push({ index, id: result.id, errors: result.errors });
    else if (valid.has(result.event.id)) duplicates++; // the same id twice in one batch: the first wins
    else valid.set(result.event.id, result.event);
  });
  // Key order: concurrent batches touching the same ids or rollup rows take their locks in the same order.
  const sorted = [...valid.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const stored = (sorted.length > 0 ? await fastPath(ctx, orgId, options.source, sorted) : null) ?? (await generalPath(ctx, orgId, options.source, sorted));
  // Committed (either path): open boards recompute. After the statement or transaction, never inside it — a NOTIFY in
  // the ingest transaction would serialize every commit on the notification queue.
  if (stored > 0) announceChange(ctx.db, orgId);
  return { accepted: stored, duplicates: duplicates + (sorted.length - stored), rejected };
}

/**
 * Settings events were last filed with, per organization. Only a hint for the fast path, which checks them in the
 * database: a stale entry costs one fallback to the general path, never a wrong day or threshold.
 */
const knownSettings = new Map<string, { timezone: string; serviceLevelSeconds: number }>();

/**
 * One statement, no explicit transaction: the whole batch is new and the settings are as last seen. Returns the
 * number stored, or null when the general path must decide (an id already stored, settings changed or unknown).
 */
async function fastPath(ctx: Ctx, orgId: string, source: string, events: CanonicalEvent[]): Promise<number | null> {
  const settings = knownSettings.get(orgId);
  if (!settings) return null;
  const rows: NewEvent[] = events.map((event) => ({ event, localDay: localDay(event.occurredAt, settings.timezone), late: false }));
  const delta = pendingDelta(events, { timeZone: settings.timezone, serviceLevelSeconds: settings.serviceLevelSeconds });
  try {
    const outcome = await insertNewBatch(ctx.db, orgId, source, settings, rows, delta);
    if (outcome === "stored") return events.length;
    knownSettings.delete(orgId);
    return null;
  } catch (err) {
    if (isUniqueViolation(err) || isRetryableConflict(err)) return null; // redelivered ids: the general path sorts them out
    throw err;
  }
}

/** Any batch: reads the settings under a KEY SHARE lock, skips stored ids, queues the delta of the new events only. */
async function generalPath(ctx: Ctx, orgId: string, source: string, sorted: CanonicalEvent[]): Promise<number> {
  return withRetry(() =>
    ctx.db.transaction(async (tx: Tx) => {
      // The time zone and service-level threshold are read under a KEY SHARE lock on the organization: a settings
      // change rebuilding the rollups holds it FOR UPDATE, so a batch is counted wholly before or wholly after it.
      const org = await organizationForIngest(tx, orgId);
      if (!org) throw new NotFoundError("Organization not found");
      const rows: NewEvent[] = sorted.map((event) => ({ event, localDay: localDay(event.occurredAt, org.timezone), late: false }));
      const inserted = await insertNewEvents(tx, orgId, source, rows);
      const fresh = inserted.size === rows.length ? sorted : sorted.filter((e) => inserted.has(e.id));
      // The batch's rollup delta is queued in the same transaction and folded into the rollups before any KPI read
      // (foldPendingRollups): stored means counted, without every batch contending for the same rollup rows.
      await queuePendingDelta(tx, orgId, pendingDelta(fresh, { timeZone: org.timezone, serviceLevelSeconds: org.serviceLevelSeconds }));
      knownSettings.set(orgId, org);
      return inserted.size;
    }),
  );
}

/** Deadlocks and serialization failures between concurrent batches are retried; the transaction is all or nothing. */
async function withRetry<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isRetryableConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
    }
  }
}
