import { describe, expect, it } from "vitest";
import { ANY_ORG, ChangeBus } from "./changes";
import { ViewCache } from "./view-cache";

function counter() {
  let n = 0;
  const compute = async () => ++n;
  return { compute, count: () => n };
}

describe("ViewCache", () => {
  it("serves a fresh view without computing and shares concurrent misses", async () => {
    let now = 0;
    const cache = new ViewCache(new ChangeBus(null), { freshMs: 1_000, maxAgeMs: 5_000, now: () => now });
    const c = counter();
    const [a, b] = await Promise.all([cache.get("org", "k", c.compute), cache.get("org", "k", c.compute)]);
    expect([a, b]).toEqual([1, 1]);
    now = 999;
    expect(await cache.get("org", "k", c.compute)).toBe(1);
    expect(c.count()).toBe(1);
  });

  it("drops an organization's views on its changes only", async () => {
    const bus = new ChangeBus(null);
    const cache = new ViewCache(bus, { now: () => 0 });
    const c = counter();
    const d = counter();
    await cache.get("org-1", "k", c.compute);
    await cache.get("org-2", "k", d.compute);
    bus.announce("org-1");
    expect(await cache.get("org-1", "k", c.compute)).toBe(2);
    expect(await cache.get("org-2", "k", d.compute)).toBe(1);
    bus.announce(ANY_ORG);
    expect(await cache.get("org-2", "k", d.compute)).toBe(2);
  });

  it("serves a stale view while refreshing it, and recomputes one past the maximum age before answering", async () => {
    let now = 0;
    const cache = new ViewCache(new ChangeBus(null), { freshMs: 1_000, maxAgeMs: 5_000, now: () => now });
    const c = counter();
    await cache.get("org", "k", c.compute);
    now = 2_000;
    expect(await cache.get("org", "k", c.compute)).toBe(1); // stale, refresh started
    await Promise.resolve();
    expect(c.count()).toBe(2);
    expect(await cache.get("org", "k", c.compute)).toBe(2);
    now = 10_000;
    expect(await cache.get("org", "k", c.compute)).toBe(3);
  });

  it("does not store a view computed across a change (it may predate the change)", async () => {
    const bus = new ChangeBus(null);
    let now = 0;
    const cache = new ViewCache(bus, { freshMs: 1_000, maxAgeMs: 5_000, now: () => now });
    let release!: () => void;
    let n = 0;
    const slow = () => new Promise<number>((r) => (release = () => r(++n)));
    const first = cache.get("org", "k", slow);
    bus.announce("org");
    release();
    expect(await first).toBe(1); // the caller that asked before the change gets it
    const second = cache.get("org", "k", slow); // but it was not kept
    release();
    expect(await second).toBe(2);
    now = 2_000; // stale: a background refresh starts, then a change lands before it finishes
    expect(await cache.get("org", "k", slow)).toBe(2);
    bus.announce("org");
    release();
    await Promise.resolve();
    const third = cache.get("org", "k", slow);
    release();
    expect(await third).toBe(4);
  });

  it("does not keep errors", async () => {
    const cache = new ViewCache(new ChangeBus(null), { now: () => 0 });
    await expect(cache.get("org", "k", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("org", "k", async () => 7)).toBe(7);
  });

  it("holds at most maxEntries views", async () => {
    const cache = new ViewCache(new ChangeBus(null), { maxEntries: 3, now: () => 0 });
    for (let i = 0; i < 10; i++) await cache.get("org", `k${i}`, async () => i);
    expect(cache.size).toBe(3);
  });
});

describe("ViewCache freshness", () => {
  it("recomputes a view that is no longer valid (computed for another day)", async () => {
    const cache = new ViewCache(new ChangeBus(null), { now: () => 0 });
    let day = "2026-09-01";
    let n = 0;
    const compute = async () => ({ day, n: ++n });
    expect(await cache.get("org", "k", compute, (v) => v.day === day)).toEqual({ day: "2026-09-01", n: 1 });
    expect(await cache.get("org", "k", compute, (v) => v.day === day)).toEqual({ day: "2026-09-01", n: 1 });
    day = "2026-09-02";
    expect(await cache.get("org", "k", compute, (v) => v.day === day)).toEqual({ day: "2026-09-02", n: 2 });
  });

  it("keeps a view fresh for 20 times as long as it took to compute", async () => {
    let now = 0;
    const cache = new ViewCache(new ChangeBus(null), { freshMs: 1_000, maxAgeMs: 5_000, now: () => now });
    let n = 0;
    const slow = async () => {
      now += 500; // takes half a second
      return ++n;
    };
    expect(await cache.get("org", "k", slow)).toBe(1);
    now = 9_000; // fresh for 10 s from the start
    expect(await cache.get("org", "k", slow)).toBe(1);
    expect(cache.stats.stale).toBe(0);
    now = 15_000; // stale (served while refreshing) up to 20 s
    expect(await cache.get("org", "k", slow)).toBe(1);
    expect(cache.stats.stale).toBe(1);
  });
});
