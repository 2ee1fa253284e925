import type { Db } from "@/db/client";
import { ANY_ORG, changeBus, type ChangeBus } from "./changes";
import { existingFor, forget, perDatabase } from "./per-database";

/**
 * A cached view is served as is for this long after it was computed, or for 20 times as long as computing it took,
 * whichever is longer: a 10,000-agent board that takes most of a second to rank is refreshed every 15 s or so, not
 * every second (which would keep a core busy just refreshing).
 */
export const FRESH_MS = 1_000;
const FRESH_PER_COMPUTE_MS = 20;
/**
 * Up to this age (or twice the fresh time, whichever is longer) it is still served while a fresh one is computed in
 * the background; older ones are recomputed before answering. Changes that announce themselves (events, board edits,
 * revoked links) drop a view at once; these ages bound how long a change that does not (a team membership, KPI
 * settings) takes to show.
 */
export const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 1_000;

type Entry = {
  orgId: string;
  value: Promise<unknown>;
  /** The value once computed, for `valid` checks. */
  resolved?: { value: unknown };
  at: number;
  freshUntil: number;
  staleUntil: number;
  refreshing: boolean;
};
export type ViewCacheOptions = { freshMs?: number; maxAgeMs?: number; maxEntries?: number; now?: () => number };

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

  /**
   * The view under (orgId, key), computing it when missing, too old, or no longer `valid` (say, computed for another
   * day). Callers authorize before asking: the key is only ever looked up within the caller's own organization.
   */
  get<T>(orgId: string, key: string, compute: () => Promise<T>, valid: (value: T) => boolean = () => true): Promise<T> {
    const id = `${orgId}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry && (!entry.resolved || valid(entry.resolved.value as T))) {
      const now = this.now();
      if (now < entry.freshUntil || !entry.resolved) {
        this.stats.hits++;
        return entry.value as Promise<T>;
      }
      if (now < entry.staleUntil) {
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
    const at = this.now();
    const value = compute();
    const entry: Entry = { orgId, value, at, freshUntil: Infinity, staleUntil: Infinity, refreshing: false };
    this.store(id, entry);
    value.then(
      (v) => this.settle(entry, v, at),
      () => {
        if (this.entries.get(id) === entry) this.entries.delete(id); // errors are not cached
      },
    );
    return value;
  }

  private refresh<T>(id: string, entry: Entry, compute: () => Promise<T>): void {
    entry.refreshing = true;
    const generation = this.generation(entry.orgId);
    const at = this.now();
    compute().then(
      (value) => {
        if (this.entries.get(id) !== entry || this.generation(entry.orgId) !== generation) return;
        const next: Entry = { orgId: entry.orgId, value: Promise.resolve(value), at, freshUntil: 0, staleUntil: 0, refreshing: false };
        this.settle(next, value, at);
        this.store(id, next);
      },
      (err: unknown) => {
        entry.refreshing = false;
        if (this.entries.get(id) === entry) this.entries.delete(id);
        console.error("[podium] realtime: refreshing a cached view failed", err);
      },
    );
  }

  /** Computed: how long it stays fresh depends on how long it took. */
  private settle(entry: Entry, value: unknown, at: number): void {
    const fresh = Math.max(this.freshMs, FRESH_PER_COMPUTE_MS * (this.now() - at));
    entry.resolved = { value };
    entry.freshUntil = at + fresh;
    entry.staleUntil = at + Math.max(this.maxAgeMs, 2 * fresh);
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

/** `compute()` through the database's view cache when it is enabled (see ViewCache.get). */
export function cachedView<T>(db: Db, orgId: string, key: string, compute: () => Promise<T>, valid?: (value: T) => boolean): Promise<T> {
  const cache = viewCacheOf(db);
  return cache ? cache.get(orgId, key, compute, valid) : compute();
}
