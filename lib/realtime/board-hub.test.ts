import { describe, expect, it } from "vitest";
import { BoardHub, type Message, type Snapshot, type TopicSpec } from "./board-hub";
import { ChangeBus } from "./changes";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A topic whose state is a counter the test moves, counting computations. */
function counterTopic(orgId = "org-1", key = "board-1") {
  const state = { value: 0, computes: 0, delayMs: 0, fail: null as Error | null, final: false };
  const spec: TopicSpec = {
    orgId,
    key,
    compute: async () => {
      state.computes++;
      const value = state.value; // what the database held when the computation read it
      if (state.delayMs) await sleep(state.delayMs);
      if (state.fail) throw state.fail;
      return { event: state.final ? "end" : "count", data: String(value), final: state.final };
    },
  };
  return { state, spec };
}

function collector() {
  const got: Message[] = [];
  return { got, subscriber: (m: Message) => void got.push(m), data: () => got.map((m) => m.data) };
}

describe("BoardHub", () => {
  it("sends the current state at once and shares one computation among subscribers", async () => {
    const hub = new BoardHub(new ChangeBus(null), { windowMs: 10 });
    const { state, spec } = counterTopic();
    const a = collector();
    const b = collector();
    await Promise.all([hub.subscribe(spec, a.subscriber), hub.subscribe(spec, b.subscriber)]);
    expect(a.data()).toEqual(["0"]);
    expect(b.data()).toEqual(["0"]);
    expect(state.computes).toBe(1);
    const c = collector();
    await hub.subscribe(spec, c.subscriber); // late subscriber: the last state, no computation
    expect(c.data()).toEqual(["0"]);
    expect(state.computes).toBe(1);
    expect(hub.subscriberCount).toBe(3);
    hub.close();
  });

  it("recomputes once for a burst of changes and sends the same bytes to every subscriber", async () => {
    const bus = new ChangeBus(null);
    const hub = new BoardHub(bus, { windowMs: 30, minGapMs: 1 });
    const { state, spec } = counterTopic();
    const a = collector();
    const b = collector();
    await hub.subscribe(spec, a.subscriber);
    await hub.subscribe(spec, b.subscriber);
    for (let i = 1; i <= 20; i++) {
      state.value = i;
      bus.announce("org-1");
    }
    await sleep(80);
    expect(state.computes).toBe(2); // the first state and one for the whole burst
    expect(a.data()).toEqual(["0", "20"]);
    expect(b.got[1]!.bytes).toBe(a.got[1]!.bytes);
    expect(new TextDecoder().decode(a.got[1]!.bytes)).toBe("event: count\ndata: 20\n\n");
    hub.close();
  });

  it("ignores other organizations and skips sending when the state did not change", async () => {
    const bus = new ChangeBus(null);
    const hub = new BoardHub(bus, { windowMs: 5, minGapMs: 1 });
    const { state, spec } = counterTopic();
    const a = collector();
    await hub.subscribe(spec, a.subscriber);
    bus.announce("org-2");
    await sleep(30);
    expect(state.computes).toBe(1);
    bus.announce("org-1"); // recomputed, same value
    await sleep(30);
    expect(state.computes).toBe(2);
    expect(hub.stats.unchanged).toBe(1);
    expect(a.data()).toEqual(["0"]);
    hub.close();
  });

  it("recomputes again when a change arrives during a computation", async () => {
    const bus = new ChangeBus(null);
    const hub = new BoardHub(bus, { windowMs: 5, minGapMs: 1 });
    const { state, spec } = counterTopic();
    const a = collector();
    await hub.subscribe(spec, a.subscriber);
    state.delayMs = 30;
    state.value = 1;
    bus.announce("org-1");
    await sleep(15); // computing now
    state.value = 2;
    bus.announce("org-1");
    await sleep(150);
    expect(a.data()).toEqual(["0", "1", "2"]);
    hub.close();
  });

  it("waits at least as long as the last computation took before the next one (one busy board, half a core)", async () => {
    const bus = new ChangeBus(null);
    const hub = new BoardHub(bus, { windowMs: 1, minGapMs: 1 });
    const { state, spec } = counterTopic();
    state.delayMs = 20;
    await hub.subscribe(spec, collector().subscriber);
    const started = performance.now();
    const end = started + 400;
    while (performance.now() < end) {
      state.value++;
      bus.announce("org-1");
      await sleep(2);
    }
    // back to back would be ~20 computations in 400 ms; with the gap, about half
    expect(state.computes - 1).toBeLessThanOrEqual(12);
    expect(state.computes - 1).toBeGreaterThanOrEqual(5);
    hub.close();
  });

  it("recomputes a topic at most once per minimum gap under a steady stream of changes", async () => {
    const bus = new ChangeBus(null);
    const hub = new BoardHub(bus, { windowMs: 1, minGapMs: 50 });
    const { state, spec } = counterTopic();
    await hub.subscribe(spec, collector().subscriber);
    const end = performance.now() + 400;
    while (performance.now() < end) {
      state.value++;
      bus.announce("org-1");
      await sleep(2);
    }
    expect(state.computes - 1).toBeLessThanOrEqual(9);
    expect(state.computes - 1).toBeGreaterThanOrEqual(5);
    hub.close();
  });

  it("removes a topic when its last subscriber leaves", async () => {
    const bus = new ChangeBus(null);
    const hub = new BoardHub(bus, { windowMs: 5, minGapMs: 1 });
    const { state, spec } = counterTopic();
    const off1 = await hub.subscribe(spec, collector().subscriber);
    const off2 = await hub.subscribe(spec, collector().subscriber);
    off1();
    expect(hub.topicCount).toBe(1);
    off2();
    expect(hub.topicCount).toBe(0);
    bus.announce("org-1");
    await sleep(20);
    expect(state.computes).toBe(1);
    hub.close();
  });

  it("throws a failing first computation to the subscriber and keeps no topic", async () => {
    const hub = new BoardHub(new ChangeBus(null), { windowMs: 5, minGapMs: 1 });
    const { state, spec } = counterTopic();
    state.fail = new Error("no such board");
    await expect(hub.subscribe(spec, collector().subscriber)).rejects.toThrow("no such board");
    expect(hub.topicCount).toBe(0);
    hub.close();
  });

  it("keeps the last state when a later computation fails, or sends what onError says", async () => {
    const bus = new ChangeBus(null);
    const hub = new BoardHub(bus, { windowMs: 5, minGapMs: 1 });
    const { state, spec } = counterTopic();
    const errors: unknown[] = [];
    const a = collector();
    await hub.subscribe({ ...spec, onError: (err): Snapshot | null => (errors.push(err), null) }, a.subscriber);
    state.fail = new Error("database blip");
    const logged = console.error;
    console.error = () => {};
    bus.announce("org-1");
    await sleep(30);
    console.error = logged;
    expect(errors).toHaveLength(1);
    expect(a.data()).toEqual(["0"]);
    hub.close();
  });

  it("ends the topic after a final message", async () => {
    const bus = new ChangeBus(null);
    const hub = new BoardHub(bus, { windowMs: 5, minGapMs: 1 });
    const { state, spec } = counterTopic();
    const a = collector();
    await hub.subscribe(spec, a.subscriber);
    state.final = true;
    bus.announce("org-1");
    await sleep(30);
    expect(a.got.map((m) => m.event)).toEqual(["count", "end"]);
    expect(hub.topicCount).toBe(0);
    hub.close();
  });

  it("refreshes every topic periodically without changes", async () => {
    const hub = new BoardHub(new ChangeBus(null), { windowMs: 1, minGapMs: 1, refreshMs: 20 });
    const { state, spec } = counterTopic();
    await hub.subscribe(spec, collector().subscriber);
    await sleep(75);
    expect(state.computes).toBeGreaterThanOrEqual(3);
    hub.close();
  });
});
