import type { Award, Rule } from "./document";
import { compositeScore } from "./composite";
import type { Explanation } from "./evaluation";
import { gatePassed } from "./gates";
import { kpiBetter } from "./kpi-info";
import { applyBudget, applyCaps } from "./limits";
import { outcomeAwards } from "./rules";
import { perUnitOutcome } from "./rules/per-unit";
import { streakOutcome } from "./rules/streak";
import { thresholdOutcome } from "./rules/threshold";
import { tieredOutcome } from "./rules/tiered";
import { comparedValue } from "./values";

/**
 * Recomputes a participant's awards from the rule and their explanation alone: the explanation is the proof of the
 * award. Eligibility is redone from the recorded numbers (enough data, each gate's actual value and n), the compared
 * value from the adjusted KPI and reference (or the composite parts), and the outcome from that value (threshold,
 * tiered, per_unit) or the recorded per-period values (streak). What depends on the other participants is taken from
 * the explanation: the positions a rank tie group occupies (with their count, enough to redo a share), a
 * recognition's shortlist rank and pick. Caps and budget are then reapplied from their records.
 */
export function awardsBeforeLimitsFromExplanation(rule: Rule, e: Explanation): Award[] {
  const value = e.composite
    ? compositeScore(e.composite.parts)
    : rule.metric === "composite"
      ? null
      : comparedValue(e.compare, e.fairness.adjusted, e.reference, kpiBetter(rule.metric));
  if (!e.fairness.enoughData || value === null || !e.gates.every(gatePassed)) return [];
  switch (rule.kind) {
    case "threshold":
      return outcomeAwards(rule, thresholdOutcome(rule, value));
    case "tiered":
      return outcomeAwards(rule, tieredOutcome(rule, value));
    case "per_unit":
      return outcomeAwards(rule, perUnitOutcome(rule, value));
    case "streak":
      return outcomeAwards(rule, e.outcome.kind === "streak" && e.outcome.values ? streakOutcome(rule, e.outcome.values) : e.outcome);
    default:
      return outcomeAwards(rule, e.outcome);
  }
}

export function awardsFromExplanation(rule: Rule, explanation: Explanation): Award[] {
  return withRecordedLimits(awardsBeforeLimitsFromExplanation(rule, explanation), explanation);
}

/** Awards after the caps and budget an explanation records (the last step of every evaluation). */
export function withRecordedLimits(awards: Award[], explanation: Explanation): Award[] {
  return applyBudget(applyCaps(awards, explanation.caps), explanation.budget);
}
