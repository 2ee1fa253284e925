import { mergeAwards } from "../awards";
import type { Award, TieredRule } from "../document";
import { EvaluationError } from "../errors";
import type { Outcome } from "../evaluation";
import { holds } from "../kpi-info";

export type TieredOutcome = Extract<Outcome, { kind: "tiered" }>;

/**
 * tiered: tiers go from easiest to hardest (ascending values for `gte`, descending for `lte`; anything else fails
 * closed rather than guessing which tier is "highest"). The hardest tier reached pays alone (slab): 92 % on
 * 85/90/95 pays the 90 tier only. `nextTier` is the first tier not reached, for progress.
 */
export function tieredOutcome(rule: TieredRule, value: number | null): TieredOutcome {
  rule.tiers.forEach((t, i) => {
    if (!Number.isFinite(t.value)) throw new EvaluationError(`tier ${i + 1} has no number`);
    const prev = rule.tiers[i - 1];
    if (prev && !(rule.op === "gte" ? t.value > prev.value : t.value < prev.value)) throw new EvaluationError("tiers must go from easiest to hardest");
  });
  let reached: number | null = null;
  if (value !== null) for (const [i, t] of rule.tiers.entries()) if (holds(value, rule.op, t.value)) reached = i;
  const next = rule.tiers[reached === null ? 0 : reached + 1];
  return {
    kind: "tiered",
    op: rule.op,
    tierIndex: reached,
    tierValue: reached === null ? null : rule.tiers[reached]!.value,
    ...(next ? { nextTier: { index: reached === null ? 0 : reached + 1, value: next.value } } : {}),
  };
}

export function tieredAwards(rule: TieredRule, outcome: TieredOutcome): Award[] {
  const tier = outcome.tierIndex === null ? undefined : rule.tiers[outcome.tierIndex];
  return tier ? mergeAwards([tier.award]) : [];
}
