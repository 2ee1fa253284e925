import { KPI_DEFINITIONS, parseKpiKey, type KpiValue } from "../kpis";
import type { Op } from "./document";
import { EvaluationError } from "./errors";
import type { KpiTable } from "./evaluation";

/** What kind of number a KPI is: decides which fairness method applies and how progress is projected. */
export type KpiKind = "rate" | "mean" | "count" | "score";

/** The kind of a KPI key; custom `metric:<k>` is a sum (a count), `metric_avg:<k>` a mean. Unknown keys fail closed. */
export function kpiKindOf(key: string): KpiKind {
  const parsed = parseKpiKey(key);
  if (!parsed) throw new EvaluationError(`unknown KPI "${key}"`);
  if (parsed.kind === "metric") return parsed.aggregate === "sum" ? "count" : "mean";
  return KPI_DEFINITIONS[parsed.key].kind;
}

/**
 * Which way is better for a KPI. Custom metrics are higher-is-better; a KPI without a direction (calls_offered) is
 * treated as higher-is-better too, since ranking by it can only mean "most". Unknown keys fail closed.
 */
export function kpiBetter(key: string): "higher" | "lower" {
  const parsed = parseKpiKey(key);
  if (!parsed) throw new EvaluationError(`unknown KPI "${key}"`);
  if (parsed.kind === "metric") return "higher";
  return KPI_DEFINITIONS[parsed.key].direction === "lower" ? "lower" : "higher";
}

/**
 * One agent's KPI from a table. A missing agent or KPI is { value: null, n: 0 } (no data). Own keys only, so an agent
 * called "constructor" reads nothing from Object.prototype. A non-finite value or a negative n fails closed.
 */
export function readKpi(table: KpiTable | undefined, agent: string, key: string): KpiValue {
  const row = table && Object.hasOwn(table, agent) ? table[agent] : undefined;
  const v = row && Object.hasOwn(row, key) ? row[key] : undefined;
  if (!v) return { value: null, n: 0 };
  if (v.value !== null && !Number.isFinite(v.value)) throw new EvaluationError(`${key} of ${agent} is not a number`);
  if (!Number.isFinite(v.n) || v.n < 0) throw new EvaluationError(`${key} of ${agent} has an invalid sample size`);
  return { value: v.value, n: v.n };
}

/** `gte` includes the target exactly (a value on the target reaches it); `lte` likewise. */
export function holds(value: number, op: Op, target: number): boolean {
  if (op === "gte") return value >= target;
  if (op === "lte") return value <= target;
  throw new EvaluationError(`unknown comparison "${String(op)}" (gte or lte)`);
}

/** Enough data: a value resting on at least one sample and at least `minSamples` (the rule of applyFairness). */
export function enoughSamples(v: KpiValue, minSamples: number): boolean {
  return v.value !== null && v.n >= Math.max(1, minSamples);
}
