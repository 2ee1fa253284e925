import { mergeAwards, quantity, withQuantity } from "../awards";
import type { Award, RankRule } from "../document";
import { EvaluationError } from "../errors";
import type { Outcome, ParticipantStatus } from "../evaluation";
import { kpiBetter } from "../kpi-info";
import { byMaybeValue, byValue, competitionRanksBy } from "../ranking";

export type RankOutcome = Extract<Outcome, { kind: "rank" }>;
export type RankEntry = { agent: string; value: number; tiebreakValue?: number | null };

/**
 * rank: competition ranking (1, 1, 3) of the eligible participants by the compared value; prizes for positions
 * 1..top (prize i for position i). A tie group with rank r and k members occupies positions r..r+k−1:
 * - `share`: the tied agents split the prizes of the occupied positions: per divisible pile (points, leave minutes,
 *   cash per currency) the sum over the occupied positions that carry a prize, ÷ k, rounded down, the remainder to
 *   no one. A badge or reward on any occupied position goes to every tied agent (it cannot be split).
 * - `all`: each tied agent gets the prize of the best position they share (r). More than `top` agents can win when a
 *   tie straddles the boundary; nobody whose rank is beyond `top` wins.
 * - `tiebreak`: ties are ordered by the `tiebreak` KPI (raw, in its own direction, a missing value last); the ranks
 *   shown follow that order, and agents still tied share as in `share`.
 * `tiedWith` counts the other agents of the group (0 = alone); `positions` are all the positions it occupies.
 */
export function rankStandings(rule: RankRule, entries: readonly RankEntry[], direction: "higher" | "lower"): Map<string, RankOutcome> {
  checkRankRule(rule);
  const tbDirection = rule.ties === "tiebreak" ? kpiBetter(rule.tiebreak!) : "higher";
  const ranked = competitionRanksBy(entries, (a, b) => byValue(a.value, b.value, direction) || (rule.ties === "tiebreak" ? byMaybeValue(a.tiebreakValue, b.tiebreakValue, tbDirection) : 0));
  const groupSize = new Map<number, number>();
  for (const { rank } of ranked) groupSize.set(rank, (groupSize.get(rank) ?? 0) + 1);
  const out = new Map<string, RankOutcome>();
  for (const { item, rank } of ranked) {
    const k = groupSize.get(rank)!;
    out.set(item.agent, {
      kind: "rank",
      rank,
      tiedWith: k - 1,
      positions: Array.from({ length: k }, (_, i) => rank + i),
      ties: rule.ties,
      ...(rule.ties === "tiebreak" ? { tiebreakValue: item.tiebreakValue ?? null } : {}),
    });
  }
  return out;
}

/** The outcome of a participant who is not ranked (not enough data, no target/previous, a failed gate). */
export function unranked(rule: RankRule, tiebreakValue: number | null | undefined): RankOutcome {
  return { kind: "rank", rank: null, tiedWith: 0, positions: [], ties: rule.ties, ...(rule.ties === "tiebreak" ? { tiebreakValue: tiebreakValue ?? null } : {}) };
}

export function checkRankRule(rule: RankRule): void {
  if (!Number.isInteger(rule.top) || rule.top < 1) throw new EvaluationError("top must be a whole number of at least 1");
  if (!Array.isArray(rule.prizes)) throw new EvaluationError("a rank rule needs prizes");
  if (rule.ties !== "share" && rule.ties !== "all" && rule.ties !== "tiebreak") throw new EvaluationError(`unknown tie policy "${String(rule.ties)}"`);
  if (rule.ties === "tiebreak" && !rule.tiebreak) throw new EvaluationError("ties: tiebreak needs the tiebreak KPI");
  if (rule.ties === "tiebreak") kpiBetter(rule.tiebreak!); // unknown keys fail closed
}

function prizeAt(rule: RankRule, position: number): Award | undefined {
  return position >= 1 && position <= rule.top ? rule.prizes[position - 1] : undefined;
}

/** The awards of a participant occupying `positions` (with its tie group) under the rule's tie policy. */
export function rankAwards(rule: RankRule, positions: readonly number[]): Award[] {
  if (positions.length === 0) return [];
  if (rule.ties === "all") {
    const prize = prizeAt(rule, Math.min(...positions));
    return prize ? mergeAwards([prize]) : [];
  }
  const pooled = mergeAwards(positions.flatMap((p) => prizeAt(rule, p) ?? []));
  const k = positions.length;
  return pooled.flatMap((a) => {
    const q = quantity(a);
    if (q === null) return [a];
    const share = Math.floor(q / k);
    return share > 0 ? [withQuantity(a, share)] : [];
  });
}

/** Why a ranked rule paid nothing: beyond the prized positions, or a shared prize that rounded down to nothing. */
export function rankMissStatus(rule: RankRule, outcome: RankOutcome): ParticipantStatus {
  return outcome.positions.some((p) => prizeAt(rule, p)) ? "not_reached" : "outside_top";
}
