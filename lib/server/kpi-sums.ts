import type { Db } from "@/db/client";
import { sumComponents, sumMetrics, type ComponentSumRow, type MetricSumRow, type RollupFilter, type RollupGrouping } from "@/db/queries/kpis";
import { zeroComponents, type ComponentKey, type Components, type MetricComponents } from "@/lib/domain/kpi-components";
import { componentsUsedBy, computeKpi, parseKpiKey, type BuiltinKpi, type KpiValue } from "@/lib/domain/kpis";
import type { Directory, DirectoryAgent } from "./kpi-directory";

/**
 * What getKpis and getKpiSeries share: which rollup columns and custom metrics a list of KPI keys needs, reading their
 * sums, adding rows into buckets and computing the KPIs of a bucket. The operations differ only in how rows are
 * bucketed (by agent, team, queue or organization; by day or week).
 */
export type KpiPlan = { metrics: readonly string[]; builtins: BuiltinKpi[]; customMetrics: string[]; columns: ComponentKey[] };

/** The KPI keys are already validated (lib/schemas): unknown ones never reach here. */
export function planKpis(metrics: readonly string[]): KpiPlan {
  const parsed = metrics.map((k) => parseKpiKey(k)!);
  const builtins = parsed.flatMap((p) => (p.kind === "builtin" ? [p.key] : []));
  return {
    metrics,
    builtins,
    customMetrics: [...new Set(parsed.flatMap((p) => (p.kind === "metric" ? [p.metric] : [])))],
    columns: [...new Set(builtins.flatMap(componentsUsedBy))],
  };
}

/** Only these agents' identities (their external ids, and their emails in any case). */
export function agentsFilter(agents: readonly DirectoryAgent[]): NonNullable<RollupFilter["agents"]> {
  return { externalIds: agents.map((a) => a.externalId), emails: agents.map((a) => a.email) };
}

export async function readSums(
  db: Db,
  orgId: string,
  range: { from: string; to: string },
  plan: KpiPlan,
  grouping: RollupGrouping,
  filter: RollupFilter,
): Promise<{ componentRows: ComponentSumRow[]; metricRows: MetricSumRow[] }> {
  const [componentRows, metricRows] = await Promise.all([
    plan.builtins.length ? sumComponents(db, orgId, range, plan.columns, grouping, filter) : Promise.resolve([]),
    sumMetrics(db, orgId, range, plan.customMetrics, grouping, filter),
  ]);
  return { componentRows, metricRows };
}

/** The components and custom metrics of one output row or point, summed before any KPI is computed. */
export type Bucket = { components: Components; metrics: MetricComponents };

export const newBucket = (): Bucket => ({ components: zeroComponents(), metrics: {} });

export function addComponentRow(bucket: Bucket, row: ComponentSumRow, plan: KpiPlan): void {
  for (const c of plan.columns) bucket.components[c] += Number(row[c] ?? 0);
}

export function addMetricRow(bucket: Bucket, row: MetricSumRow): void {
  const m = (bucket.metrics[row.metric] ??= { sum: 0, n: 0 });
  m.sum += Number(row.sum);
  m.n += Number(row.n);
}

export function kpisOf(bucket: Bucket, plan: KpiPlan): Record<string, KpiValue> {
  return Object.fromEntries(plan.metrics.map((m) => [m, computeKpi(m, bucket.components, bucket.metrics)]));
}

/** Adds every summed row into the bucket `bucketOf` names for it; rows it names none for are left out. */
export function addRows(
  sums: { componentRows: ComponentSumRow[]; metricRows: MetricSumRow[] },
  plan: KpiPlan,
  bucketOf: (row: { agent_ref?: string; queue?: string; day?: string }) => Bucket | undefined,
): void {
  for (const row of sums.componentRows) {
    const b = bucketOf(row);
    if (b) addComponentRow(b, row, plan);
  }
  for (const row of sums.metricRows) {
    const b = bucketOf(row);
    if (b) addMetricRow(b, row);
  }
}

/**
 * KPIs per agent (by external id) over a range, for the given agents only (identities that belong to none of them are
 * left out), optionally within one queue. What campaigns and leaderboards rank.
 */
export async function agentKpis(
  db: Db,
  orgId: string,
  range: { from: string; to: string },
  keys: readonly string[],
  agents: readonly DirectoryAgent[],
  directory: Directory,
  opts: { queue?: string } = {},
): Promise<Record<string, Record<string, KpiValue>>> {
  const table: Record<string, Record<string, KpiValue>> = {};
  if (agents.length === 0 || keys.length === 0) return table;
  const plan = planKpis(keys);
  const sums = await readSums(db, orgId, range, plan, "agent_ref", { agents: agentsFilter(agents), ...(opts.queue !== undefined ? { queue: opts.queue } : {}) });
  const inScope = new Set(agents);
  const buckets = new Map<string, Bucket>(agents.map((a) => [a.externalId, newBucket()]));
  addRows(sums, plan, (row) => {
    const agent = directory.agentFor(row.agent_ref ?? "");
    return agent && inScope.has(agent) ? buckets.get(agent.externalId) : undefined;
  });
  for (const [agent, b] of buckets) table[agent] = kpisOf(b, plan);
  return table;
}
