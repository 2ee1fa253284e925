import type { Award } from "./document";
import { EvaluationError } from "./errors";

/**
 * Award arithmetic. Amounts are whole numbers (points, leave minutes, cash minor units); anything else in a stored
 * rule is refused rather than rounded, and a product or sum beyond 2^53 is refused rather than silently losing
 * precision.
 */

function amount(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new EvaluationError(`${what} must be a whole number of at least 0, not ${n}`);
  return n;
}

/**
 * A fresh copy with its fields in one fixed order: output bytes must not depend on the key order of the stored rule.
 */
export function cleanAward(a: Award): Award {
  switch (a.type) {
    case "points":
      return { type: "points", amount: amount(a.amount, "points amount") };
    case "leave":
      return { type: "leave", minutes: amount(a.minutes, "leave minutes") };
    case "cash":
      if (typeof a.currency !== "string" || a.currency === "") throw new EvaluationError("a cash award needs a currency");
      return { type: "cash", amountMinor: amount(a.amountMinor, "cash amountMinor"), currency: a.currency };
    case "badge":
      return { type: "badge", badge: a.badge };
    case "reward":
      return { type: "reward", rewardId: a.rewardId };
    default:
      throw new EvaluationError(`unknown award type "${(a as { type: unknown }).type}"`);
  }
}

/** The divisible quantity of an award (points, minutes, minor units), or null for a badge or a reward. */
export function quantity(a: Award): number | null {
  if (a.type === "points") return a.amount;
  if (a.type === "leave") return a.minutes;
  if (a.type === "cash") return a.amountMinor;
  return null;
}

/** The same award with another quantity (badges and rewards are returned as they are). */
export function withQuantity(a: Award, q: number): Award {
  if (a.type === "points") return { type: "points", amount: q };
  if (a.type === "leave") return { type: "leave", minutes: q };
  if (a.type === "cash") return { type: "cash", amountMinor: q, currency: a.currency };
  return a;
}

/** Points, leave, and cash per currency are summed separately: this says which pile an award goes on. */
export function awardKey(a: Award): string {
  if (a.type === "cash") return `cash:${a.currency}`;
  if (a.type === "badge") return `badge:${a.badge}`;
  if (a.type === "reward") return `reward:${a.rewardId}`;
  return a.type;
}

function product(a: number, b: number): number {
  const p = a * b;
  if (!Number.isSafeInteger(p)) throw new EvaluationError(`an award of ${a} × ${b} is too large to pay exactly`);
  return p;
}

/**
 * An award earned `times` times (units, streaks): divisible amounts are multiplied; a badge or a reward is given once
 * when earned at least once — a title is held, not counted, and a catalogue item is one claim. Null for 0 times.
 */
export function timesAward(a: Award, times: number): Award | null {
  if (times <= 0) return null;
  const clean = cleanAward(a);
  const q = quantity(clean);
  return q === null ? clean : withQuantity(clean, product(q, times));
}

const TYPE_ORDER: Record<Award["type"], number> = { points: 0, leave: 1, cash: 2, badge: 3, reward: 4 };

/** The fixed output order: points, leave, cash by currency, badges by name, rewards by id (code-unit order). */
export function compareAwards(a: Award, b: Award): number {
  const t = TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
  if (t !== 0) return t;
  const ka = awardKey(a);
  const kb = awardKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * One award per pile: points, leave and cash per currency are summed; the same badge or reward appears once (held,
 * not counted). Zero amounts are dropped. Sorted in the fixed output order.
 */
export function mergeAwards(list: ReadonlyArray<Award>): Award[] {
  const piles = new Map<string, Award>();
  for (const raw of list) {
    const a = cleanAward(raw);
    const key = awardKey(a);
    const prev = piles.get(key);
    const q = quantity(a);
    if (prev && q !== null) {
      const sum = quantity(prev)! + q;
      if (!Number.isSafeInteger(sum)) throw new EvaluationError(`a total of ${key} is too large to pay exactly`);
      piles.set(key, withQuantity(prev, sum));
    } else if (!prev) piles.set(key, a);
  }
  return [...piles.values()].filter((a) => quantity(a) !== 0).sort(compareAwards);
}
