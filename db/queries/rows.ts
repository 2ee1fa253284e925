/**
 * `db.execute` returns `{ rows }` on PGlite and an array on postgres.js; raw queries read their rows through this.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** A canonical UUID: ids from a URL are checked before they reach a uuid column (which would refuse them with a 500). */
export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/**
 * Rows in chunks of `size`, each as one JSON text (dates as ISO strings), for bulk inserts that the database unpacks
 * with jsonb_to_recordset: building a VALUES list per row costs more than the insert itself.
 */
export function* jsonChunks(rows: readonly unknown[], size: number): Generator<string> {
  for (let i = 0; i < rows.length; i += size) yield JSON.stringify(rows.slice(i, i + size), (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v));
}
