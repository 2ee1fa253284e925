import { awardKey, cleanAward, compareAwards, quantity, withQuantity } from "./awards";
import type { Award, Budget } from "./document";
import { EvaluationError } from "./errors";
import type { Explanation } from "./evaluation";

export type CapRecord = Explanation["caps"][number];
export type BudgetRecord = NonNullable<Explanation["budget"]>;

/**
 * Caps (`capPerAgent`, per agent per period): an agent's total of a pile — points `amount`, leave `minutes`, cash
 * `amountMinor` of one currency — is reduced to the cap. A cap is recorded (cap, before, after) for every pile the
 * agent earned, reduced or not. Badges and rewards cannot be capped; a cap on them, or two caps on one pile, fails
 * closed.
 */
export function capRecords(awards: readonly Award[], caps: readonly Award[] | undefined): CapRecord[] {
  const clean = (caps ?? []).map(cleanAward).sort(compareAwards);
  const seen = new Set<string>();
  const records: CapRecord[] = [];
  for (const cap of clean) {
    const key = awardKey(cap);
    if (quantity(cap) === null) throw new EvaluationError(`a ${cap.type} cannot be capped`);
    if (seen.has(key)) throw new EvaluationError(`${key} is capped twice`);
    seen.add(key);
    const earned = awards.find((a) => awardKey(a) === key);
    if (!earned) continue;
    const before = quantity(earned)!;
    const limit = quantity(cap)!;
    records.push({ type: cap.type, ...(cap.type === "cash" ? { currency: cap.currency } : {}), cap: limit, before, after: Math.min(before, limit) });
  }
  return records;
}

/** Applies recorded caps: each pile becomes min(amount, cap). */
export function applyCaps(awards: readonly Award[], records: readonly CapRecord[]): Award[] {
  return awards.map((a) => {
    const record = records.find((r) => (r.type === "cash" ? `cash:${r.currency}` : r.type) === awardKey(a));
    return record ? withQuantity(a, Math.min(quantity(a)!, record.cap)) : a;
  });
}

/**
 * Budget (per currency, on cash of that currency after caps). When the total requested fits, nothing changes.
 * - `prorate`: each amount becomes ⌊amount × budget ÷ requested⌋, in exact integer (BigInt) arithmetic; the sum of
 *   floors never exceeds the budget, and the crumbs are left unpaid.
 * - `rank_order`: paid in result order (best rank first, then agent id), each min(amount, what is left).
 * Each participant with cash of the currency gets a record; rank_order also records what was left at their turn.
 */
export function budgetRecords(inOrder: ReadonlyArray<{ agent: string; awards: readonly Award[] }>, budget: Budget | undefined): Map<string, BudgetRecord> {
  const out = new Map<string, BudgetRecord>();
  if (!budget) return out;
  if (typeof budget.currency !== "string" || budget.currency === "") throw new EvaluationError("the budget needs a currency");
  if (!Number.isSafeInteger(budget.amountMinor) || budget.amountMinor < 0) throw new EvaluationError("the budget must be a whole number of minor units of at least 0");
  if (budget.policy !== "prorate" && budget.policy !== "rank_order") throw new EvaluationError(`unknown budget policy "${String(budget.policy)}"`);
  const key = `cash:${budget.currency}`;
  const asked = inOrder.flatMap(({ agent, awards }) => {
    const cash = awards.find((a) => awardKey(a) === key);
    return cash ? [{ agent, before: quantity(cash)! }] : [];
  });
  const requested = asked.reduce((s, a) => s + BigInt(a.before), 0n);
  if (requested > BigInt(Number.MAX_SAFE_INTEGER)) throw new EvaluationError(`the ${budget.currency} requested is too large to pay exactly`);
  let remaining = budget.amountMinor;
  for (const { agent, before } of asked) {
    const record: BudgetRecord = { currency: budget.currency, policy: budget.policy, budgetMinor: budget.amountMinor, requestedMinor: Number(requested), before, after: 0 };
    if (budget.policy === "rank_order") record.remainingMinor = remaining;
    record.after = budgetAfter(before, record);
    remaining -= record.after;
    out.set(agent, record);
  }
  return out;
}

/** One participant's cash after the budget, from its record alone. */
export function budgetAfter(before: number, record: BudgetRecord): number {
  if (record.requestedMinor <= record.budgetMinor) return before;
  if (record.policy === "prorate") return Number((BigInt(before) * BigInt(record.budgetMinor)) / BigInt(record.requestedMinor));
  return Math.min(before, record.remainingMinor ?? 0);
}

/** Applies a budget record to a participant's awards; cash that drops to 0 is removed. */
export function applyBudget(awards: readonly Award[], record: BudgetRecord | undefined): Award[] {
  if (!record) return [...awards];
  return awards.flatMap((a) => {
    if (awardKey(a) !== `cash:${record.currency}`) return [a];
    const after = budgetAfter(quantity(a)!, record);
    return after > 0 ? [withQuantity(a, after)] : [];
  });
}
