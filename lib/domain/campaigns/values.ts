import { applyFairness, type FairnessSettings } from "../fairness";
import { evaluateComposite } from "./composite";
import type { Compare, Rule } from "./document";
import { EvaluationError } from "./errors";
import type { Explanation, KpiTable, UsedKpi } from "./evaluation";
import { kpiBetter, kpiKindOf, readKpi, type KpiKind } from "./kpi-info";

/**
 * The value each participant is judged on: the rule metric's KPI (or the composite score) → fairness → compare.
 *
 * - Fairness (`rule.fairness`, default minSamples 0, raw): below minSamples, or no value at all, is not_enough_data:
 *   no award, not ranked, not compared with thresholds. Wilson applies to rate KPIs, Bayes to mean KPIs (its group
 *   mean over the participants with enough data); any other pairing stays raw, and the explanation records the
 *   method actually applied.
 * - Compare `value`: the adjusted KPI. `attainment`: adjusted ÷ the agent's target × 100 — the contract's formula for
 *   every KPI, so a lower-is-better KPI keeps its direction (an AHT attainment of 80 % is better than 100 %: use
 *   `lte`, and rank rules rank it lowest first). No target, or a target that is not > 0, is no_target.
 * - `improvement`: adjusted − previous, reversed (previous − adjusted) for lower-is-better KPIs, so higher is always
 *   better. The previous value goes through the same fairness as the current one (minSamples and method, Bayes with
 *   the previous period's group mean): like is compared with like, so a Wilson bound is not set against a raw rate.
 *   No previous value with enough data is no_previous.
 * - A composite is always compared as a value (validation refuses the others; if one is met anyway, value is used).
 */
export type Blocked = "not_enough_data" | "no_target" | "no_previous";
export type Valued = {
  agent: string;
  name: string;
  compare: Compare;
  inputs: UsedKpi[];
  fairness: Explanation["fairness"];
  reference?: NonNullable<Explanation["reference"]>;
  composite?: NonNullable<Explanation["composite"]>;
  value: number | null;
  n: number;
  blocked: Blocked | null;
};

const FAIRNESS_METHODS = ["raw", "wilson", "bayes"] as const;

export function fairnessOf(rule: Rule): FairnessSettings {
  const f = rule.fairness ?? { minSamples: 0, method: "raw" };
  if (!Number.isFinite(f.minSamples) || f.minSamples < 0) throw new EvaluationError("fairness.minSamples must be a number of at least 0");
  if (!FAIRNESS_METHODS.includes(f.method)) throw new EvaluationError(`unknown fairness method "${String(f.method)}"`);
  if (f.bayesWeight !== undefined && !(Number.isFinite(f.bayesWeight) && f.bayesWeight > 0)) throw new EvaluationError("fairness.bayesWeight must be greater than 0");
  return f.bayesWeight === undefined ? { minSamples: f.minSamples, method: f.method } : { minSamples: f.minSamples, method: f.method, bayesWeight: f.bayesWeight };
}

export function compareOf(rule: Rule): Compare {
  if (rule.metric === "composite") return "value";
  const c = rule.compare ?? "value";
  if (c !== "value" && c !== "attainment" && c !== "improvement") throw new EvaluationError(`unknown compare "${String(c)}"`);
  return c;
}

/** Which way the compared value is better: composite and improvement are higher-is-better; else the KPI's way. */
export function rankDirection(rule: Rule): "higher" | "lower" {
  if (rule.metric === "composite" || compareOf(rule) === "improvement") return "higher";
  return kpiBetter(rule.metric);
}

/** The method applyFairness really applies to a kind. */
function appliedMethod(kind: KpiKind, method: FairnessSettings["method"]): FairnessSettings["method"] {
  return (method === "wilson" && kind === "rate") || (method === "bayes" && kind === "mean") ? method : "raw";
}

/** The compared value from the adjusted KPI and the reference (shared with explain.ts, so both compute alike). */
export function comparedValue(compare: Compare, adjusted: number | null, reference: Explanation["reference"], better: "higher" | "lower"): number | null {
  if (adjusted === null) return null;
  if (compare === "attainment") {
    const target = reference?.target;
    return target !== undefined && target > 0 ? (adjusted / target) * 100 : null;
  }
  if (compare === "improvement") {
    const previous = reference?.previous;
    if (previous === null || previous === undefined) return null;
    return better === "lower" ? previous - adjusted : adjusted - previous;
  }
  return adjusted;
}

/** The C of applyFairness's Bayesian average: the sample-weighted mean over those with enough data (for the explanation). */
function bayesGroupMean(values: ReadonlyArray<{ value: number | null; n: number }>, minSamples: number): number {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v.value === null || v.n < Math.max(1, minSamples)) continue;
    sum += v.value * v.n;
    n += v.n;
  }
  return n > 0 ? sum / n : 0;
}

function fairlyAdjusted(table: KpiTable | undefined, people: ReadonlyArray<{ agent: string }>, metric: string, kind: KpiKind, settings: FairnessSettings) {
  const raw = people.map((p) => ({ key: p.agent, ...readKpi(table, p.agent, metric) }));
  const adjusted = applyFairness(raw, kind, settings, kpiBetter(metric));
  const method = appliedMethod(kind, settings.method);
  return { adjusted, method, groupMean: method === "bayes" ? bayesGroupMean(raw, settings.minSamples) : undefined };
}

/** Values for `people`, already sorted by agent id (group means and normalizations sum in that order). */
export function valueParticipants(rule: Rule, people: ReadonlyArray<{ agent: string; name: string }>, kpis: KpiTable, previous: KpiTable | undefined): Valued[] {
  const settings = fairnessOf(rule);
  const compare = compareOf(rule);
  if (rule.metric === "composite") {
    const scores = evaluateComposite(rule.composite, settings, people.map((p) => p.agent), kpis);
    return people.map(({ agent, name }) => {
      const c = scores.get(agent)!;
      return {
        agent,
        name,
        compare,
        inputs: c.inputs,
        // the fairness of a composite acts on each part (see composite.ts); the score itself has no raw value
        fairness: { method: settings.method, minSamples: settings.minSamples, raw: null, adjusted: null, enoughData: c.enoughData },
        composite: { normalize: rule.composite!.normalize, parts: c.parts, score: c.score },
        value: c.score,
        n: c.n,
        blocked: c.enoughData ? null : "not_enough_data",
      };
    });
  }
  const kind = kpiKindOf(rule.metric);
  const better = kpiBetter(rule.metric);
  const now = fairlyAdjusted(kpis, people, rule.metric, kind, settings);
  const before = compare === "improvement" ? fairlyAdjusted(previous, people, rule.metric, kind, settings) : null;
  const targets = rule.targets ?? {};
  return people.map(({ agent, name }) => {
    const a = now.adjusted.get(agent)!;
    let reference: Valued["reference"];
    if (compare === "attainment") {
      const target = Object.hasOwn(targets, agent) ? targets[agent] : undefined;
      if (target !== undefined && !Number.isFinite(target)) throw new EvaluationError(`the target of ${agent} is not a number`);
      reference = target === undefined ? {} : { target };
    } else if (before) {
      const p = before.adjusted.get(agent)!;
      reference = { previous: p.value, previousN: p.n, previousRaw: p.raw };
    }
    const value = comparedValue(compare, a.value, reference, better);
    const fairness: Explanation["fairness"] = { method: now.method, minSamples: settings.minSamples, raw: a.raw, adjusted: a.value, enoughData: a.enoughData };
    if (now.groupMean !== undefined) fairness.groupMean = now.groupMean;
    const blocked: Blocked | null = !a.enoughData ? "not_enough_data" : value !== null ? null : compare === "attainment" ? "no_target" : "no_previous";
    return {
      agent,
      name,
      compare,
      inputs: [{ metric: rule.metric, value: a.raw, n: a.n }],
      fairness,
      ...(reference ? { reference } : {}),
      value,
      n: a.n,
      blocked,
    };
  });
}
