import { describe, expect, it } from "vitest";
import { addDays, isValidDay, localDay, previousRange, splitRange } from "./calendar";
import { applyFairness, bayesianAverage, wilsonLowerBound, wilsonUpperBound } from "./fairness";

describe("fairness", () => {
  it("ranks a steady large sample above a lucky small one with Wilson", () => {
    expect(wilsonLowerBound(100, 3)).toBeCloseTo(43.85, 2);
    expect(wilsonLowerBound(95, 100)).toBeCloseTo(88.82, 2);
    expect(wilsonLowerBound(50, 0)).toBeNull();
  });

  it("judges a lower-is-better rate on the upper bound, so no data looks no better than a steady record", () => {
    expect(wilsonUpperBound(0, 3)).toBeCloseTo(56.15, 2);
    expect(wilsonUpperBound(5, 100)).toBeCloseTo(11.18, 2);
    expect(wilsonUpperBound(50, 0)).toBeNull();
    // 0 abandoned of 1 call vs 5 of 100: raw, the lucky one wins; on the upper bound, the steady one does
    const rows = [
      { key: "lucky", value: 0, n: 1 },
      { key: "steady", value: 5, n: 100 },
    ];
    const lower = applyFairness(rows, "rate", { minSamples: 0, method: "wilson" }, "lower");
    expect(lower.get("steady")!.value!).toBeLessThan(lower.get("lucky")!.value!);
    expect(lower.get("lucky")!.raw).toBe(0);
    // the same rates where higher is better still take the lower bound
    const higher = applyFairness(rows, "rate", { minSamples: 0, method: "wilson" });
    expect(higher.get("lucky")!.value).toBe(0);
    for (let n = 1; n <= 50; n++)
      for (const rate of [0, 10, 50, 90, 100]) {
        const lo = wilsonLowerBound(rate, n)!;
        const hi = wilsonUpperBound(rate, n)!;
        expect(lo).toBeLessThanOrEqual(rate + 1e-9);
        expect(hi).toBeGreaterThanOrEqual(rate - 1e-9);
        expect(hi).toBeLessThanOrEqual(100 + 1e-9);
      }
  });

  it("pulls small-sample means toward the group mean with Bayes", () => {
    expect(bayesianAverage(100, 1, 50, 9)).toBe(55);
  });

  it("marks participants below minSamples as not enough data", () => {
    const out = applyFairness([{ key: "a", value: 90, n: 5 }, { key: "b", value: 80, n: 50 }], "rate", { minSamples: 20, method: "raw" });
    expect(out.get("a")).toEqual({ value: null, n: 5, raw: 90, enoughData: false });
    expect(out.get("b")?.value).toBe(80);
  });
});

describe("calendar", () => {
  it("puts an instant on the calendar day of the organization's time zone", () => {
    expect(localDay("2026-10-31T23:30:00+08:00", "Asia/Kuala_Lumpur")).toBe("2026-10-31");
    expect(localDay("2026-10-31T16:30:00Z", "Asia/Kuala_Lumpur")).toBe("2026-11-01");
    expect(localDay("2026-11-01T03:00:00Z", "America/New_York")).toBe("2026-10-31");
  });

  it("splits a range into whole months and edge days", () => {
    expect(splitRange("2026-01-15", "2026-04-10")).toEqual({
      months: ["2026-02", "2026-03"],
      days: [
        { from: "2026-01-15", to: "2026-01-31" },
        { from: "2026-04-01", to: "2026-04-10" },
      ],
    });
    expect(splitRange("2024-02-01", "2024-02-29")).toEqual({ months: ["2024-02"], days: [] });
  });

  it("knows real dates and the previous equal range", () => {
    expect(isValidDay("2024-02-29")).toBe(true);
    expect(isValidDay("2025-02-29")).toBe(false);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(previousRange("2026-03-01", "2026-03-31")).toEqual({ from: "2026-01-29", to: "2026-02-28" });
  });
});
