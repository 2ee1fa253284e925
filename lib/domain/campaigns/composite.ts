import { applyFairness, type FairnessSettings } from "../fairness";
import type { Composite } from "./document";
import { EvaluationError } from "./errors";
import type { KpiTable, UsedKpi } from "./evaluation";
import { kpiBetter, kpiKindOf, readKpi } from "./kpi-info";

/**
 * The composite score (SPEC §5): a weighted mean of KPIs normalized within the participants.
 *
 * - Parts are the weights' KPI keys in code-unit order (so the stored key order never matters). A part weighing 0
 *   counts for nothing, so it is left out entirely: neither read nor required.
 * - Each part goes through the rule's fairness: minSamples, and the method where it fits the part's kind (Wilson on
 *   rates, Bayes on means, its group mean over the participants with enough data on that part).
 * - A participant below minSamples on any part has no score (not_enough_data) and is left out of the normalization:
 *   the pool is the participants with enough data on every part.
 * - `minmax`: (v − min) ÷ (max − min) × 100, (max − v) ÷ (max − min) × 100 for lower-is-better KPIs; when everyone in
 *   the pool has the same value the part says nothing about who is better, so it is 100 for all.
 * - `zscore`: (v − mean) ÷ sd with the population sd, (mean − v) ÷ sd for lower-is-better KPIs; all equal → 0.
 * - Score = Σ wᵢ·normᵢ ÷ Σ wᵢ, so weights need not add up to 1. n = the smallest n among the parts.
 */
export type CompositePart = { metric: string; value: number | null; adjusted: number | null; normalized: number | null; weight: number };
export type CompositeOf = { inputs: UsedKpi[]; parts: CompositePart[]; score: number | null; n: number; enoughData: boolean };

export function compositeWeights(composite: Composite | undefined): Array<{ metric: string; weight: number }> {
  if (!composite || typeof composite.weights !== "object" || composite.weights === null) throw new EvaluationError('metric "composite" needs a composite definition');
  if (composite.normalize !== "minmax" && composite.normalize !== "zscore") throw new EvaluationError(`unknown composite normalization "${String(composite.normalize)}"`);
  const parts: Array<{ metric: string; weight: number }> = [];
  for (const metric of Object.keys(composite.weights).sort()) {
    const weight = composite.weights[metric]!;
    kpiKindOf(metric); // unknown keys fail closed
    if (!Number.isFinite(weight) || weight < 0) throw new EvaluationError(`composite weight of ${metric} must be a number of at least 0`);
    if (weight > 0) parts.push({ metric, weight });
  }
  if (parts.length === 0) throw new EvaluationError("a composite needs at least one KPI with a positive weight");
  return parts;
}

/** Σ wᵢ·normᵢ ÷ Σ wᵢ in part order; null when any part has no normalized value. */
export function compositeScore(parts: ReadonlyArray<Pick<CompositePart, "normalized" | "weight">>): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    if (p.normalized === null) return null;
    sum += p.weight * p.normalized;
    weights += p.weight;
  }
  return weights > 0 ? sum / weights : null;
}

function normalizer(values: readonly number[], method: Composite["normalize"], better: "higher" | "lower"): (v: number) => number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (method === "minmax") {
    if (max === min) return () => 100;
    return better === "higher" ? (v) => ((v - min) / (max - min)) * 100 : (v) => ((max - v) / (max - min)) * 100;
  }
  // all equal: the sd would be 0 (or a rounding crumb of the mean), so say 0 outright
  if (max === min) return () => 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / values.length);
  return better === "higher" ? (v) => (v - mean) / sd : (v) => (mean - v) / sd;
}

/** Composite scores of `agents` (sorted by id by the caller, so sums run in one order). */
export function evaluateComposite(composite: Composite | undefined, fairness: FairnessSettings, agents: readonly string[], kpis: KpiTable): Map<string, CompositeOf> {
  const weights = compositeWeights(composite);
  const method = composite!.normalize;
  const adjusted = weights.map(({ metric }) => {
    const raw = agents.map((agent) => ({ key: agent, ...readKpi(kpis, agent, metric) }));
    return applyFairness(raw, kpiKindOf(metric), fairness, kpiBetter(metric));
  });
  const pool = agents.filter((agent) => adjusted.every((m) => m.get(agent)!.enoughData));
  const norms = weights.map(({ metric }, i) => normalizer(pool.map((agent) => adjusted[i]!.get(agent)!.value!), method, kpiBetter(metric)));
  const inPool = new Set(pool);
  const out = new Map<string, CompositeOf>();
  for (const agent of agents) {
    const ok = inPool.has(agent);
    const parts = weights.map(({ metric, weight }, i): CompositePart => {
      const a = adjusted[i]!.get(agent)!;
      return { metric, value: a.raw, adjusted: a.value, normalized: ok ? norms[i]!(a.value!) : null, weight };
    });
    const inputs = weights.map(({ metric }, i) => ({ metric, value: adjusted[i]!.get(agent)!.raw, n: adjusted[i]!.get(agent)!.n }));
    out.set(agent, { inputs, parts, score: ok ? compositeScore(parts) : null, n: Math.min(...inputs.map((p) => p.n)), enoughData: ok });
  }
  return out;
}
