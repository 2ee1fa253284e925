import { afterEach, describe, expect, it } from "vitest";
import { closeAllStreams, encodeFrame, openStreamCount, sseFrame, SseStream } from "./sse";

const decoder = new TextDecoder();
const text = (bytes: Uint8Array) => decoder.decode(bytes);

/** Reads what the stream has ready now, without losing a read still pending from the previous call. */
const pendingReads = new WeakMap<object, Promise<ReadableStreamReadResult<Uint8Array>>>();
async function drain(stream: SseStream, reader = stream.readable.getReader()): Promise<{ chunks: string[]; done: boolean }> {
  const chunks: string[] = [];
  for (;;) {
    const read = pendingReads.get(reader) ?? reader.read();
    pendingReads.set(reader, read);
    const next = await Promise.race([read, new Promise<null>((r) => setTimeout(() => r(null), 5))]);
    if (next === null) return { chunks, done: false };
    pendingReads.delete(reader);
    if (next.done) return { chunks, done: true };
    chunks.push(text(next.value));
  }
}

afterEach(() => closeAllStreams());

describe("sseFrame", () => {
  it("frames an event with its data and a blank line", () => {
    expect(sseFrame("leaderboard", '{"a":1}')).toBe('event: leaderboard\ndata: {"a":1}\n\n');
  });

  it("puts every line of the data on its own data: line", () => {
    expect(sseFrame("x", "one\ntwo\r\nthree")).toBe("event: x\ndata: one\ndata: two\ndata: three\n\n");
  });

  it("refuses an event name with a line break (it would forge another field)", () => {
    expect(() => sseFrame("a\ndata: b", "c")).toThrow(/line break/);
  });
});

describe("SseStream", () => {
  it("starts with the reconnection delay, then sends frames in order", async () => {
    const stream = new SseStream();
    stream.send(encodeFrame("a", "1"));
    stream.send(encodeFrame("b", "2"));
    const { chunks } = await drain(stream);
    expect(chunks.join("")).toBe("retry: 3000\n\nevent: a\ndata: 1\n\nevent: b\ndata: 2\n\n");
  });

  it("replaces a snapshot the client has not taken yet with the newer one", async () => {
    const stream = new SseStream();
    stream.send(encodeFrame("s", "old"), "snapshot");
    stream.send(encodeFrame("s", "new"), "snapshot");
    expect(stream.buffered).toBe("retry: 3000\n\n".length + encodeFrame("s", "new").byteLength);
    const { chunks } = await drain(stream);
    expect(chunks.join("")).not.toContain("old");
    expect(chunks.join("")).toContain("data: new");
  });

  it("drops a client whose buffer would exceed the limit instead of buffering without bound", async () => {
    let closed = 0;
    const stream = new SseStream(undefined, { maxBufferedBytes: 100 });
    stream.onClose(() => closed++);
    expect(stream.send(new Uint8Array(50))).toBe(true);
    expect(stream.send(new Uint8Array(60))).toBe(false); // nobody reads: 14 + 50 + 60 > 100
    expect(stream.closed).toBe(true);
    expect(stream.dropped).toBe(true);
    expect(closed).toBe(1);
    expect(stream.send(new Uint8Array(1))).toBe(false);
    await expect(stream.readable.getReader().read()).rejects.toThrow(/keep up/);
  });

  it("closes and runs its hooks once when the request is aborted", async () => {
    const abort = new AbortController();
    let closed = 0;
    const stream = new SseStream(abort.signal);
    stream.onClose(() => closed++);
    const before = openStreamCount();
    abort.abort();
    abort.abort();
    expect(closed).toBe(1);
    expect(stream.closed).toBe(true);
    expect(openStreamCount()).toBe(before - 1);
    expect((await drain(stream)).done).toBe(true);
    stream.onClose(() => closed++); // registered after the close: runs at once
    expect(closed).toBe(2);
  });

  it("closes when the reader cancels (the response was torn down)", async () => {
    let closed = 0;
    const stream = new SseStream();
    stream.onClose(() => closed++);
    await stream.readable.cancel();
    expect(closed).toBe(1);
    expect(stream.closed).toBe(true);
  });

  it("delivers the last frame before ending", async () => {
    const stream = new SseStream();
    stream.send(encodeFrame("display", "{}"));
    stream.end(encodeFrame("revoked", "{}"));
    const { chunks, done } = await drain(stream);
    expect(done).toBe(true);
    expect(chunks.join("")).toMatch(/event: display[\s\S]*event: revoked/);
  });

  it("sends a heartbeat comment when idle, drops a stalled client, and ends at its maximum lifetime", async () => {
    let now = 0;
    const idle = new SseStream(undefined, { now: () => now, stallMs: 60_000, maxLifetimeMs: 1e9 });
    const reader = idle.readable.getReader();
    await drain(idle, reader);
    idle.tick();
    expect((await drain(idle, reader)).chunks).toEqual([": heartbeat\n\n"]);

    const stalled = new SseStream(undefined, { now: () => now, stallMs: 60_000, maxLifetimeMs: 1e9 });
    stalled.send(encodeFrame("a", "1")); // never read
    now = 30_000;
    stalled.tick();
    expect(stalled.closed).toBe(false);
    now = 61_000;
    stalled.tick();
    expect(stalled.dropped).toBe(true);

    const old = new SseStream(undefined, { now: () => now, maxLifetimeMs: 10_000 });
    const oldReader = old.readable.getReader();
    now += 10_001;
    old.tick();
    expect(old.closed).toBe(true);
    expect((await drain(old, oldReader)).done).toBe(true);
  });

  it("keeps one queued heartbeat at most", () => {
    const stream = new SseStream(undefined, { now: () => 0 });
    for (let i = 0; i < 100; i++) stream.tick();
    expect(stream.buffered).toBe("retry: 3000\n\n".length + ": heartbeat\n\n".length);
  });

  it("closeAllStreams ends every open stream (shutdown)", () => {
    const a = new SseStream();
    const b = new SseStream();
    expect(closeAllStreams()).toBeGreaterThanOrEqual(2);
    expect(a.closed && b.closed).toBe(true);
    expect(openStreamCount()).toBe(0);
  });
});
