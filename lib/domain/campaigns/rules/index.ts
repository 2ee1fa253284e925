import type { Award, Rule } from "../document";
import { EvaluationError } from "../errors";
import type { Outcome, ParticipantStatus } from "../evaluation";
import { perUnitAwards } from "./per-unit";
import { rankAwards, rankMissStatus } from "./rank";
import { recognitionAwards } from "./recognition";
import { streakAwards } from "./streak";
import { thresholdAwards } from "./threshold";
import { tieredAwards } from "./tiered";

function mismatch(rule: Rule, outcome: Outcome): never {
  throw new EvaluationError(`a ${outcome.kind} outcome cannot pay a ${rule.kind} rule`);
}

/** What an eligible participant earns from the rule alone (before caps and budget), given their outcome. */
export function outcomeAwards(rule: Rule, outcome: Outcome): Award[] {
  if (rule.kind !== outcome.kind) mismatch(rule, outcome);
  switch (rule.kind) {
    case "threshold":
      return outcome.kind === "threshold" ? thresholdAwards(rule, outcome) : mismatch(rule, outcome);
    case "tiered":
      return outcome.kind === "tiered" ? tieredAwards(rule, outcome) : mismatch(rule, outcome);
    case "per_unit":
      return outcome.kind === "per_unit" ? perUnitAwards(rule, outcome) : mismatch(rule, outcome);
    case "rank":
      return outcome.kind === "rank" ? rankAwards(rule, outcome.positions) : mismatch(rule, outcome);
    case "streak":
      return outcome.kind === "streak" ? streakAwards(rule, outcome) : mismatch(rule, outcome);
    case "recognition":
      return outcome.kind === "recognition" ? recognitionAwards(rule, outcome) : mismatch(rule, outcome);
  }
}

/** The status of an eligible participant whom the rule paid nothing. */
export function missStatus(rule: Rule, outcome: Outcome): ParticipantStatus {
  if (rule.kind === "rank" && outcome.kind === "rank") return rankMissStatus(rule, outcome);
  if (outcome.kind === "recognition") return outcome.shortlisted ? "shortlisted" : "not_shortlisted";
  return "not_reached";
}
