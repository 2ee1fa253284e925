import type { KpiValue } from "../kpis";
import type { Award, Rule } from "./document";
import { checkRule } from "./check";
import { EvaluationError } from "./errors";
import type { EvaluationInput, EvaluationResult, Explanation, GateCheck, Outcome, ParticipantResult, ParticipantStatus } from "./evaluation";
import { checkGates } from "./gates";
import { readKpi } from "./kpi-info";
import { applyBudget, applyCaps, budgetRecords, capRecords } from "./limits";
import { competitionRanks } from "./ranking";
import { missStatus, outcomeAwards } from "./rules";
import { perUnitOutcome } from "./rules/per-unit";
import { rankStandings, unranked } from "./rules/rank";
import { recognitionOutcome } from "./rules/recognition";
import { streakOutcome } from "./rules/streak";
import { thresholdOutcome } from "./rules/threshold";
import { tieredOutcome } from "./rules/tiered";
import { totalsOf } from "./totals";
import { rankDirection, valueParticipants, type Valued } from "./values";

export { EvaluationError } from "./errors";

/**
 * The rules engine (SPEC §5): a pure function of (document, KPI values, participants, period). The same input gives
 * byte-identical output, whatever the order of the participants or the key order of any object in the input:
 * participants are taken in agent-id order (code units), composite weights in key order, awards are rebuilt with
 * fixed field order, and every sum runs in one order.
 *
 * Steps, each in its own file: value (values.ts, composite.ts) → gates (gates.ts) → rank among the eligible
 * (ranking.ts) → the rule kind's outcome and awards (rules/) → caps, then budget (limits.ts) → totals (totals.ts).
 *
 * Eligible = enough data, a target/previous value when compare needs one, and every gate passed. Only eligible
 * participants are ranked and paid; the others get their outcome recorded all the same (what they would have
 * reached), so the explanation can say "you reached 92 % but the CSAT gate failed".
 *
 * Status precedence: not_enough_data → no_target / no_previous → gate_failed → the rule's miss (not_reached,
 * outside_top, shortlisted, not_shortlisted) → budget_exhausted (earned something, the budget left nothing) →
 * awarded. Results are sorted by rank (unranked last), then agent id; `rank` is the competition rank by the compared
 * value among eligible participants for every rule kind (for rank rules, the rank shown after any tiebreak).
 */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const { document } = input;
  const rule = document.rule;
  checkRule(rule);
  const people = sortedParticipants(input.participants);
  const valued = valueParticipants(rule, people, input.kpis, input.previous?.kpis);
  const gates = new Map(people.map(({ agent }) => [agent, checkGates(rule.gates, agent, input.kpis)]));
  const isEligible = (v: Valued) => v.blocked === null && v.value !== null && gates.get(v.agent)!.every((g) => g.passed);
  const eligible = valued.filter(isEligible);
  const { ranks, outcomes } = outcomesOf(rule, input, valued, eligible);

  const earned = valued.map((v) => {
    const outcome = outcomes.get(v.agent)!;
    const awardsBeforeLimits = isEligible(v) ? outcomeAwards(rule, outcome) : [];
    const caps = capRecords(awardsBeforeLimits, document.capPerAgent);
    return { v, rank: ranks.get(v.agent) ?? null, outcome, awardsBeforeLimits, caps, capped: applyCaps(awardsBeforeLimits, caps) };
  });
  earned.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.v.agent < b.v.agent ? -1 : a.v.agent > b.v.agent ? 1 : 0));
  const budgets = budgetRecords(
    earned.map((e) => ({ agent: e.v.agent, awards: e.capped })),
    document.budget,
  );

  const results: ParticipantResult[] = earned.map(({ v, rank, outcome, awardsBeforeLimits, caps, capped }) => {
    const budget = budgets.get(v.agent);
    const awards = applyBudget(capped, budget);
    const checks = gates.get(v.agent)!;
    const explanation: Explanation = {
      kind: rule.kind,
      metric: rule.metric,
      compare: v.compare,
      inputs: v.inputs,
      ...(v.reference ? { reference: v.reference } : {}),
      fairness: v.fairness,
      ...(v.composite ? { composite: v.composite } : {}),
      gates: checks,
      outcome,
      awardsBeforeLimits,
      caps,
      ...(budget ? { budget } : {}),
    };
    return { agent: v.agent, name: v.name, value: v.value, n: v.n, rank, awards, status: statusOf(rule, v, checks, outcome, awardsBeforeLimits, awards), explanation };
  });
  return { period: { from: input.period.from, to: input.period.to }, results, totals: totalsOf(results.map((r) => r.awards)) };
}

function sortedParticipants(list: EvaluationInput["participants"]): Array<{ agent: string; name: string }> {
  const people = list.map((p) => ({ agent: p.agent, name: p.name }));
  people.sort((a, b) => (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
  people.forEach((p, i) => {
    if (typeof p.agent !== "string" || p.agent === "") throw new EvaluationError("a participant has no agent id");
    if (i > 0 && people[i - 1]!.agent === p.agent) throw new EvaluationError(`participant ${p.agent} is listed twice`);
  });
  return people;
}

/** Each participant's rank and the rule kind's outcome. */
function outcomesOf(rule: Rule, input: EvaluationInput, valued: readonly Valued[], eligible: readonly Valued[]) {
  const ranks = new Map<string, number | null>();
  const outcomes = new Map<string, Outcome>();
  const direction = rankDirection(rule);
  if (rule.kind === "rank") {
    const tiebreakOf = (agent: string) => (rule.ties === "tiebreak" ? readKpi(input.kpis, agent, rule.tiebreak!).value : undefined);
    const standings = rankStandings(rule, eligible.map((v) => ({ agent: v.agent, value: v.value!, tiebreakValue: tiebreakOf(v.agent) })), direction);
    for (const v of valued) {
      const outcome = standings.get(v.agent) ?? unranked(rule, tiebreakOf(v.agent));
      ranks.set(v.agent, outcome.rank);
      outcomes.set(v.agent, outcome);
    }
    return { ranks, outcomes };
  }
  for (const { item, rank } of competitionRanks(eligible.map((v) => ({ agent: v.agent, value: v.value! })), direction)) ranks.set(item.agent, rank);
  const subPeriods = rule.kind === "streak" ? sortedSubPeriods(input) : [];
  const picks = new Set(input.picks ?? []);
  for (const v of valued) {
    const rank = ranks.get(v.agent) ?? null;
    let outcome: Outcome;
    if (rule.kind === "threshold") outcome = thresholdOutcome(rule, v.value);
    else if (rule.kind === "tiered") outcome = tieredOutcome(rule, v.value);
    else if (rule.kind === "per_unit") outcome = perUnitOutcome(rule, v.value);
    else if (rule.kind === "streak") outcome = streakOutcome(rule, subPeriods.map((s): KpiValue => readKpi(s.kpis, v.agent, rule.condition.metric)));
    else outcome = recognitionOutcome(rule, rank, picks.has(v.agent));
    outcomes.set(v.agent, outcome);
  }
  return { ranks, outcomes };
}

/** Streak sub-periods in calendar order (by their first day, whatever order they came in). */
function sortedSubPeriods(input: EvaluationInput): NonNullable<EvaluationInput["subPeriods"]> {
  if (!input.subPeriods) throw new EvaluationError("a streak rule needs the condition's KPI per day or week (subPeriods)");
  return [...input.subPeriods].sort((a, b) => (a.period.from < b.period.from ? -1 : a.period.from > b.period.from ? 1 : 0));
}

function statusOf(rule: Rule, v: Valued, gates: readonly GateCheck[], outcome: Outcome, before: readonly Award[], after: readonly Award[]): ParticipantStatus {
  if (v.blocked) return v.blocked;
  if (!gates.every((g) => g.passed)) return "gate_failed";
  if (before.length === 0) return missStatus(rule, outcome);
  return after.length === 0 ? "budget_exhausted" : "awarded";
}
