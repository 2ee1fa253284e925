import type { KpiValue } from "../../kpis";
import { mergeAwards, timesAward } from "../awards";
import type { Award, StreakRule } from "../document";
import { EvaluationError } from "../errors";
import type { Outcome } from "../evaluation";
import { holds, kpiKindOf } from "../kpi-info";

export type StreakOutcome = Extract<Outcome, { kind: "streak" }>;

/**
 * streak: the condition is checked on each sub-period's raw value (day or week, in calendar order).
 * - No data at all (n = 0) is a day off: it neither extends nor breaks a run.
 * - Data that fails the condition, or fewer samples than the condition's minSamples, breaks the run.
 * - Each maximal run of L met sub-periods earns ⌊L ÷ count⌋ awards (a 10-day run at count 5 earns 2).
 * `met[i]` says whether sub-period i met the condition; `values[i]` is what was read, so days off can be told apart.
 */
export function streakOutcome(rule: StreakRule, values: readonly KpiValue[]): StreakOutcome {
  checkStreakRule(rule);
  const minSamples = rule.condition.minSamples ?? 0;
  const met = values.map((v) => v.value !== null && v.n >= Math.max(1, minSamples) && holds(v.value, rule.condition.op, rule.condition.value));
  const runs: number[] = [];
  let run = 0;
  values.forEach((v, i) => {
    if (v.value === null || v.n === 0) return; // a day off
    if (met[i]) run++;
    else if (run > 0) {
      runs.push(run);
      run = 0;
    }
  });
  if (run > 0) runs.push(run);
  const streaks = runs.reduce((s, l) => s + Math.floor(l / rule.count), 0);
  return { kind: "streak", every: rule.every, count: rule.count, runs, streaks, met, values: values.map((v) => ({ value: v.value, n: v.n })) };
}

export function checkStreakRule(rule: StreakRule): void {
  if (!Number.isInteger(rule.count) || rule.count < 1) throw new EvaluationError("count must be a whole number of at least 1");
  if (rule.every !== "day" && rule.every !== "week") throw new EvaluationError(`unknown streak period "${String(rule.every)}"`);
  if (!rule.condition) throw new EvaluationError("a streak needs a condition");
  kpiKindOf(rule.condition.metric); // unknown keys fail closed
  if (!Number.isFinite(rule.condition.value)) throw new EvaluationError("the streak condition has no number to compare with");
}

export function streakAwards(rule: StreakRule, outcome: StreakOutcome): Award[] {
  const a = timesAward(rule.award, outcome.streaks);
  return a ? mergeAwards([a]) : [];
}
