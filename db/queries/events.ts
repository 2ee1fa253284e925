import { sql, type SQL } from "drizzle-orm";
import type { CanonicalEvent } from "@/lib/domain/events";
import { COMPONENT_KEYS } from "@/lib/domain/kpi-components";
import { type CompactDelta, type ComponentRow, type MetricRow, type RollupDelta } from "@/lib/domain/rollup";
import type { Db, Queryable } from "../client";
import { rowsOf } from "./rows";

export type NewEvent = { event: CanonicalEvent; localDay: string; late: boolean };

/**
 * An event whose day falls in a closed (or closing) pay period is late (SPEC §6): it never changes that period; the
 * next close turns it into adjustment lines. Decided by the database as the event is stored, so it holds whatever
 * close committed before.
 */
const lateIn = (orgId: string) => sql`exists (select 1 from periods p where p.org_id = ${orgId}::uuid and r.d between p.from_day and p.to_day)`;

/**
 * Stores events that are not stored yet and returns the ids that were. One statement whatever the batch size: the
 * rows travel as one JSON parameter. (org_id, id) is the idempotency key: a known id is skipped, its first body kept.
 */
export async function insertNewEvents(q: Queryable, orgId: string, source: string, rows: readonly NewEvent[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  // Each event travels once, as its payload; the indexed columns are read out of it in the database.
  const json = JSON.stringify(rows.map(({ event, localDay, late }) => (late ? { d: localDay, l: true, p: event } : { d: localDay, p: event })));
  const result = await q.execute(sql`
    insert into events (org_id, id, type, agent_ref, queue, occurred_at, local_day, late, payload, source)
    select ${orgId}::uuid, r.p->>'id', r.p->>'type', r.p->>'agent', r.p->>'queue', (r.p->>'occurredAt')::timestamptz, r.d, coalesce(r.l, false) or ${lateIn(orgId)}, r.p, ${source}
    from jsonb_to_recordset(${json}::jsonb) as r(d date, l boolean, p jsonb)
    order by r.p->>'id'
    on conflict (org_id, id) do nothing
    returning id`);
  return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
}

/**
 * The common case of an ingest in one atomic statement: when the organization's time zone and service-level
 * threshold are still the ones the batch was filed with (checked under a KEY SHARE lock) and none of its ids is
 * stored yet, store the events and queue their rollup delta together. Returns "stored", or "settings-changed"
 * (nothing written). An id already stored makes the statement fail as a whole with a unique violation (23505): the
 * caller then takes the general path, which handles duplicates.
 */
export async function insertNewBatch(
  q: Queryable,
  orgId: string,
  source: string,
  expected: { timezone: string; serviceLevelSeconds: number },
  rows: readonly NewEvent[],
  delta: CompactDelta,
): Promise<"stored" | "settings-changed"> {
  const json = JSON.stringify(rows.map(({ event, localDay, late }) => (late ? { d: localDay, l: true, p: event } : { d: localDay, p: event })));
  const queue = delta.d.length > 0 || delta.m.length > 0;
  const result = await q.execute(sql`
    with org as (
      select 1 from organizations
      where id = ${orgId}::uuid and timezone = ${expected.timezone} and service_level_seconds = ${expected.serviceLevelSeconds}
      for key share
    ), stored as (
      insert into events (org_id, id, type, agent_ref, queue, occurred_at, local_day, late, payload, source)
      select ${orgId}::uuid, r.p->>'id', r.p->>'type', r.p->>'agent', r.p->>'queue', (r.p->>'occurredAt')::timestamptz, r.d, coalesce(r.l, false) or ${lateIn(orgId)}, r.p, ${source}
      from jsonb_to_recordset(${json}::jsonb) as r(d date, l boolean, p jsonb)
      where exists (select 1 from org)
      order by r.p->>'id'
      returning 1
    ), queued as (
      insert into kpi_pending (org_id, delta)
      select ${orgId}::uuid, ${queue ? JSON.stringify(delta) : null}::jsonb
      where ${queue} and exists (select 1 from org)
      returning 1
    )
    select exists (select 1 from org) as ok, (select count(*) from stored)::int as stored, (select count(*) from queued)::int as queued`);
  const [row] = rowsOf<{ ok: boolean }>(result);
  return row?.ok ? "stored" : "settings-changed";
}

const columnList = sql.raw(COMPONENT_KEYS.join(", "));
const recordColumns = sql.raw(COMPONENT_KEYS.map((k) => `${k} float8`).join(", "));
const selectColumns = sql.raw(COMPONENT_KEYS.map((k) => `coalesce(r.${k}, 0)`).join(", "));
const addColumns = (table: string) => sql.raw(COMPONENT_KEYS.map((k) => `${k} = ${table}.${k} + excluded.${k}`).join(", "));

async function upsertComponents(q: Queryable, orgId: string, table: "kpi_daily" | "kpi_monthly", rows: readonly ComponentRow[]) {
  if (rows.length === 0) return;
  const periodColumn = sql.raw(table === "kpi_daily" ? "day" : "month");
  // Only the components a row adds to travel (most rows touch a few of the 39); absent ones read as null → 0.
  const json = JSON.stringify(
    rows.map((r) => {
      const row: Record<string, string | number> = { period: r.period, agent_ref: r.agentRef, queue: r.queue };
      for (const k of COMPONENT_KEYS) {
        const v = r.components[k];
        if (v) row[k] = v;
      }
      return row;
    }),
  );
  await q.execute(sql`
    insert into ${sql.raw(table)} (org_id, ${periodColumn}, agent_ref, queue, ${columnList})
    select ${orgId}::uuid, r.period, r.agent_ref, r.queue, ${selectColumns}
    from jsonb_to_recordset(${json}::jsonb) as r(period date, agent_ref text, queue text, ${recordColumns})
    order by r.period, r.agent_ref, r.queue
    on conflict (org_id, ${periodColumn}, agent_ref, queue) do update set ${addColumns(table)}`);
}

async function upsertMetrics(q: Queryable, orgId: string, table: "kpi_metric_daily" | "kpi_metric_monthly", rows: readonly MetricRow[]) {
  if (rows.length === 0) return;
  const periodColumn = sql.raw(table === "kpi_metric_daily" ? "day" : "month");
  const json = JSON.stringify(rows.map((r) => ({ period: r.period, agent_ref: r.agentRef, queue: r.queue, metric: r.metric, sum: r.sum, n: r.n })));
  await q.execute(sql`
    insert into ${sql.raw(table)} (org_id, ${periodColumn}, agent_ref, queue, metric, sum, n)
    select ${orgId}::uuid, r.period, r.agent_ref, r.queue, r.metric, r.sum, r.n
    from jsonb_to_recordset(${json}::jsonb) as r(period date, agent_ref text, queue text, metric text, sum float8, n integer)
    order by r.period, r.agent_ref, r.queue, r.metric
    on conflict (org_id, ${periodColumn}, agent_ref, queue, metric)
      do update set sum = ${sql.raw(table)}.sum + excluded.sum, n = ${sql.raw(table)}.n + excluded.n`);
}

/**
 * Adds a rollup delta to the four rollup tables. Rows are written in key order so that concurrent batches lock shared
 * rollup rows in the same order and cannot deadlock.
 */
export async function applyRollupDelta(q: Queryable, orgId: string, delta: RollupDelta): Promise<void> {
  await upsertComponents(q, orgId, "kpi_daily", delta.daily);
  await upsertComponents(q, orgId, "kpi_monthly", delta.monthly);
  await upsertMetrics(q, orgId, "kpi_metric_daily", delta.metricDaily);
  await upsertMetrics(q, orgId, "kpi_metric_monthly", delta.metricMonthly);
}

/** Drops an organization's rollups and queued deltas (before rebuilding them from its events). */
export async function clearRollups(q: Queryable, orgId: string): Promise<void> {
  for (const table of ["kpi_pending", "kpi_daily", "kpi_monthly", "kpi_metric_daily", "kpi_metric_monthly"]) {
    await q.execute(sql`delete from ${sql.raw(table)} where org_id = ${orgId}::uuid`);
  }
}

/** One page of an organization's stored events in key order, for rebuilding rollups without loading them all. */
export async function eventPage(q: Queryable, orgId: string, afterId: string | null, limit: number): Promise<CanonicalEvent[]> {
  const after: SQL = afterId === null ? sql`true` : sql`id > ${afterId}`;
  const result = await q.execute(sql`
    select payload from events where org_id = ${orgId}::uuid and ${after} order by id limit ${limit}`);
  return rowsOf<{ payload: CanonicalEvent | string }>(result).map((r) => (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload));
}

/** Recomputes each event's calendar day after the organization's time zone changed. */
export async function relocalizeEventDays(q: Queryable, orgId: string, timeZone: string): Promise<void> {
  await q.execute(sql`
    update events set local_day = (occurred_at at time zone ${timeZone})::date where org_id = ${orgId}::uuid`);
}

/** Queues a stored batch's daily delta for the rollups (one row per batch; see kpi_pending). */
export async function queuePendingDelta(q: Queryable, orgId: string, delta: CompactDelta): Promise<void> {
  if (delta.d.length === 0 && delta.m.length === 0) return;
  await q.execute(sql`insert into kpi_pending (org_id, delta) values (${orgId}::uuid, ${JSON.stringify(delta)}::jsonb)`);
}

/**
 * Adds every queued batch of an organization to its rollups, many batches in one go. KPI reads call this first, so
 * they count every batch stored before them; a background timer calls it too, so the queue stays short.
 *
 * Locks: KEY SHARE on the organization (a rollup rebuild, holding it FOR UPDATE, runs wholly before or after), then the
 * queued rows FOR UPDATE, so two folds of one organization never add a batch twice — the second waits, then finds
 * the rows gone. Batches are folded FOLD_CHUNK at a time, each chunk in its own transaction, so a backlog (a bulk
 * load with no server running) never has to fit in memory at once. Returns how many batches were folded.
 */
const FOLD_CHUNK = 16;

export async function foldPendingRollups(db: Db, orgId: string): Promise<number> {
  let folded = 0;
  for (;;) {
    const waiting = rowsOf(await db.execute(sql`select 1 from kpi_pending where org_id = ${orgId}::uuid limit 1`));
    if (waiting.length === 0) return folded;
    folded += await db.transaction(async (tx) => {
      await tx.execute(sql`select id from organizations where id = ${orgId}::uuid for key share`);
      const [row] = rowsOf<{ folded: number }>(await tx.execute(foldChunkSql(orgId)));
      return Number(row?.folded ?? 0);
    });
  }
}

/**
 * One chunk folded by the database itself, in one statement: the queued deltas are locked and deleted, their entries
 * summed per day (and per month of that day) and key, and upserted into the four rollup tables in key order (byte
 * order, as the keys are stored) so that concurrent writers lock shared rows in the same order. Done in SQL because
 * shipping the deltas to the application and back cost the ingest path about a third of its throughput.
 */
function foldChunkSql(orgId: string): SQL {
  const raw = (parts: string[], sep = ", ") => sql.raw(parts.join(sep));
  const sums = raw(COMPONENT_KEYS.map((k) => `sum((x.c->>'${k}')::float8) as ${k}`));
  const monthSums = raw(COMPONENT_KEYS.map((k) => `sum(${k}) as ${k}`));
  const upsert = (table: string, period: string, from: string) => sql`
    insert into ${sql.raw(table)} (org_id, ${sql.raw(period)}, agent_ref, queue, ${columnList})
    select ${orgId}::uuid, period, agent_ref, queue, ${raw(COMPONENT_KEYS.map((k) => `coalesce(${k}, 0)`))}
    from ${sql.raw(from)} order by period, agent_ref collate "C", queue collate "C"
    on conflict (org_id, ${sql.raw(period)}, agent_ref, queue) do update set ${addColumns(table)}
    returning 1`;
  const upsertMetric = (table: string, period: string, from: string) => sql`
    insert into ${sql.raw(table)} (org_id, ${sql.raw(period)}, agent_ref, queue, metric, sum, n)
    select ${orgId}::uuid, period, agent_ref, queue, metric, sum, n
    from ${sql.raw(from)} order by period, agent_ref collate "C", queue collate "C", metric collate "C"
    on conflict (org_id, ${sql.raw(period)}, agent_ref, queue, metric) do update set sum = ${sql.raw(table)}.sum + excluded.sum, n = ${sql.raw(table)}.n + excluded.n
    returning 1`;
  return sql`
    with batch as (
      select seq, delta from kpi_pending where org_id = ${orgId}::uuid order by seq limit ${FOLD_CHUNK} for update
    ), gone as (
      delete from kpi_pending p using batch where p.seq = batch.seq returning 1
    ), daily as (
      select (x.e->>0)::date as period, x.e->>1 as agent_ref, x.e->>2 as queue, ${sums}
      from batch, lateral (select e, e->3 as c from jsonb_array_elements(batch.delta->'d') e) x
      group by 1, 2, 3
    ), monthly as (
      select date_trunc('month', period)::date as period, agent_ref, queue, ${monthSums} from daily group by 1, 2, 3
    ), metric_daily as (
      select (e->>0)::date as period, e->>1 as agent_ref, e->>2 as queue, e->>3 as metric, sum((e->>4)::float8) as sum, sum((e->>5)::int)::int as n
      from batch, jsonb_array_elements(batch.delta->'m') e
      group by 1, 2, 3, 4
    ), metric_monthly as (
      select date_trunc('month', period)::date as period, agent_ref, queue, metric, sum(sum) as sum, sum(n)::int as n from metric_daily group by 1, 2, 3, 4
    ),
    d as (${upsert("kpi_daily", "day", "daily")}),
    m as (${upsert("kpi_monthly", "month", "monthly")}),
    md as (${upsertMetric("kpi_metric_daily", "day", "metric_daily")}),
    mm as (${upsertMetric("kpi_metric_monthly", "month", "metric_monthly")})
    select (select count(*) from gone)::int as folded, (select count(*) from d) + (select count(*) from m) + (select count(*) from md) + (select count(*) from mm) as written`;
}

/** Organizations with queued batches (for the background fold). */
export async function organizationsWithPending(q: Queryable): Promise<string[]> {
  return rowsOf<{ org_id: string }>(await q.execute(sql`select distinct org_id from kpi_pending`)).map((r) => r.org_id);
}
