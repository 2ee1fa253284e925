import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { existingFor, forget, perDatabase } from "./per-database";
import { KeyedThrottle } from "./throttle";

/** The PostgreSQL channel every instance LISTENs on; payloads are `<instance> <orgId>` (about 45 bytes). */
export const CHANGES_CHANNEL = "podium_changes";
/** What a listener receives when anything may have changed (the LISTEN connection was lost and restored). */
export const ANY_ORG = "*";
/** NOTIFYs per organization are coalesced to at most one per window (leading and trailing). */
export const NOTIFY_WINDOW_MS = 25;
/**
 * The channel of revoked API keys: payloads are `<instance> <keyId>`, sent at once (revocations are rare and must act
 * at once). A channel of its own rather than a kind of message on CHANGES_CHANNEL, so an instance of an older version
 * never mistakes one for an organization; postgres.js LISTENs on every channel of a client through one connection, so
 * it costs no connection either.
 */
export const REVOCATIONS_CHANNEL = "podium_revocations";
/** What a revocation listener receives when any key may have been revoked (the LISTEN connection was restored). */
export const ANY_KEY = "*";

export type ChangeListener = (orgId: string) => void;
export type RevocationListener = (keyId: string) => void;

/** The part of a postgres.js client this module uses. */
type PgClient = {
  listen(channel: string, fn: (payload: string) => void, onlisten?: () => void): Promise<{ unlisten: () => Promise<void> }>;
  notify(channel: string, payload: string): Promise<unknown>;
};

/** The postgres.js client behind a drizzle database, or null on PGlite (one process owns it: in-process is enough). */
function postgresClient(db: Db): PgClient | null {
  const client: unknown = (db as unknown as { $client?: unknown }).$client;
  if (typeof client !== "function") return null; // postgres.js's client is a tagged-template function, PGlite's an object
  const pg = client as unknown as Partial<PgClient>;
  return typeof pg.listen === "function" && typeof pg.notify === "function" ? (pg as PgClient) : null;
}

/**
 * Who needs to know that an organization's data changed (events stored, a board edited): the in-process listeners at
 * once, and on PostgreSQL the other app instances through one NOTIFY per organization per window, received by one
 * LISTEN connection per process. NOTIFY is sent after the change committed, on its own, never inside the ingest
 * statement or transaction (a NOTIFY in write transactions cut commit throughput by a third here). It also carries
 * revoked API keys to every instance's key cache (announceRevocation), on REVOCATIONS_CHANNEL over the same connection.
 */
export class ChangeBus {
  private readonly listeners = new Set<ChangeListener>();
  private readonly revocationListeners = new Set<RevocationListener>();
  /** Our own NOTIFYs come back on our LISTEN connection; the instance tag lets us skip them. */
  private readonly instance = randomUUID().slice(0, 8);
  private readonly notifier: KeyedThrottle<string>;
  private listening: Promise<void> | null = null;
  private unlisten: Array<() => Promise<void>> = [];
  private retry: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** Counters for tests and benchmarks. */
  readonly stats = { announced: 0, notified: 0, received: 0, revocationsReceived: 0 };

  constructor(private readonly pg: PgClient | null) {
    this.notifier = new KeyedThrottle(NOTIFY_WINDOW_MS, (orgId) => this.notify(orgId));
  }

  get kind(): "postgres" | "in-process" {
    return this.pg ? "postgres" : "in-process";
  }

  /** Something in `orgId` changed and is committed. Never throws: a failed NOTIFY is logged, the change stands. */
  announce(orgId: string): void {
    if (this.stopped) return;
    this.stats.announced++;
    this.emit(orgId);
    if (this.pg) this.notifier.trigger(orgId);
  }

  /** Calls `listener` with the organization of every change, local or (on PostgreSQL) from another instance. */
  on(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    void this.listen();
    return () => this.listeners.delete(listener);
  }

  /**
   * An API key was revoked (committed): the in-process listeners drop it at once, and on PostgreSQL the other instances
   * through a NOTIFY on REVOCATIONS_CHANNEL. Never throws: a failed NOTIFY is logged (their caches expire the key soon
   * anyway).
   */
  announceRevocation(keyId: string): void {
    if (this.stopped) return;
    this.emitRevocation(keyId);
    this.pg?.notify(REVOCATIONS_CHANNEL, `${this.instance} ${keyId}`).catch((err: unknown) => {
      if (!this.stopped) console.error("[podium] realtime: NOTIFY of a revoked API key failed", err);
    });
  }

  /** Calls `listener` with the id of every revoked API key, local or (on PostgreSQL) from another instance. */
  onRevocation(listener: RevocationListener): () => void {
    this.revocationListeners.add(listener);
    void this.listen();
    return () => this.revocationListeners.delete(listener);
  }

  /** Starts the process's LISTEN connection (PostgreSQL; once; retried every 5 s until it works). */
  listen(): Promise<void> {
    if (!this.pg || this.stopped) return Promise.resolve();
    this.listening ??= this.startListening();
    return this.listening;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.notifier.flush();
    if (this.retry) clearTimeout(this.retry);
    this.listeners.clear();
    this.revocationListeners.clear();
    const unlisten = this.unlisten.splice(0);
    await Promise.all(unlisten.map((u) => u().catch(() => {})));
  }

  private async startListening(): Promise<void> {
    try {
      const results = await Promise.allSettled([
        // postgres.js re-LISTENs by itself after a lost connection; what was sent meanwhile is lost, so everyone
        // refreshes (the same catch-up a reconnecting browser gets) and every cached key is checked again.
        this.listenOn(CHANGES_CHANNEL, (payload) => this.received(payload), () => this.emit(ANY_ORG)),
        this.listenOn(REVOCATIONS_CHANNEL, (payload) => this.receivedRevocation(payload), () => this.emitRevocation(ANY_KEY)),
      ]);
      const unlisten = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const failed = results.find((r) => r.status === "rejected");
      // Both channels or neither: a retry after half a success would listen twice on the other one.
      if (failed || this.stopped) await Promise.all(unlisten.map((u) => u().catch(() => {})));
      else this.unlisten = unlisten;
      if (failed) throw failed.reason;
    } catch (err) {
      console.error("[podium] realtime: LISTEN failed; retrying in 5 s", err);
      this.listening = null;
      if (!this.stopped) {
        this.retry = setTimeout(() => void this.listen(), 5_000);
        this.retry.unref?.();
      }
    }
  }

  /** LISTENs on `channel`; `onReconnect` runs each time the LISTEN is restored after a lost connection. */
  private async listenOn(channel: string, onPayload: (payload: string) => void, onReconnect: () => void): Promise<() => Promise<void>> {
    let connects = 0;
    const { unlisten } = await this.pg!.listen(channel, onPayload, () => {
      if (++connects > 1) onReconnect();
    });
    return unlisten;
  }

  private received(payload: string): void {
    const [instance, orgId] = payload.split(" ");
    if (!orgId || instance === this.instance) return;
    this.stats.received++;
    this.emit(orgId);
  }

  private receivedRevocation(payload: string): void {
    const [instance, keyId] = payload.split(" ");
    if (!keyId || instance === this.instance) return;
    this.stats.revocationsReceived++;
    this.emitRevocation(keyId);
  }

  private notify(orgId: string): void {
    this.stats.notified++;
    this.pg!.notify(CHANGES_CHANNEL, `${this.instance} ${orgId}`).catch((err: unknown) => {
      if (!this.stopped) console.error("[podium] realtime: NOTIFY failed", err);
    });
  }

  private emit(orgId: string): void {
    for (const listener of this.listeners) {
      try {
        listener(orgId);
      } catch (err) {
        console.error("[podium] realtime: a change listener failed", err);
      }
    }
  }

  private emitRevocation(keyId: string): void {
    for (const listener of this.revocationListeners) {
      try {
        listener(keyId);
      } catch (err) {
        console.error("[podium] realtime: a revocation listener failed", err);
      }
    }
  }
}

export function changeBus(db: Db): ChangeBus {
  return perDatabase("changes", db, () => new ChangeBus(postgresClient(db)));
}

/** Announces a committed change in `orgId` to every open view of this database, in this process and (PostgreSQL) others. */
export function announceChange(db: Db, orgId: string): void {
  changeBus(db).announce(orgId);
}

/** Announces a committed API key revocation to every instance on this database (see ChangeBus.announceRevocation). */
export function announceRevocation(db: Db, keyId: string): void {
  changeBus(db).announceRevocation(keyId);
}

export function onChange(db: Db, listener: ChangeListener): () => void {
  return changeBus(db).on(listener);
}

export async function stopChangeBus(db: Db): Promise<void> {
  const bus = existingFor<ChangeBus>("changes", db);
  forget("changes", db);
  await bus?.stop();
}
