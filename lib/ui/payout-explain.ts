import type { Explanation, ParticipantResult } from "@/lib/domain/campaigns/evaluation";
import { kpiBetter } from "@/lib/domain/campaigns/kpi-info";
import { withRecordedLimits } from "@/lib/domain/campaigns/explain";
import { comparedValue } from "@/lib/domain/campaigns/values";
import { explainResult, type ExplainDeps, type ExplainLine } from "./campaign-explain";

/**
 * "Why this line" (SPEC §5–6): a payout line keeps the engine's explanation of the agent's result, not the result
 * itself, so the compared value and the awards after caps and budget are recovered from it (as explain.ts does to
 * prove an award) and the campaign screens' renderer words it. Null when the line has no explanation (an adjustment
 * from a dispute, which carries a reason instead).
 */
export function explainLine(explanation: Explanation | null, deps: ExplainDeps): ExplainLine[] | null {
  if (!explanation) return null;
  try {
    const e = explanation;
    const value = e.composite ? e.composite.score : comparedValue(e.compare, e.fairness.adjusted, e.reference, kpiBetter(e.metric));
    const awards = withRecordedLimits(e.awardsBeforeLimits, e);
    const result: ParticipantResult = {
      agent: "",
      name: "",
      value,
      n: e.inputs[0]?.n ?? 0,
      rank: e.outcome.kind === "rank" ? e.outcome.rank : null,
      awards,
      status: awards.length > 0 ? "awarded" : "not_enough_data",
      explanation: e,
    };
    return explainResult(result, deps);
  } catch {
    // A stored explanation from an older engine that no longer reads: the line still shows, without its why.
    return null;
  }
}
