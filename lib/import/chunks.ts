import type { EventType } from "@/lib/domain/events";
import { occurrences, rowContentKey } from "@/lib/domain/import/row-key";
import type { ImportCell } from "@/lib/domain/import/values";
import type { ParsedRow } from "./parse-file";

/** What one import call carries per row: its line, its cells, and which copy of an identical row it is. */
export type ImportRowInput = { line: number; cells: ImportCell[]; occurrence: number };

export const IMPORT_LIMITS = {
  /** The largest file the import page reads: it is parsed in the browser, whole. */
  uploadBytes: 10 * 1024 * 1024,
  /** Rows per file in the UI; the CLI allows more. */
  rows: 100_000,
  /** Rows per server call: small enough for a progress bar that moves, large enough to be quick. */
  chunkRows: 500,
  /** Bytes per server call, under Next.js's 1 MB default limit for server action bodies. */
  chunkBytes: 512 * 1024,
} as const;

/** Numbers identical rows across the whole file (not per chunk), so their derived ids stay the same on every import. */
export function withOccurrences(type: EventType, headers: readonly string[], rows: readonly ParsedRow[]): ImportRowInput[] {
  const counts = occurrences(rows.map((r) => rowContentKey(type, headers, r.cells)));
  return rows.map((r, i) => ({ line: r.line, cells: r.cells, occurrence: counts[i]! }));
}

/** Consecutive chunks of at most `maxRows` rows and (approximately, as JSON) `maxBytes` bytes; a huge row goes alone. */
export function chunkRows<T>(rows: readonly T[], limits: { maxRows: number; maxBytes: number }): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length + 1;
    if (current.length > 0 && (current.length >= limits.maxRows || bytes + size > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
