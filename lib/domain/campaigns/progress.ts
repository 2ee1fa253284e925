import type { KpiValue } from "../kpis";
import type { Op, Rule, RuleKind } from "./document";
import type { Explanation, Outcome } from "./evaluation";
import { holds, kpiBetter, kpiKindOf, type KpiKind } from "./kpi-info";
import { fairnessOf } from "./values";

/**
 * Progress for an agent's "My incentives" (SPEC §5: current value vs target, what is still needed at the current pace,
 * the projected result). Structured, not text: the UI words it in the agent's language.
 *
 * Everything is in the KPI's own terms: an attainment target becomes target × the agent's target ÷ 100, an
 * improvement target becomes previous ± target (flipped for lower-is-better KPIs). Progress reads the raw KPI: a
 * Wilson or Bayes adjustment, gates and the other participants are for the evaluation itself to judge. A composite
 * has no KPI-level goal, so it only gets `none`.
 */
export type Pace = { elapsedDays: number; totalDays: number };

export type Needed =
  | { kind: "reached" } // the goal is met now (counts: for good; rates and means: see max_misses / mean_*)
  | { kind: "none" } // nothing to reach (rank, recognition, composite): see the evaluation's rank
  | { kind: "unreachable" } // no sequence of samples can reach it (e.g. 100 % after a miss)
  | { kind: "more_samples"; samples: number } // below the rule's minSamples: this many more samples first
  | { kind: "more_units"; units: number; metric: string } // "4 more resolved calls"
  | { kind: "all_good_next"; samples: number } // a rate below target: this many good samples in a row reach it
  | { kind: "max_misses"; misses: number; within: number } // a rate at/above target: at most this many bad in the next `within`
  | { kind: "mean_at_least" | "mean_at_most"; value: number; within: number } // the average the next `within` samples need
  | { kind: "more_periods"; periods: number; every: "day" | "week" }; // streak: this many more met days/weeks

export type Progress = {
  kind: RuleKind;
  metric: string;
  /** The KPI now (null: no data). */
  current: number | null;
  n: number;
  /** The goal in KPI terms (threshold target, the next tier, the next unit's boundary, the streak condition). */
  op: Op | null;
  target: number | null;
  reached: boolean;
  /** 0..1 for a progress bar; null where none applies (rank, recognition, composite). */
  fraction: number | null;
  /** The KPI at period end at the current pace: counts scale by totalDays ÷ elapsedDays, rates and means stay. */
  projected: number | null;
  projectedReached: boolean | null;
  needed: Needed;
  tier?: { index: number | null; next: { index: number; value: number } | null };
  units?: { units: number; per: number; band: number | null; nextBand: { index: number; from: number } | null };
  streak?: { run: number; count: number; streaks: number };
};

export type ProgressInput = {
  rule: Rule;
  /** The agent's rule metric so far this period (for a streak: the condition KPI of the current day or week). */
  current: KpiValue;
  /** The KPI's kind and better direction; default: from the rule's metric. */
  kpi?: { kind: KpiKind; better: "higher" | "lower" };
  /** Rate KPIs: the successes behind the rate; default round(value × n ÷ 100). */
  successes?: number;
  pace: Pace;
  /** The horizon of max_misses and mean_*: the next `within` samples (default 10). */
  within?: number;
  /** compare: attainment → the agent's target; improvement → the previous period's value. */
  reference?: Explanation["reference"];
  /** Streak: the current run of met sub-periods (see currentRun). */
  streakRun?: number;
};

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const flip = (op: Op): Op => (op === "gte" ? "lte" : "gte");

/** A target of the compared value as a goal on the KPI itself, or null when there is none (composite, no reference). */
export function kpiGoal(rule: Rule, op: Op, target: number, reference: ProgressInput["reference"], better: "higher" | "lower"): { op: Op; target: number } | null {
  if (rule.metric === "composite") return null;
  const compare = rule.compare ?? "value";
  if (compare === "attainment") {
    const t = reference?.target;
    return t !== undefined && t > 0 ? { op, target: (target * t) / 100 } : null;
  }
  if (compare === "improvement") {
    const p = reference?.previous;
    if (p === null || p === undefined) return null;
    return better === "higher" ? { op, target: p + target } : { op: flip(op), target: p - target };
  }
  return { op, target };
}

/** The trailing run of met sub-periods of a streak outcome, days off (n = 0) skipped. */
export function currentRun(outcome: Extract<Outcome, { kind: "streak" }>): number {
  let run = 0;
  for (let i = outcome.met.length - 1; i >= 0; i--) {
    const v = outcome.values?.[i];
    if (v && (v.value === null || v.n === 0)) continue;
    if (!outcome.met[i]) break;
    run++;
  }
  return run;
}

function projectedOf(kind: KpiKind, value: number | null, pace: Pace): number | null {
  if (value === null) return null;
  if (kind !== "count") return value;
  return pace.elapsedDays > 0 ? (value * pace.totalDays) / pace.elapsedDays : null;
}

function fractionOf(value: number | null, goal: { op: Op; target: number }): number {
  if (value === null) return 0;
  if (holds(value, goal.op, goal.target)) return 1;
  if (goal.op === "gte") return goal.target > 0 ? clamp01(value / goal.target) : 0;
  return value > 0 ? clamp01(goal.target / value) : 0;
}

/**
 * A rate after `good` and `bad` more samples, computed as the KPI itself is ((num ÷ den) × 100). A good sample is one
 * that moves the rate toward the goal: a success for `gte` (CSAT), a non-event for `lte` (abandon, reopen).
 */
function rateNeeded(op: Op, target: number, k: number, n: number, reached: boolean, within: number): Needed {
  const after = (good: number, bad: number) => ((k + (op === "gte" ? good : bad)) / (n + good + bad)) * 100;
  const ok = (good: number, bad: number) => holds(after(good, bad), op, target);
  if (reached) {
    let misses = within;
    while (misses > 0 && !ok(within - misses, misses)) misses--;
    return { kind: "max_misses", misses, within };
  }
  const impossible = op === "gte" ? target > 100 || (target === 100 && k < n) : target < 0 || (target === 0 && k > 0);
  if (impossible) return { kind: "unreachable" };
  // solve (k+s)/(n+s) ≥ T/100 (gte) or k/(n+s) ≤ T/100 (lte) for s, then settle the float edge by checking
  const exact = op === "gte" ? (target >= 100 ? 1 : (target * n - 100 * k) / (100 - target)) : target <= 0 ? 1 : (100 * k) / target - n;
  let s = Math.max(1, Math.ceil(exact));
  while (s > 1 && ok(s - 1, 0)) s--;
  for (let guard = 0; !ok(s, 0); guard++) {
    if (guard > 1000) return { kind: "unreachable" };
    s++;
  }
  return { kind: "all_good_next", samples: s };
}

function needed(kind: KpiKind, goal: { op: Op; target: number }, v: KpiValue, input: ProgressInput, metric: string, reached: boolean): Needed {
  const within = input.within ?? 10;
  if (kind === "count") {
    if (reached) return { kind: "reached" };
    // a count only grows within a period: an `at most` goal once passed stays passed
    if (goal.op === "lte") return { kind: "unreachable" };
    return { kind: "more_units", units: Math.max(1, Math.ceil(goal.target - (v.value ?? 0))), metric };
  }
  if (kind === "rate") {
    const k = input.successes ?? Math.round(((v.value ?? 0) * v.n) / 100);
    return rateNeeded(goal.op, goal.target, k, v.n, reached, within);
  }
  if (kind === "mean") {
    // (Σx + within·x) ÷ (n + within) op T  ⇔  x op (T·(n + within) − Σx) ÷ within
    const value = (goal.target * (v.n + within) - (v.value ?? 0) * v.n) / within;
    return { kind: goal.op === "gte" ? "mean_at_least" : "mean_at_most", value, within };
  }
  return reached ? { kind: "reached" } : { kind: "none" }; // a score (NPS) moves two ways at once: no simple answer
}

export function progressToward(input: ProgressInput): Progress {
  const { rule, current, pace } = input;
  const composite = rule.metric === "composite";
  const metric = rule.kind === "streak" ? rule.condition.metric : rule.metric;
  const kpi = input.kpi ?? (composite ? null : { kind: kpiKindOf(metric), better: kpiBetter(metric) });
  const projected = kpi ? projectedOf(kpi.kind, current.value, pace) : current.value;
  const base = { kind: rule.kind, metric, current: current.value, n: current.n };
  const none = { ...base, op: null, target: null, reached: false, fraction: null, projected, projectedReached: null, needed: { kind: "none" } as Needed };
  if (!kpi) return none;
  const minSamples = rule.kind === "streak" ? (rule.condition.minSamples ?? 0) : fairnessOf(rule).minSamples;
  const enough = current.value !== null && current.n >= Math.max(1, minSamples);
  const judge = (goal: { op: Op; target: number }, extra: Partial<Progress> = {}): Progress => {
    const reached = enough && holds(current.value!, goal.op, goal.target);
    return {
      ...base,
      op: goal.op,
      target: goal.target,
      reached,
      fraction: fractionOf(current.value, goal),
      projected,
      projectedReached: projected === null ? null : holds(projected, goal.op, goal.target),
      needed: current.n < minSamples ? { kind: "more_samples", samples: Math.ceil(minSamples - current.n) } : needed(kpi.kind, goal, current, input, metric, reached),
      ...extra,
    };
  };
  switch (rule.kind) {
    case "threshold": {
      const goal = kpiGoal(rule, rule.op, rule.target, input.reference, kpi.better);
      return goal ? judge(goal) : none;
    }
    case "tiered": {
      const goals = rule.tiers.map((t) => kpiGoal(rule, rule.op, t.value, input.reference, kpi.better));
      if (goals.length === 0 || goals.some((g) => g === null)) return none;
      let index: number | null = null;
      for (const [i, g] of goals.entries()) if (enough && holds(current.value!, g!.op, g!.target)) index = i;
      const nextIndex = index === null ? 0 : index + 1;
      const next = goals[nextIndex];
      const tier = { index, next: next ? { index: nextIndex, value: next.target } : null };
      if (!next) return { ...judge(goals[goals.length - 1]!, { tier }), needed: { kind: "reached" } };
      return judge(next, { tier });
    }
    case "per_unit": {
      // the next whole unit: its boundary, and how far into the current unit the agent is
      const v = current.value ?? 0;
      const units = v > 0 ? Math.floor(v / rule.per) : 0;
      const boundary = (units + 1) * rule.per;
      let band: number | null = null;
      for (const [i, b] of (rule.bands ?? []).entries()) if (b.from <= v) band = i;
      const nextIndex = band === null ? 0 : band + 1;
      const nextBand = rule.bands?.[nextIndex];
      return {
        ...base,
        op: "gte",
        target: boundary,
        reached: enough && units > 0,
        fraction: clamp01((v - units * rule.per) / rule.per),
        projected,
        projectedReached: projected === null ? null : holds(projected, "gte", boundary),
        needed: current.n < minSamples ? { kind: "more_samples", samples: Math.ceil(minSamples - current.n) } : { kind: "more_units", units: Math.max(1, Math.ceil(boundary - v)), metric },
        units: { units, per: rule.per, band, nextBand: nextBand ? { index: nextIndex, from: nextBand.from } : null },
      };
    }
    case "streak": {
      const run = input.streakRun ?? 0;
      const streak = { run, count: rule.count, streaks: Math.floor(run / rule.count) };
      const p = judge({ op: rule.condition.op, target: rule.condition.value }, { streak });
      return { ...p, fraction: (run % rule.count) / rule.count, needed: { kind: "more_periods", periods: rule.count - (run % rule.count), every: rule.every } };
    }
    default:
      return none;
  }
}
