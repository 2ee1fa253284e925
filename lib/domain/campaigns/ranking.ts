/**
 * Competition ranking ("1, 1, 3"): tied items share the best rank of their group and the next group's rank skips the
 * places they took. Generic, so leaderboards can rank the same way rules do.
 */
export type Ranked<T> = { item: T; rank: number };

/**
 * Ranks by a comparator (negative: `a` ranks before `b`; 0: tied). Returns the items best first; tied items keep
 * their input order (the sort is stable), so sort the input by id first for a deterministic output.
 */
export function competitionRanksBy<T>(items: readonly T[], compare: (a: T, b: T) => number): Array<Ranked<T>> {
  const sorted = [...items].sort(compare);
  const out: Array<Ranked<T>> = [];
  sorted.forEach((item, i) => {
    const prev = out[i - 1];
    out.push({ item, rank: prev && compare(prev.item, item) === 0 ? prev.rank : i + 1 });
  });
  return out;
}

/** Ranks items by `value`, highest first for "higher" and lowest first for "lower". */
export function competitionRanks<T extends { value: number }>(items: readonly T[], direction: "higher" | "lower"): Array<Ranked<T>> {
  return competitionRanksBy(items, (a, b) => byValue(a.value, b.value, direction));
}

/** Comparator of two values by direction; ties are 0. */
export function byValue(a: number, b: number, direction: "higher" | "lower"): number {
  if (a === b) return 0;
  return (direction === "higher" ? a > b : a < b) ? -1 : 1;
}

/** Comparator of two possibly missing values: missing values sort last and tie with each other. */
export function byMaybeValue(a: number | null | undefined, b: number | null | undefined, direction: "higher" | "lower"): number {
  const am = a === null || a === undefined;
  const bm = b === null || b === undefined;
  if (am || bm) return am === bm ? 0 : am ? 1 : -1;
  return byValue(a, b, direction);
}
