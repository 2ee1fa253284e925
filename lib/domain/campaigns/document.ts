import type { FairnessMethod } from "../fairness";

/**
 * The campaign and rule JSON of SPEC §5.1, version 1 (contract). The API and the builder read and write exactly this
 * document; lib/schemas/campaigns.ts validates it (with the path of each problem) and the rules engine
 * (./evaluate.ts) evaluates it. Amounts are integers: points, leave minutes, cash in minor units.
 */
export type Award =
  | { type: "points"; amount: number }
  | { type: "leave"; minutes: number }
  | { type: "cash"; amountMinor: number; currency: string }
  | { type: "badge"; badge: string }
  | { type: "reward"; rewardId: string };
export type AwardType = Award["type"];
export const AWARD_TYPES = ["points", "leave", "cash", "badge", "reward"] as const satisfies readonly AwardType[];

/** `gte`: value ≥ target reaches it (a value exactly on the target counts); `lte`: value ≤ target. */
export type Op = "gte" | "lte";
export const OPS = ["gte", "lte"] as const satisfies readonly Op[];

export type Fairness = { minSamples: number; method: FairnessMethod; bayesWeight?: number };
export type Gate = { metric: string; op: Op; value: number; minSamples?: number };
export type Composite = { normalize: "minmax" | "zscore"; weights: Record<string, number> };
/** `value`: the KPI itself · `attainment`: value ÷ the agent's own target × 100 · `improvement`: value − previous period's. */
export type Compare = "value" | "attainment" | "improvement";
export const COMPARES = ["value", "attainment", "improvement"] as const satisfies readonly Compare[];

/** Fields every rule may carry. `metric` is a KPI key of §4 or "composite" (then `composite` says how). */
export type RuleCommon = {
  metric: string;
  composite?: Composite;
  fairness?: Fairness;
  gates?: Gate[];
  compare?: Compare;
  targets?: Record<string, number>;
};

export type ThresholdRule = RuleCommon & { kind: "threshold"; op: Op; target: number; award: Award };
export type Tier = { value: number; award: Award };
/** Tiers from easiest to hardest; the hardest tier reached pays (slab). */
export type TieredRule = RuleCommon & { kind: "tiered"; op: Op; tiers: Tier[] };
export type TiePolicy = "share" | "all" | "tiebreak";
export const TIE_POLICIES = ["share", "all", "tiebreak"] as const satisfies readonly TiePolicy[];
export type RankRule = RuleCommon & { kind: "rank"; top: number; prizes: Award[]; ties: TiePolicy; tiebreak?: string };
export type Band = { from: number; award: Award };
export type PerUnitRule = RuleCommon & { kind: "per_unit"; per: number; award: Award; bands?: Band[]; mode?: "slab" | "marginal" };
export type StreakCondition = { metric: string; op: Op; value: number; minSamples?: number };
export type StreakRule = RuleCommon & { kind: "streak"; every: "day" | "week"; count: number; condition: StreakCondition; award: Award };
export type RecognitionRule = RuleCommon & { kind: "recognition"; shortlist: number; award: Award };

export type Rule = ThresholdRule | TieredRule | RankRule | PerUnitRule | StreakRule | RecognitionRule;
export type RuleKind = Rule["kind"];
export const RULE_KINDS = ["threshold", "tiered", "rank", "per_unit", "streak", "recognition"] as const satisfies readonly RuleKind[];

export type SchedulePeriod = "month" | "week" | "quarter" | "custom";
export const SCHEDULE_PERIODS = ["month", "week", "quarter", "custom"] as const satisfies readonly SchedulePeriod[];
/** `from`–`to` is the campaign's whole run; `period` how it recurs inside it (custom: one period, the whole run). */
export type Schedule = { period: SchedulePeriod; from: string; to: string };

export type BudgetPolicy = "prorate" | "rank_order";
export type Budget = { currency: string; amountMinor: number; policy: BudgetPolicy };
export type Approval = "auto" | "manager" | "hr";

export type CampaignDocument = {
  name: string;
  description?: string;
  participants?: { teams?: string[]; agents?: string[] };
  schedule: Schedule;
  rule: Rule;
  budget?: Budget;
  /** Per agent per period: points `amount`, leave `minutes`, cash `amountMinor` of a currency. */
  capPerAgent?: Award[];
  approval?: Approval;
};
