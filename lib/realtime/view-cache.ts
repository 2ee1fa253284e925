import type { Db } from "@/db/client";
import { ANY_ORG, changeBus, type ChangeBus } from "./changes";
import { existingFor, forget, perDatabase } from "./per-database";

/** A cached view is served as is for this long after it was computed. */
export const FRESH_MS = 1_000;
/**
 * Up to this age it is still served while a fresh one is computed in the background; older ones are recomputed
 * before answering. Changes that announce themselves (events, board edits) drop a view at once; the ages bound how
 * long a change that does not (a team membership, KPI settings) takes to show.
 */
export const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 1_000;

type Entry = { orgId: string; value: Promise<unknown>; at: number; refreshing: boolean };
export type ViewCacheOptions = { freshMs?: number; maxAgeMs?: number; maxEntries?: number; now?: () => number };

/**
 * A small in-process cache of computed views (a 10,000-agent board costs a few hundred milliseconds to rank; reading
 * it should not). Concurrent misses share one computation; a change in an organization drops its views at once, so
 * a read after an accepted event (on this instance; others hear of it by NOTIFY) sees the event.
 */
export class ViewCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every change, per organization and for all: a computation that started before it is not stored. */
  private readonly generations = new Map<string, number>();
  private allGeneration = 0;
  private readonly freshMs: number;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly off: () => void;
  readonly stats = { hits: 0, stale: 0, misses: 0, invalidations: 0 };

  constructor(bus: ChangeBus, options: ViewCacheOptions = {}) {
    this.freshMs = options.freshMs ?? FRESH_MS;
    this.maxAgeMs = options.maxAgeMs ?? MAX_AGE_MS;
    this.maxEntries = options.maxEntries ?? MAX_ENTRIES;
    this.now = options.now ?? (() => performance.now());
    this.off = bus.on((orgId) => this.invalidate(orgId));
  }

  get size(): number {
    return this.entries.size;
  }

  /** The view under (orgId, key), computing it when missing or too old. Callers authorize before asking. */
  get<T>(orgId: string, key: string, compute: () => Promise<T>): Promise<T> {
    const id = `${orgId}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry) {
      const age = this.now() - entry.at;
      if (age < this.freshMs) {
        this.stats.hits++;
        return entry.value as Promise<T>;
      }
      if (age < this.maxAgeMs) {
        this.stats.stale++;
        if (!entry.refreshing) this.refresh(id, entry, compute);
        return entry.value as Promise<T>;
      }
    }
    this.stats.misses++;
    return this.fill(id, orgId, compute);
  }

  invalidate(orgId: string): void {
    this.stats.invalidations++;
    if (orgId === ANY_ORG) {
      this.allGeneration++;
      this.entries.clear();
      return;
    }
    this.generations.set(orgId, (this.generations.get(orgId) ?? 0) + 1);
    for (const [id, entry] of this.entries) if (entry.orgId === orgId) this.entries.delete(id);
  }

  close(): void {
    this.off();
    this.entries.clear();
  }

  private generation(orgId: string): string {
    return `${this.allGeneration}:${this.generations.get(orgId) ?? 0}`;
  }

  private fill<T>(id: string, orgId: string, compute: () => Promise<T>): Promise<T> {
    const value = compute();
    const entry: Entry = { orgId, value, at: this.now(), refreshing: false };
    this.store(id, entry);
    value.catch(() => {
      if (this.entries.get(id) === entry) this.entries.delete(id); // errors are not cached
    });
    return value;
  }

  private refresh<T>(id: string, entry: Entry, compute: () => Promise<T>): void {
    entry.refreshing = true;
    const generation = this.generation(entry.orgId);
    const at = this.now();
    compute().then(
      (value) => {
        if (this.entries.get(id) === entry && this.generation(entry.orgId) === generation) this.store(id, { orgId: entry.orgId, value: Promise.resolve(value), at, refreshing: false });
      },
      (err: unknown) => {
        entry.refreshing = false;
        if (this.entries.get(id) === entry) this.entries.delete(id);
        console.error("[podium] realtime: refreshing a cached view failed", err);
      },
    );
  }

  private store(id: string, entry: Entry): void {
    this.entries.delete(id); // re-inserted at the end: the oldest entry is the first one
    this.entries.set(id, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * The cache of a database, when the server enabled it (startRealtime); otherwise null and views are computed on every
 * read. Scripts and tests that call operations directly read straight from the database.
 */
export function viewCacheOf(db: Db): ViewCache | null {
  return existingFor<ViewCache>("views", db) ?? null;
}

export function enableViewCache(db: Db, options?: ViewCacheOptions): ViewCache {
  return perDatabase("views", db, () => new ViewCache(changeBus(db), options));
}

export function disableViewCache(db: Db): void {
  existingFor<ViewCache>("views", db)?.close();
  forget("views", db);
}

/** `compute()` through the database's view cache when it is enabled. */
export function cachedView<T>(db: Db, orgId: string, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = viewCacheOf(db);
  return cache ? cache.get(orgId, key, compute) : compute();
}
