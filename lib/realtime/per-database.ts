/**
 * One realtime object (change bus, board hub, view cache) per open database. Kept on globalThis because Next.js
 * bundles route handlers, pages and instrumentation separately: without it, the ingest route and a stream route
 * could each get their own bus and never hear each other. Keyed by the database object, so two databases opened in
 * one process (the two-instance test) stay as separate as two processes would be.
 */
const g = globalThis as unknown as { __podiumRealtime?: Map<string, WeakMap<object, unknown>> };
const registry: Map<string, WeakMap<object, unknown>> = (g.__podiumRealtime ??= new Map());

export function perDatabase<T>(kind: string, db: object, create: () => T): T {
  let byDb = registry.get(kind);
  if (!byDb) registry.set(kind, (byDb = new WeakMap()));
  let value = byDb.get(db) as T | undefined;
  if (value === undefined) byDb.set(db, (value = create()));
  return value;
}

/** The existing object, without creating one. */
export function existingFor<T>(kind: string, db: object): T | undefined {
  return registry.get(kind)?.get(db) as T | undefined;
}

export function forget(kind: string, db: object): void {
  registry.get(kind)?.delete(db);
}
