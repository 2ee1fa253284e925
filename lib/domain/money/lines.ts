import type { Award, AwardType } from "../campaigns/document";
import type { Explanation, ParticipantResult } from "../campaigns/evaluation";
import { amountOf } from "./ledger";

/**
 * What a payout line is made of before it is stored: one per agent × award type × currency (× badge or reward) of a
 * campaign in a closed range. Awards of the same key add up on one line: two prizes of one period, or the periods of
 * a campaign that recurs inside the range (the weeks of a month), whose last one explains the line.
 */
export type LineDraft = {
  agent: string; // externalId
  awardType: AwardType;
  amount: number;
  currency: string | null;
  label: string | null;
  explanation: Explanation | null;
};

export const lineKey = (l: { agent: string; awardType: string; currency: string | null; label: string | null }) =>
  `${l.agent}\u0000${l.awardType}\u0000${l.currency ?? ""}\u0000${l.label ?? ""}`;

export function labelOf(award: Award): string | null {
  return award.type === "badge" ? award.badge : award.type === "reward" ? award.rewardId : null;
}

/** The award lines of one campaign's results (of one or more periods, in order), in a stable order (agent, type, currency, label). */
export function awardLines(results: readonly ParticipantResult[]): LineDraft[] {
  const byKey = new Map<string, LineDraft>();
  for (const r of results) {
    for (const award of r.awards) {
      const draft: LineDraft = {
        agent: r.agent,
        awardType: award.type,
        amount: amountOf(award),
        currency: award.type === "cash" ? award.currency : null,
        label: labelOf(award),
        explanation: r.explanation,
      };
      const key = lineKey(draft);
      const seen = byKey.get(key);
      byKey.set(key, seen ? { ...draft, amount: seen.amount + draft.amount } : draft);
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, l]) => l);
}

/** What has been paid for a key so far: the award line plus every adjustment of it (approved or pending). */
export type PaidSoFar = { agent: string; awardType: AwardType; currency: string | null; label: string | null; amount: number };

/**
 * Late data (SPEC §6): re-evaluating a closed period with the same rule versions gives `recomputed`; each key whose
 * amount differs from what was already awarded gets one adjustment of the difference (positive or negative). Badges
 * and rewards are not amounts: one newly earned is an adjustment of +1, one no longer earned −1.
 */
export function adjustmentDrafts(recomputed: readonly LineDraft[], paid: readonly PaidSoFar[]): LineDraft[] {
  const paidByKey = new Map<string, number>();
  for (const p of paid) paidByKey.set(lineKey(p), (paidByKey.get(lineKey(p)) ?? 0) + p.amount);
  const out: LineDraft[] = [];
  const seen = new Set<string>();
  for (const line of recomputed) {
    const key = lineKey(line);
    seen.add(key);
    const diff = line.amount - (paidByKey.get(key) ?? 0);
    if (diff !== 0) out.push({ ...line, amount: diff });
  }
  for (const p of paid) {
    const key = lineKey(p);
    if (seen.has(key)) continue;
    seen.add(key);
    const total = paidByKey.get(key) ?? 0;
    if (total !== 0) out.push({ agent: p.agent, awardType: p.awardType, currency: p.currency, label: p.label, amount: -total, explanation: null });
  }
  return out.sort((a, b) => (lineKey(a) < lineKey(b) ? -1 : lineKey(a) > lineKey(b) ? 1 : 0));
}
