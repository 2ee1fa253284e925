import type { Db } from "@/db/client";
import { ANY_ORG, changeBus, type ChangeBus } from "./changes";
import { existingFor, forget, perDatabase } from "./per-database";
import { encodeFrame } from "./sse";

/** What a topic publishes: an SSE event name and its data (serialized once, sent as is to every subscriber). */
export type Snapshot = {
  event: string;
  data: string;
  /** The last message of the topic (a deleted board, a revoked display): subscribers end their streams after it. */
  final?: boolean;
};
export type Message = Snapshot & { bytes: Uint8Array };
export type Subscriber = (message: Message) => void;

/**
 * One thing many clients watch, e.g. a board with a range and top N. Subscribers with the same key share one
 * computation; `compute` comes from the first of them and must depend on nothing but what the key says.
 */
export type TopicSpec = {
  orgId: string;
  key: string;
  compute: () => Promise<Snapshot>;
  /** A failure after the first snapshot: what to send instead (null: log it and keep the last state). */
  onError?: (err: unknown) => Snapshot | null;
};

/** After a change, a topic waits this long before recomputing, so a burst of batches costs one recomputation. */
export const CHANGE_WINDOW_MS = 20;
/**
 * Two computations of one topic start at least this far apart, and at least as far apart as the last one took: under
 * a steady stream of events a topic recomputes at most 10 times a second, and one heavy board never takes more than
 * half a core.
 */
export const MIN_GAP_MS = 100;
/** Every topic is recomputed this often even without changes: a new day or week, a renamed team, a revoked link. */
export const REFRESH_MS = 30_000;

type Topic = {
  spec: TopicSpec;
  subscribers: Set<Subscriber>;
  /** Subscribers waiting for the first snapshot: the topic stays while they wait. */
  waiting: number;
  last: Message | null;
  running: Promise<void> | null;
  timer: ReturnType<typeof setTimeout> | null;
  dirty: boolean;
  nextAllowed: number;
  removed: boolean;
};

export type HubOptions = { windowMs?: number; minGapMs?: number; refreshMs?: number };

/**
 * The per-process fan-out of live views: subscriptions per topic, one recomputation per change window per topic (not
 * per subscriber), the same encoded bytes to every subscriber, nothing sent when the result did not change.
 */
export class BoardHub {
  private readonly topics = new Map<string, Topic>();
  private readonly byOrg = new Map<string, Set<Topic>>();
  private readonly windowMs: number;
  private readonly minGapMs: number;
  private readonly refreshMs: number;
  private refresher: ReturnType<typeof setInterval> | null = null;
  private readonly off: () => void;
  readonly stats = { computes: 0, published: 0, unchanged: 0, failures: 0 };

  constructor(bus: ChangeBus, options: HubOptions = {}) {
    this.windowMs = options.windowMs ?? CHANGE_WINDOW_MS;
    this.minGapMs = options.minGapMs ?? MIN_GAP_MS;
    this.refreshMs = options.refreshMs ?? REFRESH_MS;
    this.off = bus.on((orgId) => this.changed(orgId));
  }

  get topicCount(): number {
    return this.topics.size;
  }

  get subscriberCount(): number {
    let n = 0;
    for (const t of this.topics.values()) n += t.subscribers.size;
    return n;
  }

  /**
   * Subscribes and sends the current state at once (computing it first when nobody watched this topic yet; a failure
   * then is thrown, so the caller can answer with an error status). Returns the unsubscribe function.
   */
  async subscribe(spec: TopicSpec, subscriber: Subscriber): Promise<() => void> {
    const topic = this.topicFor(spec);
    if (!topic.last) {
      topic.waiting++;
      try {
        if (!topic.running) this.start(topic);
        await topic.running;
      } finally {
        topic.waiting--;
        if (!topic.last) this.removeIfIdle(topic);
      }
    }
    const last = topic.last;
    if (!last) throw new Error("realtime: the stream closed before its first state"); // the hub was closed meanwhile
    subscriber(last);
    if (last.final || topic.removed) return () => {};
    topic.subscribers.add(subscriber);
    return () => {
      topic.subscribers.delete(subscriber);
      this.removeIfIdle(topic);
    };
  }

  /** Marks the organization's topics (every topic for ANY_ORG) changed: each recomputes after its window. */
  changed(orgId: string): void {
    const topics = orgId === ANY_ORG ? [...this.topics.values()] : [...(this.byOrg.get(orgId) ?? [])];
    for (const topic of topics) {
      topic.dirty = true;
      this.schedule(topic);
    }
  }

  close(): void {
    this.off();
    for (const topic of [...this.topics.values()]) this.remove(topic);
  }

  private topicFor(spec: TopicSpec): Topic {
    const id = `${spec.orgId}\u0000${spec.key}`;
    let topic = this.topics.get(id);
    if (!topic) {
      topic = { spec, subscribers: new Set(), waiting: 0, last: null, running: null, timer: null, dirty: false, nextAllowed: 0, removed: false };
      this.topics.set(id, topic);
      let org = this.byOrg.get(spec.orgId);
      if (!org) this.byOrg.set(spec.orgId, (org = new Set()));
      org.add(topic);
      this.startRefresher();
    }
    return topic;
  }

  private start(topic: Topic): void {
    const running = this.run(topic).finally(() => {
      topic.running = null;
      if (topic.dirty) this.schedule(topic);
    });
    running.catch(() => {}); // the first computation's failure reaches the subscribers awaiting it, nobody else
    topic.running = running;
  }

  private schedule(topic: Topic): void {
    if (topic.timer || topic.running || topic.removed) return; // a running computation reschedules when it ends
    const delay = Math.max(this.windowMs, topic.nextAllowed - performance.now()); // settle, and keep the gap
    topic.timer = setTimeout(() => {
      topic.timer = null;
      if (!topic.removed) this.start(topic);
    }, delay);
    topic.timer.unref?.();
  }

  private async run(topic: Topic): Promise<void> {
    topic.dirty = false;
    const started = performance.now();
    let snapshot: Snapshot | null;
    try {
      snapshot = await topic.spec.compute();
    } catch (err) {
      this.stats.failures++;
      if (!topic.last) throw err;
      snapshot = topic.spec.onError?.(err) ?? null;
      if (!snapshot) console.error(`[podium] realtime: recomputing ${topic.spec.key} failed; keeping the last state`, err);
    } finally {
      this.stats.computes++;
      const took = performance.now() - started;
      topic.nextAllowed = started + Math.max(this.minGapMs, 2 * took);
    }
    if (snapshot && !topic.removed) this.publish(topic, snapshot);
  }

  private publish(topic: Topic, snapshot: Snapshot): void {
    const last = topic.last;
    if (last && last.event === snapshot.event && last.data === snapshot.data && !snapshot.final) {
      this.stats.unchanged++;
      return;
    }
    const message: Message = { ...snapshot, bytes: encodeFrame(snapshot.event, snapshot.data) };
    topic.last = message;
    this.stats.published++;
    for (const subscriber of [...topic.subscribers]) {
      try {
        subscriber(message);
      } catch (err) {
        console.error("[podium] realtime: a subscriber failed", err);
      }
    }
    if (message.final) this.remove(topic);
  }

  private removeIfIdle(topic: Topic): void {
    if (topic.subscribers.size === 0 && topic.waiting === 0) this.remove(topic);
  }

  private remove(topic: Topic): void {
    if (topic.removed) return;
    topic.removed = true;
    if (topic.timer) clearTimeout(topic.timer);
    topic.timer = null;
    topic.subscribers.clear();
    this.topics.delete(`${topic.spec.orgId}\u0000${topic.spec.key}`);
    const org = this.byOrg.get(topic.spec.orgId);
    org?.delete(topic);
    if (org?.size === 0) this.byOrg.delete(topic.spec.orgId);
    if (this.topics.size === 0 && this.refresher) {
      clearInterval(this.refresher);
      this.refresher = null;
    }
  }

  private startRefresher(): void {
    if (this.refresher) return;
    this.refresher = setInterval(() => this.changed(ANY_ORG), this.refreshMs);
    this.refresher.unref?.();
  }
}

export function boardHub(db: Db): BoardHub {
  return perDatabase("hub", db, () => new BoardHub(changeBus(db)));
}

export function existingHub(db: Db): BoardHub | undefined {
  return existingFor<BoardHub>("hub", db);
}

export function closeHub(db: Db): void {
  existingHub(db)?.close();
  forget("hub", db);
}
