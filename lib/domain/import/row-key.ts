import type { EventType } from "../events";
import { isBlank, type ImportCell } from "./values";

/**
 * What identifies a row of a file that has no id column: the event type and every non-blank cell by its header
 * (sorted, so reordered columns change nothing). The server hashes it into the event id, which makes importing the
 * same file again change nothing. The whole row counts, not only the mapped cells, so correcting a mapping and
 * importing again cannot count a row twice.
 */
export function rowContentKey(type: EventType, headers: readonly string[], cells: readonly ImportCell[]): string {
  const pairs: [string, string | number][] = [];
  headers.forEach((header, i) => {
    const cell = cells[i];
    if (isBlank(cell)) return;
    pairs.push([header, typeof cell === "string" ? cell.trim() : cell.serial]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify([type, pairs]);
}

/**
 * For each row, how many rows with the same key came before it, plus one. Identical rows in one file are separate
 * events (two calls of the same length in the same minute), told apart by this occurrence number.
 */
export function occurrences(keys: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  });
}
