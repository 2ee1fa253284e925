/**
 * Server-sent events plumbing: framing, a pull-based stream per client with a bounded buffer, one shared heartbeat
 * for every open stream, and closing them all on shutdown (open streams keep `next start` from exiting).
 *
 * Memory: an open stream served by server.mjs (lib/http/direct-routes.ts) costs about 8 KB of heap, this file's own
 * state 2–3 KB of it; through Next's request pipeline (`next start`) about 74 KB. With thousands of streams open, V8's
 * heap policy is tightened (heap-policy.ts).
 */
import { adaptHeapPolicy } from "./heap-policy";

const encoder = new TextEncoder();

/** How often an idle stream gets a comment line, so proxies keep it open and dead peers are found. */
export const HEARTBEAT_MS = 15_000;
/** A client that has not taken a queued frame for this long is gone or hopelessly slow: it is closed. */
export const STALL_MS = 60_000;
/** At most this much is queued for one client; more means it cannot keep up: it is closed and will reconnect. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/**
 * Streams end after this long and the browser reconnects (EventSource does so by itself): credentials are checked
 * again, so a revoked key or a deactivated user does not keep a stream forever.
 */
export const MAX_LIFETIME_MS = 30 * 60_000;
/** What EventSource waits before reconnecting. */
export const RETRY_MS = 3_000;

/** One SSE message: `event:` and one `data:` line per line of data, then a blank line. */
export function sseFrame(event: string, data: string): string {
  if (/[\r\n]/.test(event)) throw new Error("an SSE event name cannot contain a line break");
  return `event: ${event}\n${data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join("")}\n`;
}

export function encodeFrame(event: string, data: string): Uint8Array {
  return encoder.encode(sseFrame(event, data));
}

const HEARTBEAT = encoder.encode(": heartbeat\n\n");
const RETRY = encoder.encode(`retry: ${RETRY_MS}\n\n`);

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform also keeps Next's compression from buffering the stream
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

type Frame = { bytes: Uint8Array; tag: string | null };
export type SseOptions = { maxBufferedBytes?: number; stallMs?: number; maxLifetimeMs?: number; now?: () => number };

/**
 * One client's stream. Frames wait in a small queue until the response pulls them (the response only pulls when the
 * socket has drained), so a slow client costs at most `maxBufferedBytes`: a new snapshot replaces one still waiting
 * (each is the whole state, the older one is worthless), and past the limit, or with nothing taken for `stallMs`, the
 * client is closed. Closing — by us, by the client going away, or by `request.signal` — runs the `onClose` hooks once.
 */
export class SseStream {
  readonly readable: ReadableStream<Uint8Array>;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private queue: Frame[] = [];
  private queuedBytes = 0;
  /** The response asked for data and got none yet: the next frame goes straight through. */
  private demand = false;
  private oldestQueuedAt = 0;
  private finished = false;
  /** True when closed for being too slow (see drop). */
  dropped = false;
  private readonly hooks: Array<() => void> = [];
  private readonly maxBufferedBytes: number;
  private readonly stallMs: number;
  private readonly maxLifetimeMs: number;
  private readonly now: () => number;
  readonly openedAt: number;
  private readonly abort?: { signal: AbortSignal; listener: () => void };

  constructor(signal?: AbortSignal, options: SseOptions = {}) {
    this.maxBufferedBytes = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
    this.stallMs = options.stallMs ?? STALL_MS;
    this.maxLifetimeMs = options.maxLifetimeMs ?? MAX_LIFETIME_MS;
    this.now = options.now ?? Date.now;
    this.openedAt = this.now();
    this.readable = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => this.pull(),
        cancel: () => this.teardown(),
      },
      { highWaterMark: 0 },
    );
    this.push({ bytes: RETRY, tag: null });
    openStreams().add(this);
    adaptHeapPolicy(openStreams().size);
    ensureHeartbeat();
    if (signal) {
      const listener = () => this.close();
      this.abort = { signal, listener };
      if (signal.aborted) this.close();
      else signal.addEventListener("abort", listener, { once: true });
    }
  }

  get closed(): boolean {
    return this.finished;
  }

  /** Bytes waiting for this client (not yet taken by the response). */
  get buffered(): number {
    return this.queuedBytes;
  }

  /**
   * Queues a frame; a frame with the same `tag` still waiting is replaced. Returns false when the stream is closed
   * (now or before).
   */
  send(bytes: Uint8Array, tag: string | null = null): boolean {
    if (this.finished) return false;
    return this.push({ bytes, tag });
  }

  /** Sends `bytes` (if any) and ends the stream once it is taken; the client sees a clean end. */
  end(bytes?: Uint8Array): void {
    if (this.finished) return;
    if (bytes) this.push({ bytes, tag: null });
    if (this.finished) return;
    // Hand everything still queued to the response, which delivers it before the end.
    for (const frame of this.queue) this.controller.enqueue(frame.bytes);
    this.queue = [];
    this.queuedBytes = 0;
    try {
      this.controller.close();
    } catch {
      /* already closed by the reader */
    }
    this.teardown();
  }

  /** Ends at once, dropping what is queued (the client went away, or the server stops). */
  close(): void {
    if (this.finished) return;
    this.queue = [];
    this.queuedBytes = 0;
    try {
      this.controller.close();
    } catch {
      /* already closed or cancelled */
    }
    this.teardown();
  }

  /**
   * Cuts off a client that cannot keep up or has stopped reading: the response is destroyed rather than left waiting
   * for a socket that never drains. The browser reconnects and gets the current state at once.
   */
  drop(): void {
    if (this.finished) return;
    this.dropped = true;
    try {
      this.controller.error(new Error("the client could not keep up with its event stream"));
    } catch {
      /* already closed */
    }
    this.teardown();
  }

  /** Runs `hook` when the stream closes for any reason (at once when it already has). */
  onClose(hook: () => void): void {
    if (this.finished) hook();
    else this.hooks.push(hook);
  }

  /** The shared heartbeat: a comment when idle; closes stalled clients and streams past their lifetime. */
  tick(): void {
    if (this.finished) return;
    const now = this.now();
    if (this.queue.length > 0 && now - this.oldestQueuedAt > this.stallMs) return this.drop();
    if (now - this.openedAt > this.maxLifetimeMs) return this.end();
    this.push({ bytes: HEARTBEAT, tag: "heartbeat" });
  }

  private push(frame: Frame): boolean {
    if (this.demand && this.queue.length === 0) {
      this.demand = false;
      this.controller.enqueue(frame.bytes);
      return true;
    }
    if (frame.tag !== null) {
      const i = this.queue.findIndex((f) => f.tag === frame.tag);
      if (i >= 0) {
        this.queuedBytes -= this.queue[i]!.bytes.byteLength;
        this.queue.splice(i, 1);
      }
    }
    if (this.queuedBytes + frame.bytes.byteLength > this.maxBufferedBytes) {
      this.drop();
      return false;
    }
    if (this.queue.length === 0) this.oldestQueuedAt = this.now();
    this.queue.push(frame);
    this.queuedBytes += frame.bytes.byteLength;
    return true;
  }

  private pull(): void {
    const frame = this.queue.shift();
    if (!frame) {
      this.demand = true;
      return;
    }
    this.queuedBytes -= frame.bytes.byteLength;
    if (this.queue.length > 0) this.oldestQueuedAt = this.now();
    this.controller.enqueue(frame.bytes);
  }

  private teardown(): void {
    if (this.finished) return;
    this.finished = true;
    this.queue = [];
    this.queuedBytes = 0;
    openStreams().delete(this);
    adaptHeapPolicy(openStreams().size);
    if (this.abort) this.abort.signal.removeEventListener("abort", this.abort.listener);
    for (const hook of this.hooks.splice(0)) {
      try {
        hook();
      } catch (err) {
        console.error("[podium] realtime: a stream close hook failed", err);
      }
    }
  }
}

export function sseResponse(stream: SseStream): Response {
  return new Response(stream.readable, { status: 200, headers: SSE_HEADERS });
}

// Every open stream of the process, shared by all bundles, with one heartbeat timer for all of them (a timer per
// stream would cost memory and wake-ups for thousands of idle screens).
type Registry = { streams: Set<SseStream>; timer: ReturnType<typeof setInterval> | null };
const g = globalThis as unknown as { __podiumSse?: Registry };
const registry: Registry = (g.__podiumSse ??= { streams: new Set(), timer: null });

function openStreams(): Set<SseStream> {
  return registry.streams;
}

function ensureHeartbeat(): void {
  if (registry.timer) return;
  registry.timer = setInterval(() => {
    for (const stream of [...registry.streams]) stream.tick();
    if (registry.streams.size === 0 && registry.timer) {
      clearInterval(registry.timer);
      registry.timer = null;
    }
  }, HEARTBEAT_MS);
  registry.timer.unref?.();
}

export function openStreamCount(): number {
  return registry.streams.size;
}

/** Shutdown: ends every open stream so the server can exit (clients reconnect to another instance or later). */
export function closeAllStreams(): number {
  const streams = [...registry.streams];
  for (const stream of streams) stream.close();
  if (registry.timer) {
    clearInterval(registry.timer);
    registry.timer = null;
  }
  return streams.length;
}
