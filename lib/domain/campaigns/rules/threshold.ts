import { mergeAwards } from "../awards";
import type { Award, ThresholdRule } from "../document";
import { EvaluationError } from "../errors";
import type { Outcome } from "../evaluation";
import { holds } from "../kpi-info";

export type ThresholdOutcome = Extract<Outcome, { kind: "threshold" }>;

/** threshold: reached when `value op target` holds; `gte` includes a value exactly on the target. */
export function thresholdOutcome(rule: ThresholdRule, value: number | null): ThresholdOutcome {
  if (!Number.isFinite(rule.target)) throw new EvaluationError("the threshold has no target number");
  return { kind: "threshold", op: rule.op, target: rule.target, reached: value !== null && holds(value, rule.op, rule.target) };
}

export function thresholdAwards(rule: ThresholdRule, outcome: ThresholdOutcome): Award[] {
  return outcome.reached ? mergeAwards([rule.award]) : [];
}
