import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeyedThrottle } from "./throttle";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("KeyedThrottle", () => {
  it("runs the first trigger at once and merges the rest of the window into one run at its end", () => {
    const runs: string[] = [];
    const t = new KeyedThrottle<string>(25, (k) => runs.push(k));
    t.trigger("org-1");
    expect(runs).toEqual(["org-1"]);
    for (let i = 0; i < 50; i++) t.trigger("org-1");
    expect(runs).toEqual(["org-1"]);
    vi.advanceTimersByTime(25);
    expect(runs).toEqual(["org-1", "org-1"]);
    vi.advanceTimersByTime(25); // nothing new in the second window
    expect(runs).toEqual(["org-1", "org-1"]);
    expect(t.pending).toBe(0);
  });

  it("keeps organizations apart", () => {
    const runs: string[] = [];
    const t = new KeyedThrottle<string>(25, (k) => runs.push(k));
    t.trigger("a");
    t.trigger("b");
    t.trigger("a");
    expect(runs).toEqual(["a", "b"]);
    vi.advanceTimersByTime(25);
    expect(runs).toEqual(["a", "b", "a"]);
  });

  it("runs at most once per window under a steady stream of triggers", () => {
    let runs = 0;
    const t = new KeyedThrottle<string>(25, () => runs++);
    for (let ms = 0; ms < 1_000; ms++) {
      t.trigger("org");
      vi.advanceTimersByTime(1);
    }
    expect(runs).toBeGreaterThanOrEqual(39);
    expect(runs).toBeLessThanOrEqual(41);
  });

  it("flush runs what is merged and closes every window", () => {
    const runs: string[] = [];
    const t = new KeyedThrottle<string>(25, (k) => runs.push(k));
    t.trigger("a");
    t.trigger("a");
    t.trigger("b");
    t.flush();
    expect(runs).toEqual(["a", "b", "a"]);
    expect(t.pending).toBe(0);
  });
});
