import { sql, type SQL } from "drizzle-orm";
import { splitRange } from "@/lib/domain/calendar";
import type { ComponentKey } from "@/lib/domain/kpi-components";
import type { Queryable } from "../client";
import { rowsOf } from "./rows";

/**
 * Sums of KPI components over an inclusive day range, read from the rollups only: whole calendar months from
 * kpi_monthly, the loose days at either end from kpi_daily. Raw events are never scanned.
 */
export type RollupFilter = {
  /** Only these agents: identities equal to one of their external ids or, ignoring case, one of their emails. */
  agents?: { externalIds: readonly string[]; emails: readonly string[] };
  queue?: string;
};
/** What rows are summed by: identity, queue, both, the day (trend charts), day and identity, or nothing (one total). */
export type RollupGrouping = "agent_ref" | "queue" | "agent_ref_queue" | "day" | "day_agent_ref" | "none";

export type ComponentSumRow = { agent_ref?: string; queue?: string; day?: string } & Partial<Record<ComponentKey, number>>;

const GROUP_COLUMNS: Record<RollupGrouping, string[]> = {
  agent_ref: ["agent_ref"],
  queue: ["queue"],
  agent_ref_queue: ["agent_ref", "queue"],
  day: ["day"],
  day_agent_ref: ["day", "agent_ref"],
  none: [],
};

/** Groupings by day read daily rows only (a day column does not exist in the monthly rollups). */
const BY_DAY: Record<RollupGrouping, boolean> = {
  agent_ref: false,
  queue: false,
  agent_ref_queue: false,
  day: true,
  day_agent_ref: true,
  none: false,
};

function filters(filter: RollupFilter): SQL {
  const parts: SQL[] = [];
  if (filter.agents) {
    const list = (values: readonly string[]) => (values.length ? sql.join(values.map((v) => sql`${v}`), sql`, `) : sql`null`);
    const { externalIds, emails } = filter.agents;
    parts.push(sql`(agent_ref in (${list(externalIds)}) or lower(agent_ref) in (${list(emails.map((e) => e.toLowerCase()))}))`);
  }
  if (filter.queue !== undefined) parts.push(sql`queue = ${filter.queue}`);
  return parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

function sources(orgId: string, from: string, to: string, columns: string[], filter: RollupFilter, byDay: boolean): SQL {
  const cols = sql.raw(columns.join(", "));
  const where = filters(filter);
  const { months, days } = byDay ? { months: [], days: [{ from, to }] } : splitRange(from, to);
  const parts: SQL[] = [];
  if (months.length) {
    parts.push(sql`select agent_ref, queue, ${cols} from kpi_monthly
      where org_id = ${orgId}::uuid and month in (${sql.join(months.map((m) => sql`${`${m}-01`}::date`), sql`, `)})${where}`);
  }
  for (const d of days) {
    parts.push(sql`select agent_ref, queue, ${byDay ? sql`day::text as day, ` : sql``}${cols} from kpi_daily
      where org_id = ${orgId}::uuid and day between ${d.from}::date and ${d.to}::date${where}`);
  }
  return sql.join(parts, sql` union all `);
}

/** The statement behind sumComponents (the benchmark explains it). */
export function componentSumsSql(
  orgId: string,
  range: { from: string; to: string },
  columns: readonly ComponentKey[],
  grouping: RollupGrouping,
  filter: RollupFilter = {},
): SQL {
  const cols = columns.length ? [...columns] : ["calls_offered" as const];
  const group = GROUP_COLUMNS[grouping];
  const union = sources(orgId, range.from, range.to, cols, filter, BY_DAY[grouping]);
  const sums = sql.raw(cols.map((c) => `sum(${c})::float8 as ${c}`).join(", "));
  const groupSelect = group.length ? sql.raw(`${group.join(", ")}, `) : sql``;
  const groupBy = group.length ? sql.raw(` group by ${group.join(", ")}`) : sql``;
  return sql`select ${groupSelect}${sums} from (${union}) as x${groupBy}`;
}

export async function sumComponents(
  q: Queryable,
  orgId: string,
  range: { from: string; to: string },
  columns: readonly ComponentKey[],
  grouping: RollupGrouping,
  filter: RollupFilter = {},
): Promise<ComponentSumRow[]> {
  if (range.from > range.to) return [];
  return rowsOf<ComponentSumRow>(await q.execute(componentSumsSql(orgId, range, columns, grouping, filter)));
}

export type MetricSumRow = { agent_ref?: string; queue?: string; day?: string; metric: string; sum: number; n: number };

/** The same for custom metrics: sum and count per metric key. */
export async function sumMetrics(
  q: Queryable,
  orgId: string,
  range: { from: string; to: string },
  metrics: readonly string[],
  grouping: RollupGrouping,
  filter: RollupFilter = {},
): Promise<MetricSumRow[]> {
  if (range.from > range.to || metrics.length === 0) return [];
  const byDay = BY_DAY[grouping];
  const { months, days } = byDay ? { months: [], days: [{ from: range.from, to: range.to }] } : splitRange(range.from, range.to);
  const where = sql`${filters(filter)} and metric in (${sql.join(metrics.map((m) => sql`${m}`), sql`, `)})`;
  const parts: SQL[] = [];
  if (months.length) {
    parts.push(sql`select agent_ref, queue, metric, sum, n from kpi_metric_monthly
      where org_id = ${orgId}::uuid and month in (${sql.join(months.map((m) => sql`${`${m}-01`}::date`), sql`, `)})${where}`);
  }
  for (const d of days) {
    parts.push(sql`select agent_ref, queue, metric, sum, n${byDay ? sql`, day::text as day` : sql``} from kpi_metric_daily
      where org_id = ${orgId}::uuid and day between ${d.from}::date and ${d.to}::date${where}`);
  }
  const group = GROUP_COLUMNS[grouping];
  const groupSelect = group.length ? sql.raw(`${group.join(", ")}, `) : sql``;
  const result = await q.execute(
    sql`select ${groupSelect}metric, sum(sum)::float8 as sum, sum(n)::float8 as n from (${sql.join(parts, sql` union all `)}) as x group by ${sql.raw([...group, "metric"].join(", "))}`,
  );
  return rowsOf<MetricSumRow>(result);
}

/** Agent identities seen in events of an organization, with how many events each carried (for unmatched lists). */
export async function identitiesWithCounts(q: Queryable, orgId: string): Promise<Array<{ agent_ref: string; events: number }>> {
  const result = await q.execute(sql`
    select agent_ref, sum(events)::float8 as events from (
      select agent_ref, sum(calls_offered + tickets + csat_n + nps_n + ces_n + qa_n) as events
        from kpi_monthly where org_id = ${orgId}::uuid and agent_ref <> '' group by agent_ref
      union all
      select agent_ref, sum(n) from kpi_metric_monthly where org_id = ${orgId}::uuid and agent_ref <> '' group by agent_ref
    ) x group by agent_ref order by agent_ref`);
  return rowsOf<{ agent_ref: string; events: number }>(result);
}
