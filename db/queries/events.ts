import { sql, type SQL } from "drizzle-orm";
import type { CanonicalEvent } from "@/lib/domain/events";
import { COMPONENT_KEYS } from "@/lib/domain/kpi-components";
import type { ComponentRow, MetricRow, RollupDelta } from "@/lib/domain/rollup";
import type { Queryable } from "../client";
import { rowsOf } from "./rows";

export type NewEvent = { event: CanonicalEvent; localDay: string; late: boolean };

/**
 * Stores events that are not stored yet and returns the ids that were. One statement whatever the batch size: the
 * rows travel as one JSON parameter. (org_id, id) is the idempotency key: a known id is skipped, its first body kept.
 */
export async function insertNewEvents(q: Queryable, orgId: string, source: string, rows: readonly NewEvent[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const json = JSON.stringify(
    rows.map(({ event, localDay, late }) => ({
      id: event.id,
      type: event.type,
      agent_ref: event.agent,
      queue: event.queue,
      occurred_at: event.occurredAt,
      local_day: localDay,
      late,
      payload: event,
    })),
  );
  const result = await q.execute(sql`
    insert into events (org_id, id, type, agent_ref, queue, occurred_at, local_day, late, payload, source)
    select ${orgId}::uuid, r.id, r.type, r.agent_ref, r.queue, r.occurred_at, r.local_day, r.late, r.payload, ${source}
    from jsonb_to_recordset(${json}::jsonb)
      as r(id text, type text, agent_ref text, queue text, occurred_at timestamptz, local_day date, late boolean, payload jsonb)
    order by r.id
    on conflict (org_id, id) do nothing
    returning id`);
  return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
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
      for (const k of COMPONENT_KEYS) if (r.components[k] !== 0) row[k] = r.components[k];
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

/** Drops an organization's rollups (before rebuilding them from its events). */
export async function clearRollups(q: Queryable, orgId: string): Promise<void> {
  for (const table of ["kpi_daily", "kpi_monthly", "kpi_metric_daily", "kpi_metric_monthly"]) {
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
