import { mergeAwards } from "../awards";
import type { Award, RecognitionRule } from "../document";
import { EvaluationError } from "../errors";
import type { Outcome } from "../evaluation";

export type RecognitionOutcome = Extract<Outcome, { kind: "recognition" }>;

/**
 * recognition (employee of the month, SPEC §8.2): the shortlist is every eligible participant whose competition
 * rank by the metric or composite is ≤ `shortlist` (a tie at the boundary makes it longer). The award goes only to
 * picked agents who are on the shortlist; a pick outside it is ignored. `picked` records whether the agent was
 * picked at all.
 */
export function recognitionOutcome(rule: RecognitionRule, rank: number | null, picked: boolean): RecognitionOutcome {
  if (!Number.isInteger(rule.shortlist) || rule.shortlist < 1) throw new EvaluationError("shortlist must be a whole number of at least 1");
  return { kind: "recognition", shortlistRank: rank, shortlisted: rank !== null && rank <= rule.shortlist, picked };
}

export function recognitionAwards(rule: RecognitionRule, outcome: RecognitionOutcome): Award[] {
  return outcome.shortlisted && outcome.picked ? mergeAwards([rule.award]) : [];
}
