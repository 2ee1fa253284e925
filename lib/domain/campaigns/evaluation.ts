import type { KpiValue } from "../kpis";
import type { Award, CampaignDocument } from "./document";

/**
 * What the rules engine takes and gives. Evaluation is a pure function of (rule version, KPI values, participants,
 * period): the server loads the values, the engine decides, and the same input always gives byte-identical output.
 */
export type DayRange = { from: string; to: string };

/** KPI values per agent (externalId) per KPI key. A missing KPI or agent means { value: null, n: 0 }. */
export type KpiTable = Record<string, Record<string, KpiValue>>;

export type EvaluationInput = {
  document: CampaignDocument;
  /** The period evaluated, inclusive days in the organization's time zone. */
  period: DayRange;
  /** Everyone taking part: externalId and display name. Order does not matter. */
  participants: ReadonlyArray<{ agent: string; name: string }>;
  /** Every KPI the rule reads (metric, composite weights, gates, tiebreak), per participant, over `period`. */
  kpis: KpiTable;
  /** The same KPIs over the previous period of equal length (`compare: "improvement"`), and that range. */
  previous?: { period: DayRange; kpis: KpiTable };
  /** Streak rules: the condition's KPI per sub-period (day or week) of `period`, in calendar order. */
  subPeriods?: ReadonlyArray<{ period: DayRange; kpis: KpiTable }>;
  /** Recognition rules: the agent(s) the manager picked from the shortlist, if any yet. */
  picks?: readonly string[];
};

export type ParticipantStatus =
  | "awarded" // at least one award
  | "not_enough_data" // below minSamples (or no value) on the rule's metric or a composite part
  | "no_target" // compare: attainment without a target for this agent
  | "no_previous" // compare: improvement without a previous value
  | "gate_failed" // a gate did not hold
  | "not_reached" // threshold, tier or streak not reached; per_unit: no whole unit
  | "outside_top" // rank: below the prized positions
  | "shortlisted" // recognition: on the shortlist, not picked (yet)
  | "not_shortlisted"
  | "budget_exhausted"; // would have earned something; the budget left nothing

export type ParticipantResult = {
  agent: string;
  name: string;
  /** The value compared (after compare and fairness); null when there is none. */
  value: number | null;
  n: number;
  /** Competition rank (1, 1, 3) among ranked participants; null when not ranked. Present for every rule kind. */
  rank: number | null;
  awards: Award[];
  status: ParticipantStatus;
  /** Everything needed to recompute `awards` from the rule: see explain.ts. */
  explanation: Explanation;
};

export type Totals = { points: number; leaveMinutes: number; cash: Record<string, number> };

export type EvaluationResult = {
  period: DayRange;
  results: ParticipantResult[];
  totals: Totals;
};

/** One KPI as the engine used it. */
export type UsedKpi = { metric: string; value: number | null; n: number };

export type GateCheck = { metric: string; op: "gte" | "lte"; value: number; minSamples: number; actual: number | null; n: number; passed: boolean };

/**
 * The machine-readable why of one participant's result (SPEC §5). `awardsBeforeLimits` is what the rule alone pays;
 * `caps` and `budget` record each reduction, so `awards` = limits applied to `awardsBeforeLimits`, and
 * `awardsBeforeLimits` follows from `rule` and the numbers here alone.
 */
export type Explanation = {
  kind: CampaignDocument["rule"]["kind"];
  metric: string;
  compare: "value" | "attainment" | "improvement";
  /** The rule metric (or each composite part) with value and n as read. */
  inputs: UsedKpi[];
  /**
   * compare: attainment → the agent's target; improvement → the previous value after the rule's fairness (null when
   * it has too few samples), its n, and (added) `previousRaw`, the previous value as read.
   */
  reference?: { target?: number; previous?: number | null; previousN?: number; previousRaw?: number | null };
  fairness: { method: "raw" | "wilson" | "bayes"; minSamples: number; raw: number | null; adjusted: number | null; enoughData: boolean; groupMean?: number };
  /** Composite: each part's raw value, (added) `adjusted` after fairness, normalized score and weight, and the total. */
  composite?: {
    normalize: "minmax" | "zscore";
    parts: Array<{ metric: string; value: number | null; adjusted?: number | null; normalized: number | null; weight: number }>;
    score: number | null;
  };
  gates: GateCheck[];
  /** Per rule kind: what was reached. */
  outcome: Outcome;
  awardsBeforeLimits: Award[];
  caps: Array<{ type: Award["type"]; currency?: string; cap: number; before: number; after: number }>;
  /** (added) `remainingMinor`: rank_order only, the budget left when this participant's turn came (after = min(before, it)). */
  budget?: { currency: string; policy: "prorate" | "rank_order"; budgetMinor: number; requestedMinor: number; before: number; after: number; remainingMinor?: number };
};

export type Outcome =
  | { kind: "threshold"; op: "gte" | "lte"; target: number; reached: boolean }
  | { kind: "tiered"; op: "gte" | "lte"; tierIndex: number | null; tierValue: number | null; nextTier?: { index: number; value: number } }
  // rank: `tiedWith` = the other agents sharing the rank (0 = alone); `positions` = every position the tie group occupies
  | { kind: "rank"; rank: number | null; tiedWith: number; positions: number[]; ties: "share" | "all" | "tiebreak"; tiebreakValue?: number | null }
  | { kind: "per_unit"; units: number; per: number; mode: "flat" | "slab" | "marginal"; bandIndex?: number; unitsPerBand?: number[] }
  // streak: (added) `values[i]` = the condition KPI read for sub-period i (n = 0: a day off, neither met nor broken)
  | { kind: "streak"; every: "day" | "week"; count: number; runs: number[]; streaks: number; met: boolean[]; values?: Array<{ value: number | null; n: number }> }
  | { kind: "recognition"; shortlistRank: number | null; shortlisted: boolean; picked: boolean };
