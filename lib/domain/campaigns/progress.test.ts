import { describe, expect, it } from "vitest";
import type { Rule } from "./document";
import { currentRun, kpiGoal, progressToward } from "./progress";
import { kv } from "./test-support";

const pace = { elapsedDays: 10, totalDays: 30 };
const points = (amount: number) => ({ type: "points" as const, amount });
const csat90: Rule = { kind: "threshold", metric: "csat", op: "gte", target: 90, award: points(1) };

describe("progress toward a threshold", () => {
  it("allows at most 1 low rating in the next 10 at 45 good of 50 (90 % on target)", () => {
    // 1 bad: (45 + 9) / 60 = 90 % holds; 2 bad: 53 / 60 = 88.3 % fails
    const p = progressToward({ rule: csat90, current: kv(90, 50), pace });
    expect(p).toMatchObject({ reached: true, fraction: 1, target: 90, op: "gte", projected: 90, projectedReached: true });
    expect(p.needed).toEqual({ kind: "max_misses", misses: 1, within: 10 });
  });

  it("counts the good ratings in a row that reach the target from below", () => {
    // 40 of 50 = 80 %: 50 more good give 90 / 100 = 90 %, 49 give 89 / 99 = 89.9 %
    const p = progressToward({ rule: csat90, current: kv(80, 50), pace });
    expect(p.needed).toEqual({ kind: "all_good_next", samples: 50 });
    expect(p.fraction).toBeCloseTo(80 / 90, 12);
  });

  it("counts non-events for a lower-is-better rate, and says when 100 % is out of reach", () => {
    // abandon 6 of 100 = 6 %, target ≤ 5 %: 6 / 120 = 5 % after 20 answered calls
    const abandon: Rule = { kind: "threshold", metric: "abandon_rate", op: "lte", target: 5, award: points(1) };
    expect(progressToward({ rule: abandon, current: kv(6, 100), pace }).needed).toEqual({ kind: "all_good_next", samples: 20 });
    const perfect: Rule = { ...csat90, target: 100 };
    expect(progressToward({ rule: perfect, current: kv(98, 50), pace }).needed).toEqual({ kind: "unreachable" });
  });

  it("gives the average the next samples need for a mean KPI", () => {
    // AHT 320 s over 40 calls, target ≤ 300: (12 800 + 10x) / 50 ≤ 300 ⇔ x ≤ 220
    const aht: Rule = { kind: "threshold", metric: "aht", op: "lte", target: 300, award: points(1) };
    expect(progressToward({ rule: aht, current: kv(320, 40), pace }).needed).toEqual({ kind: "mean_at_most", value: 220, within: 10 });
    const qa: Rule = { kind: "threshold", metric: "qa_score", op: "gte", target: 85, award: points(1) };
    expect(progressToward({ rule: qa, current: kv(90, 10), pace, within: 5 }).needed).toEqual({ kind: "mean_at_least", value: 75, within: 5 });
  });

  it("projects a count at the current pace and counts the units still needed", () => {
    const tickets: Rule = { kind: "threshold", metric: "tickets_solved", op: "gte", target: 100, award: points(1) };
    const p = progressToward({ rule: tickets, current: kv(60, 64), pace });
    expect(p).toMatchObject({ fraction: 0.6, projected: 180, projectedReached: true, reached: false });
    expect(p.needed).toEqual({ kind: "more_units", units: 40, metric: "tickets_solved" });
    expect(progressToward({ rule: tickets, current: kv(60, 64), pace: { elapsedDays: 0, totalDays: 30 } }).projected).toBeNull();
  });

  it("asks for more samples below minSamples", () => {
    const rule: Rule = { ...csat90, fairness: { minSamples: 20, method: "wilson" } };
    expect(progressToward({ rule, current: kv(100, 5), pace })).toMatchObject({ reached: false, needed: { kind: "more_samples", samples: 15 } });
  });

  it("turns attainment and improvement targets into KPI goals", () => {
    const attain: Rule = { ...csat90, metric: "tickets_solved", compare: "attainment", target: 110 };
    expect(kpiGoal(attain, "gte", 110, { target: 50 }, "higher")).toEqual({ op: "gte", target: 55 });
    const improve: Rule = { ...csat90, metric: "aht", compare: "improvement", target: 20 };
    expect(kpiGoal(improve, "gte", 20, { previous: 300 }, "lower")).toEqual({ op: "lte", target: 280 });
    expect(kpiGoal(improve, "gte", 20, {}, "lower")).toBeNull();
    const p = progressToward({ rule: improve, current: kv(290, 30), pace, reference: { previous: 300 } });
    expect(p).toMatchObject({ op: "lte", target: 280, reached: false, needed: { kind: "mean_at_most", value: 250, within: 10 } }); // (280 × 40 − 290 × 30) ÷ 10
  });
});

describe("progress toward tiers, units and streaks", () => {
  it("aims at the next tier", () => {
    const rule: Rule = { kind: "tiered", metric: "csat", op: "gte", tiers: [85, 90, 95].map((value, i) => ({ value, award: points(50 * 2 ** i) })) };
    const p = progressToward({ rule, current: kv(92, 100), pace });
    expect(p).toMatchObject({ target: 95, reached: false, tier: { index: 1, next: { index: 2, value: 95 } } });
    expect(progressToward({ rule, current: kv(96, 100), pace })).toMatchObject({ reached: true, tier: { index: 2, next: null }, needed: { kind: "reached" } });
  });

  it("aims at the next whole unit and shows the next band", () => {
    const rule: Rule = { kind: "per_unit", metric: "tickets_solved", per: 5, award: points(1), bands: [{ from: 0, award: points(1) }, { from: 50, award: points(2) }], mode: "marginal" };
    const p = progressToward({ rule, current: kv(17, 20), pace });
    expect(p).toMatchObject({ target: 20, fraction: expect.closeTo(0.4, 12), needed: { kind: "more_units", units: 3, metric: "tickets_solved" } });
    expect(p.units).toEqual({ units: 3, per: 5, band: 0, nextBand: { index: 1, from: 50 } });
  });

  it("counts the days left to the next streak award", () => {
    const rule: Rule = { kind: "streak", metric: "csat", every: "day", count: 5, condition: { metric: "csat", op: "gte", value: 90, minSamples: 3 }, award: points(100) };
    const p = progressToward({ rule, current: kv(95, 4), pace, streakRun: 3 });
    expect(p).toMatchObject({ reached: true, fraction: 0.6, streak: { run: 3, count: 5, streaks: 0 }, needed: { kind: "more_periods", periods: 2, every: "day" } });
  });

  it("finds the current run of a streak outcome, skipping days off", () => {
    const outcome = {
      kind: "streak" as const,
      every: "day" as const,
      count: 5,
      runs: [1, 2],
      streaks: 0,
      met: [true, false, true, false, true],
      values: [kv(95, 3), kv(50, 3), kv(95, 3), kv(null, 0), kv(99, 3)],
    };
    expect(currentRun(outcome)).toBe(2);
  });

  it("has nothing to reach for a rank rule", () => {
    const rule: Rule = { kind: "rank", metric: "csat", top: 3, prizes: [points(1)], ties: "share" };
    expect(progressToward({ rule, current: kv(95, 40), pace })).toMatchObject({ needed: { kind: "none" }, fraction: null, projected: 95 });
  });
});
