import type { FairnessMethod } from "./fairness";
import { KPI_DEFINITIONS, type BuiltinKpi } from "./kpis";

/**
 * Per-KPI settings of an organization (SPEC §4 fairness): a target shown next to the value, the minimum sample below
 * which an agent is "not enough data", and the fairness method leaderboards and rules apply.
 */
export type KpiKind = (typeof KPI_DEFINITIONS)[BuiltinKpi]["kind"];
export type KpiSettingValues = { target: number | null; minSamples: number; method: FairnessMethod; bayesWeight: number };

/** What a KPI without a stored row uses: no target, no minimum, raw values, the usual Bayes weight. */
export const DEFAULT_KPI_SETTING: KpiSettingValues = { target: null, minSamples: 0, method: "raw", bayesWeight: 10 };

/**
 * Methods that mean something for a kind: the Wilson lower bound is defined for proportions (rates), the Bayesian
 * average for means. applyFairness would silently leave any other combination raw; refusing it on save keeps an admin
 * from believing a method is applied when it is not.
 */
export function fairnessMethodsFor(kind: KpiKind): FairnessMethod[] {
  if (kind === "rate") return ["raw", "wilson"];
  if (kind === "mean") return ["raw", "bayes"];
  return ["raw"];
}

/** The values a target may take: rates are 0–100 %, NPS −100…100, counts and means are not negative. */
export function targetBounds(kind: KpiKind): { min: number; max: number } {
  if (kind === "rate") return { min: 0, max: 100 };
  if (kind === "score") return { min: -100, max: 100 };
  return { min: 0, max: Number.MAX_SAFE_INTEGER };
}

/** Whether a value is too thin to show or rank: no sample at all, or fewer than the minimum. */
export function hasEnoughData(v: { value: number | null; n: number }, minSamples: number): boolean {
  return v.value !== null && v.n > 0 && v.n >= minSamples;
}
