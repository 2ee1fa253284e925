import type { Db } from "@/db/client";
import type { ApiKeyActor } from "@/lib/auth/actor";
import { ANY_KEY, changeBus, type ChangeBus } from "./changes";
import { existingFor, forget, perDatabase } from "./per-database";

/**
 * How long an authenticated key is trusted without asking the database again. Revocations drop a key at once (in this
 * process directly, in others through REVOCATIONS_CHANNEL); this is only the safety net for one that announced
 * nothing (a row changed by hand, a NOTIFY lost without the LISTEN connection noticing).
 */
export const KEY_TTL_MS = 30_000;
/** Bounds the memory a flood of distinct valid keys could take; the oldest entry goes first. */
const MAX_KEYS = 10_000;

/** A cached key: its actor and when its "last used" was last written (or known to be recent). */
export type CachedKey = { readonly actor: ApiKeyActor; lastUsedAt: Date | null };
type Entry = CachedKey & { expiresAt: number };

export type ApiKeyCacheOptions = { ttlMs?: number; maxKeys?: number; now?: () => number };

/**
 * Authenticated API keys of one database, by the SHA-256 of the key: a keyed API call costs no query while its key is
 * cached (the SELECT on api_keys was the largest fixed cost of every /api/v1 call). Unknown and revoked keys are never
 * cached: they always reach the database.
 */
export class ApiKeyCache {
  private readonly byHash = new Map<string, Entry>();
  private readonly hashByKeyId = new Map<string, string>();
  /**
   * Bumped by every revocation. A lookup that read the database before a revocation may finish after it: it takes the
   * generation before reading, and its result is not stored when a revocation came in between (it could be the very
   * key just revoked, which would then live on until its TTL).
   */
  private revocations = 0;
  private readonly ttlMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private readonly off: () => void;
  readonly stats = { hits: 0, misses: 0, revoked: 0 };

  constructor(bus: ChangeBus, options: ApiKeyCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? KEY_TTL_MS;
    this.maxKeys = options.maxKeys ?? MAX_KEYS;
    this.now = options.now ?? Date.now;
    this.off = bus.onRevocation((keyId) => this.revoke(keyId));
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The generation to pass to `store` for a database read that starts now. */
  get generation(): number {
    return this.revocations;
  }

  /** The cached key with this hash, unless it expired. */
  get(hash: string): CachedKey | undefined {
    const entry = this.byHash.get(hash);
    if (entry && this.now() < entry.expiresAt) {
      this.stats.hits++;
      return entry;
    }
    if (entry) this.delete(hash, entry);
    this.stats.misses++;
    return undefined;
  }

  /**
   * Caches a key read from the database when its read began at `generation`; returns the entry to use either way (not
   * stored when a revocation came in meanwhile).
   */
  store(hash: string, key: CachedKey, generation: number): CachedKey {
    const entry: Entry = { ...key, expiresAt: this.now() + this.ttlMs };
    if (generation !== this.revocations) return entry;
    const old = this.byHash.get(hash);
    if (old) this.delete(hash, old);
    this.byHash.set(hash, entry);
    this.hashByKeyId.set(entry.actor.keyId, hash);
    if (this.byHash.size > this.maxKeys) {
      const [oldestHash, oldest] = this.byHash.entries().next().value!;
      this.delete(oldestHash, oldest);
    }
    return entry;
  }

  /** Drops a revoked key (ANY_KEY: every key). */
  revoke(keyId: string): void {
    this.revocations++;
    this.stats.revoked++;
    if (keyId === ANY_KEY) {
      this.byHash.clear();
      this.hashByKeyId.clear();
      return;
    }
    const hash = this.hashByKeyId.get(keyId);
    const entry = hash === undefined ? undefined : this.byHash.get(hash);
    if (hash !== undefined && entry) this.delete(hash, entry);
  }

  close(): void {
    this.off();
    this.byHash.clear();
    this.hashByKeyId.clear();
  }

  private delete(hash: string, entry: Entry): void {
    this.byHash.delete(hash);
    if (this.hashByKeyId.get(entry.actor.keyId) === hash) this.hashByKeyId.delete(entry.actor.keyId);
  }
}

/**
 * The key cache of a database, when the server enabled it (startRealtime); otherwise null and every call reads
 * api_keys. Scripts and tests that call operations directly see the database as it is.
 */
export function apiKeyCacheOf(db: Db): ApiKeyCache | null {
  return existingFor<ApiKeyCache>("api-keys", db) ?? null;
}

export function enableApiKeyCache(db: Db, options?: ApiKeyCacheOptions): ApiKeyCache {
  return perDatabase("api-keys", db, () => new ApiKeyCache(changeBus(db), options));
}

export function disableApiKeyCache(db: Db): void {
  existingFor<ApiKeyCache>("api-keys", db)?.close();
  forget("api-keys", db);
}
