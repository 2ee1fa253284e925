import type { Award } from "./document";
import { EvaluationError } from "./errors";
import type { Totals } from "./evaluation";

/** What a period costs: points, leave minutes, and cash per currency (currencies in code-unit order). */
export function totalsOf(awardLists: ReadonlyArray<readonly Award[]>): Totals {
  let points = 0;
  let leaveMinutes = 0;
  const cash = new Map<string, number>();
  for (const awards of awardLists) {
    for (const a of awards) {
      if (a.type === "points") points += a.amount;
      else if (a.type === "leave") leaveMinutes += a.minutes;
      else if (a.type === "cash") cash.set(a.currency, (cash.get(a.currency) ?? 0) + a.amountMinor);
    }
  }
  const sums = [points, leaveMinutes, ...cash.values()];
  if (!sums.every(Number.isSafeInteger)) throw new EvaluationError("the period's total is too large to count exactly");
  return { points, leaveMinutes, cash: Object.fromEntries([...cash.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}
