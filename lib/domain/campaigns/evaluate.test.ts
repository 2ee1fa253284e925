import { describe, expect, it } from "vitest";
import { bayesianAverage, wilsonLowerBound } from "../fairness";
import type { Rule } from "./document";
import { evaluate, EvaluationError } from "./evaluate";
import { byAgent, campaign, kv, PERIOD, run } from "./test-support";

const points = (amount: number) => ({ type: "points" as const, amount });
const csatAtLeast90: Rule = { kind: "threshold", metric: "csat", op: "gte", target: 90, award: { type: "leave", minutes: 480 } };

describe("threshold rules", () => {
  it("reaches a gte target with a value exactly on it", () => {
    const r = byAgent(run(csatAtLeast90, { ana: { csat: kv(90, 40) }, ben: { csat: kv(89.99, 40) } }));
    expect(r.ana).toMatchObject({ status: "awarded", awards: [{ type: "leave", minutes: 480 }] });
    expect(r.ana!.explanation.outcome).toEqual({ kind: "threshold", op: "gte", target: 90, reached: true });
    expect(r.ben).toMatchObject({ status: "not_reached", awards: [] });
  });

  it("reaches an lte target for a lower-is-better KPI", () => {
    const rule: Rule = { kind: "threshold", metric: "aht", op: "lte", target: 300, award: points(50) };
    const r = byAgent(run(rule, { ana: { aht: kv(300, 10) }, ben: { aht: kv(301, 10) } }));
    expect(r.ana!.status).toBe("awarded");
    expect(r.ben!.status).toBe("not_reached");
  });

  it("gives nothing below minSamples, explained as not enough data, and ranks no one without data", () => {
    const rule: Rule = { ...csatAtLeast90, fairness: { minSamples: 20, method: "raw" } };
    const r = byAgent(run(rule, { ana: { csat: kv(100, 19) }, ben: { csat: kv(95, 20) } }, {}, { also: ["cy"] }));
    expect(r.ana).toMatchObject({ status: "not_enough_data", value: null, n: 19, rank: null, awards: [] });
    expect(r.ana!.explanation.fairness).toEqual({ method: "raw", minSamples: 20, raw: 100, adjusted: null, enoughData: false });
    expect(r.cy).toMatchObject({ status: "not_enough_data", value: null, n: 0, rank: null });
    expect(r.ben).toMatchObject({ status: "awarded", rank: 1 });
  });
});

describe("tiered rules", () => {
  const rule: Rule = {
    kind: "tiered",
    metric: "csat",
    op: "gte",
    tiers: [
      { value: 85, award: points(50) },
      { value: 90, award: points(100) },
      { value: 95, award: points(200) },
    ],
  };

  it("pays only the hardest tier reached and names the next one", () => {
    const r = byAgent(run(rule, { ana: { csat: kv(92, 50) }, ben: { csat: kv(95, 50) }, cy: { csat: kv(80, 50) } }));
    expect(r.ana!.awards).toEqual([points(100)]);
    expect(r.ana!.explanation.outcome).toEqual({ kind: "tiered", op: "gte", tierIndex: 1, tierValue: 90, nextTier: { index: 2, value: 95 } });
    expect(r.ben!.awards).toEqual([points(200)]);
    expect(r.ben!.explanation.outcome).toEqual({ kind: "tiered", op: "gte", tierIndex: 2, tierValue: 95 });
    expect(r.cy).toMatchObject({ status: "not_reached", awards: [] });
    expect(r.cy!.explanation.outcome).toMatchObject({ tierIndex: null, nextTier: { index: 0, value: 85 } });
  });

  it("orders lte tiers from easiest (highest) to hardest (lowest)", () => {
    const aht: Rule = { kind: "tiered", metric: "aht", op: "lte", tiers: [{ value: 300, award: points(10) }, { value: 240, award: points(20) }] };
    const r = byAgent(run(aht, { ana: { aht: kv(250, 9) }, ben: { aht: kv(240, 9) } }));
    expect(r.ana!.awards).toEqual([points(10)]);
    expect(r.ben!.awards).toEqual([points(20)]);
  });

  it("refuses tiers that are not from easiest to hardest", () => {
    const bad: Rule = { ...rule, tiers: [{ value: 90, award: points(1) }, { value: 85, award: points(2) }] } as Rule;
    expect(() => run(bad, {})).toThrow(EvaluationError);
  });
});

describe("per_unit rules", () => {
  it("counts whole units only (177 at per 10 → 17)", () => {
    const rule: Rule = { kind: "per_unit", metric: "calls_answered", per: 10, award: points(5) };
    const r = byAgent(run(rule, { ana: { calls_answered: kv(177, 200) }, ben: { calls_answered: kv(9, 20) } }));
    expect(r.ana!.explanation.outcome).toEqual({ kind: "per_unit", units: 17, per: 10, mode: "flat" });
    expect(r.ana!.awards).toEqual([points(85)]);
    expect(r.ben).toMatchObject({ status: "not_reached", awards: [] });
  });

  it("pays every unit at the band of the total (slab) or each unit at its own band (marginal)", () => {
    const bands = [
      { from: 0, award: points(1) },
      { from: 100, award: points(3) },
    ];
    const slab: Rule = { kind: "per_unit", metric: "calls_answered", per: 10, award: points(1), bands, mode: "slab" };
    const marginal: Rule = { ...slab, mode: "marginal" };
    const kpis = { ana: { calls_answered: kv(177, 200) } };
    const s = byAgent(run(slab, kpis)).ana!;
    expect(s.awards).toEqual([points(17 * 3)]);
    expect(s.explanation.outcome).toEqual({ kind: "per_unit", units: 17, per: 10, mode: "slab", bandIndex: 1, unitsPerBand: [0, 17] });
    // units 1–10 start at 0…90 (band 0), units 11–17 at 100…160 (band 1): 10 × 1 + 7 × 3
    const m = byAgent(run(marginal, kpis)).ana!;
    expect(m.awards).toEqual([points(31)]);
    expect(m.explanation.outcome).toEqual({ kind: "per_unit", units: 17, per: 10, mode: "marginal", bandIndex: 1, unitsPerBand: [10, 7] });
  });

  it("gives a badge once for any number of units", () => {
    const rule: Rule = { kind: "per_unit", metric: "tickets_solved", per: 1, award: { type: "badge", badge: "closer" } };
    expect(byAgent(run(rule, { ana: { tickets_solved: kv(12, 12) } })).ana!.awards).toEqual([{ type: "badge", badge: "closer" }]);
  });

  it("caps points per agent and records the cut", () => {
    const rule: Rule = { kind: "per_unit", metric: "tickets_solved", per: 1, award: points(5) };
    const r = byAgent(run(rule, { ana: { tickets_solved: kv(300, 310) }, ben: { tickets_solved: kv(100, 100) } }, { capPerAgent: [{ type: "points", amount: 1000 }] }));
    expect(r.ana!.awards).toEqual([points(1000)]);
    expect(r.ana!.explanation.awardsBeforeLimits).toEqual([points(1500)]);
    expect(r.ana!.explanation.caps).toEqual([{ type: "points", cap: 1000, before: 1500, after: 1000 }]);
    expect(r.ben!.explanation.caps).toEqual([{ type: "points", cap: 1000, before: 500, after: 500 }]);
  });
});

describe("gates", () => {
  it("blocks a speed award when CSAT is low, passes the prize to the next eligible agent, and records every check", () => {
    const rule: Rule = {
      kind: "rank",
      metric: "aht",
      top: 1,
      prizes: [points(100)],
      ties: "share",
      gates: [
        { metric: "csat", op: "gte", value: 85, minSamples: 10 },
        { metric: "fcr_rate", op: "gte", value: 70 },
      ],
    };
    const r = byAgent(
      run(rule, {
        fast: { aht: kv(180, 50), csat: kv(60, 40), fcr_rate: kv(80, 40) },
        fine: { aht: kv(240, 50), csat: kv(90, 40), fcr_rate: kv(75, 40) },
        thin: { aht: kv(200, 50), csat: kv(100, 5), fcr_rate: kv(90, 40) },
      }),
    );
    expect(r.fast).toMatchObject({ status: "gate_failed", rank: null, awards: [] });
    expect(r.fast!.explanation.gates).toEqual([
      { metric: "csat", op: "gte", value: 85, minSamples: 10, actual: 60, n: 40, passed: false },
      { metric: "fcr_rate", op: "gte", value: 70, minSamples: 0, actual: 80, n: 40, passed: true },
    ]);
    expect(r.thin).toMatchObject({ status: "gate_failed" }); // 100 % on 5 surveys is below the gate's 10
    expect(r.fine).toMatchObject({ status: "awarded", rank: 1, awards: [points(100)] });
  });
});

describe("composite scores", () => {
  // csat higher-is-better, aht lower-is-better (inverted)
  const kpis = {
    a: { csat: kv(90, 50), aht: kv(300, 50) },
    b: { csat: kv(80, 50), aht: kv(200, 50) },
    c: { csat: kv(70, 50), aht: kv(400, 50) },
  };
  const rankBy = (normalize: "minmax" | "zscore", weights: Record<string, number>): Rule => ({
    kind: "rank",
    metric: "composite",
    composite: { normalize, weights },
    top: 1,
    prizes: [points(10)],
    ties: "share",
  });

  it("inverts a lower-is-better KPI in min-max", () => {
    const r = byAgent(run(rankBy("minmax", { csat: 1, aht: 1 }), kpis));
    expect(r.a!.explanation.composite!.parts).toEqual([
      { metric: "aht", value: 300, adjusted: 300, normalized: 50, weight: 1 },
      { metric: "csat", value: 90, adjusted: 90, normalized: 100, weight: 1 },
    ]);
    expect(r.b!.explanation.composite!.parts.map((p) => p.normalized)).toEqual([100, 50]);
    expect([r.a!.value, r.b!.value, r.c!.value]).toEqual([75, 75, 0]);
    expect([r.a!.rank, r.b!.rank, r.c!.rank]).toEqual([1, 1, 3]);
  });

  it("inverts a lower-is-better KPI in z-score, with any positive weights", () => {
    const z = 10 / Math.sqrt(200 / 3); // csat: (90 − 80) / sd; aht: (300 − 200) / sd is the same
    const r = byAgent(run(rankBy("zscore", { csat: 2, aht: 1 }), kpis));
    expect(r.b!.explanation.composite!.parts.map((p) => p.normalized)).toEqual([expect.closeTo(z, 12), 0]);
    expect(r.a!.value).toBeCloseTo((2 * z + 0) / 3, 12);
    expect(r.b!.value).toBeCloseTo((0 + z) / 3, 12);
    expect(r.c!.value).toBeCloseTo((2 * -z - z) / 3, 12);
    expect(r.a!.awards).toEqual([points(10)]);
  });

  it("gives 100 (min-max) or 0 (z-score) when everyone has the same value", () => {
    const same = { a: { csat: kv(90, 9), aht: kv(300, 9) }, b: { csat: kv(90, 9), aht: kv(200, 9) } };
    expect(byAgent(run(rankBy("minmax", { csat: 1 }), same)).a!.value).toBe(100);
    expect(byAgent(run(rankBy("zscore", { csat: 1 }), same)).a!.value).toBe(0);
  });

  it("has no score for an agent missing a part, and takes the smallest n of the parts", () => {
    const r = byAgent(run(rankBy("minmax", { csat: 1, aht: 1 }), { ...kpis, d: { csat: kv(100, 50) } }));
    expect(r.d).toMatchObject({ status: "not_enough_data", value: null, rank: null });
    expect(r.a!.n).toBe(50);
    expect(byAgent(run(rankBy("minmax", { csat: 1, aht: 1 }), { e: { csat: kv(90, 12), aht: kv(200, 30) } })).e!.n).toBe(12);
  });
});

describe("fairness", () => {
  const rule = (method: "raw" | "wilson"): Rule => ({ kind: "rank", metric: "csat", fairness: { minSamples: 0, method }, top: 1, prizes: [points(100)], ties: "share" });
  const kpis = { lucky: { csat: kv(100, 3) }, steady: { csat: kv(95, 100) } };

  it("lets Wilson change the winner on a small sample (3/3 = 100 % vs 95/100)", () => {
    expect(byAgent(run(rule("raw"), kpis)).lucky!.awards).toEqual([points(100)]);
    const r = byAgent(run(rule("wilson"), kpis));
    expect(r.steady).toMatchObject({ rank: 1, awards: [points(100)] });
    expect(r.lucky!.value).toBeCloseTo(wilsonLowerBound(100, 3)!, 12);
    expect(r.lucky!.explanation.fairness).toMatchObject({ method: "wilson", raw: 100, enoughData: true });
  });

  it("pulls a small-sample mean toward the group mean with Bayes", () => {
    const rule: Rule = { kind: "rank", metric: "aht", fairness: { minSamples: 0, method: "bayes", bayesWeight: 10 }, top: 1, prizes: [points(100)], ties: "share" };
    const r = byAgent(run(rule, { quick: { aht: kv(150, 1) }, b: { aht: kv(170, 100) }, c: { aht: kv(250, 100) } }));
    const groupMean = (150 + 170 * 100 + 250 * 100) / 201;
    expect(r.quick!.explanation.fairness).toMatchObject({ method: "bayes", raw: 150, groupMean });
    expect(r.quick!.value).toBe(bayesianAverage(150, 1, groupMean, 10));
    expect(r.b).toMatchObject({ rank: 1, awards: [points(100)] });
  });

  it("records raw when the method does not fit the KPI kind", () => {
    const r = byAgent(run({ ...csatAtLeast90, fairness: { minSamples: 0, method: "bayes" } }, { a: { csat: kv(91, 9) } }));
    expect(r.a!.explanation.fairness.method).toBe("raw");
    expect(r.a!.value).toBe(91);
  });
});

describe("compare", () => {
  it("measures attainment against each agent's own target", () => {
    const rule: Rule = { kind: "threshold", metric: "tickets_solved", compare: "attainment", targets: { a: 40, b: 60, z: 0 }, op: "gte", target: 100, award: points(20) };
    const r = byAgent(run(rule, { a: { tickets_solved: kv(50, 50) }, b: { tickets_solved: kv(50, 50) }, c: { tickets_solved: kv(50, 50) }, z: { tickets_solved: kv(5, 5) } }));
    expect(r.a).toMatchObject({ value: 125, status: "awarded" });
    expect(r.a!.explanation.reference).toEqual({ target: 40 });
    expect(r.b!.value).toBeCloseTo(83.333, 3);
    expect(r.b!.status).toBe("not_reached");
    expect(r.c).toMatchObject({ status: "no_target", value: null, rank: null });
    expect(r.z!.status).toBe("no_target");
  });

  it("reverses improvement for a lower-is-better KPI", () => {
    const rule: Rule = { kind: "threshold", metric: "aht", compare: "improvement", op: "gte", target: 20, award: points(30) };
    const previous = { period: { from: "2026-02-01", to: "2026-02-28" }, kpis: { a: { aht: kv(300, 40) }, b: { aht: kv(300, 40) } } };
    const r = byAgent(run(rule, { a: { aht: kv(270, 40) }, b: { aht: kv(320, 40) }, c: { aht: kv(200, 40) } }, {}, { previous }));
    expect(r.a).toMatchObject({ value: 30, status: "awarded" });
    expect(r.a!.explanation.reference).toEqual({ previous: 300, previousN: 40, previousRaw: 300 });
    expect(r.b).toMatchObject({ value: -20, status: "not_reached" });
    expect(r.c).toMatchObject({ value: null, status: "no_previous" });
    expect([r.a!.rank, r.b!.rank]).toEqual([1, 2]);
  });

  it("applies the same minSamples to the previous value", () => {
    const rule: Rule = { kind: "threshold", metric: "csat", compare: "improvement", fairness: { minSamples: 10, method: "raw" }, op: "gte", target: 0, award: points(1) };
    const previous = { period: PERIOD, kpis: { a: { csat: kv(50, 9) } } };
    expect(byAgent(run(rule, { a: { csat: kv(90, 20) } }, {}, { previous })).a!.status).toBe("no_previous");
  });
});

describe("budget and caps", () => {
  const cash = (amountMinor: number) => ({ type: "cash" as const, amountMinor, currency: "MYR" });

  it("prorates cash over budget in exact integers", () => {
    const rule: Rule = { kind: "threshold", metric: "csat", op: "gte", target: 0, award: cash(1000) };
    const res = run(rule, { a: { csat: kv(90, 9) }, b: { csat: kv(80, 9) }, c: { csat: kv(70, 9) } }, { budget: { currency: "MYR", amountMinor: 2000, policy: "prorate" } });
    const r = byAgent(res);
    expect(r.a!.awards).toEqual([cash(666)]);
    expect(r.a!.explanation.budget).toEqual({ currency: "MYR", policy: "prorate", budgetMinor: 2000, requestedMinor: 3000, before: 1000, after: 666 });
    expect(res.totals).toEqual({ points: 0, leaveMinutes: 0, cash: { MYR: 1998 } });
  });

  it("pays in rank order until the budget runs out", () => {
    const rule: Rule = { kind: "rank", metric: "csat", top: 3, prizes: [cash(1500), cash(1000), { type: "points", amount: 5 }], ties: "share" };
    const r = byAgent(run(rule, { a: { csat: kv(99, 9) }, b: { csat: kv(98, 9) }, c: { csat: kv(97, 9) } }, { budget: { currency: "MYR", amountMinor: 1600, policy: "rank_order" } }));
    expect(r.a!.awards).toEqual([cash(1500)]);
    expect(r.b).toMatchObject({ status: "awarded", awards: [cash(100)] });
    expect(r.b!.explanation.budget).toEqual({ currency: "MYR", policy: "rank_order", budgetMinor: 1600, requestedMinor: 2500, before: 1000, after: 100, remainingMinor: 100 });
    expect(r.c!.awards).toEqual([points(5)]);
  });

  it("says budget_exhausted when the budget leaves a participant nothing", () => {
    const rule: Rule = { kind: "threshold", metric: "csat", op: "gte", target: 0, award: cash(1000) };
    const r = byAgent(run(rule, { a: { csat: kv(90, 9) }, b: { csat: kv(80, 9) } }, { budget: { currency: "MYR", amountMinor: 1000, policy: "rank_order" } }));
    expect(r.a!.status).toBe("awarded");
    expect(r.b).toMatchObject({ status: "budget_exhausted", awards: [] });
  });

  it("leaves cash unchanged when it fits, and other currencies alone", () => {
    const rule: Rule = { kind: "threshold", metric: "csat", op: "gte", target: 0, award: { type: "cash", amountMinor: 500, currency: "SGD" } };
    const r = byAgent(run(rule, { a: { csat: kv(90, 9) } }, { budget: { currency: "MYR", amountMinor: 0, policy: "prorate" } }));
    expect(r.a!.awards).toEqual([{ type: "cash", amountMinor: 500, currency: "SGD" }]);
    expect(r.a!.explanation.budget).toBeUndefined();
  });

  it("caps cash per currency", () => {
    const rule: Rule = { kind: "per_unit", metric: "tickets_solved", per: 1, award: cash(300) };
    const r = byAgent(run(rule, { a: { tickets_solved: kv(10, 10) } }, { capPerAgent: [{ type: "cash", amountMinor: 2000, currency: "MYR" }, { type: "leave", minutes: 60 }] }));
    expect(r.a!.awards).toEqual([cash(2000)]);
    expect(r.a!.explanation.caps).toEqual([{ type: "cash", currency: "MYR", cap: 2000, before: 3000, after: 2000 }]);
  });
});

describe("streaks", () => {
  const rule: Rule = { kind: "streak", metric: "csat", every: "day", count: 3, condition: { metric: "csat", op: "gte", value: 90, minSamples: 2 }, award: points(100) };
  const day = (i: number) => ({ from: `2026-03-0${i}`, to: `2026-03-0${i}` });

  it("skips days off, breaks on a miss or too few samples, and pays ⌊run ÷ count⌋ per run", () => {
    // met, met, off, met | miss | met, met, met, thin (1 sample), off
    const days: Array<[number | null, number]> = [[95, 3], [90, 2], [null, 0], [100, 4], [80, 5], [92, 3], [91, 3], [99, 3], [100, 1]];
    const subPeriods = days.map(([value, n], i) => ({ period: day(i + 1), kpis: { ana: { csat: kv(value, n) } } }));
    const r = byAgent(run(rule, { ana: { csat: kv(93, 26) } }, {}, { subPeriods })).ana!;
    expect(r.explanation.outcome).toMatchObject({ kind: "streak", runs: [3, 3], streaks: 2, met: [true, true, false, true, false, true, true, true, false] });
    expect(r.awards).toEqual([points(200)]);
  });

  it("takes sub-periods in calendar order whatever order they come in", () => {
    const subPeriods = [3, 1, 2].map((i) => ({ period: day(i), kpis: { ana: { csat: kv(i === 2 ? 50 : 95, 5) } } }));
    const o = byAgent(run(rule, { ana: { csat: kv(80, 15) } }, {}, { subPeriods })).ana!.explanation.outcome;
    expect(o).toMatchObject({ runs: [1, 1], met: [true, false, true], streaks: 0 });
  });

  it("needs the per-period values", () => {
    expect(() => run(rule, { ana: { csat: kv(93, 26) } })).toThrow(/subPeriods/);
  });
});

describe("recognition", () => {
  const rule: Rule = { kind: "recognition", metric: "csat", shortlist: 2, award: { type: "badge", badge: "employee-of-the-month" } };
  const kpis = { a: { csat: kv(99, 40) }, b: { csat: kv(95, 40) }, c: { csat: kv(90, 40) } };

  it("shortlists the top by rank and awards nobody without a pick", () => {
    const r = byAgent(run(rule, kpis));
    expect([r.a!.status, r.b!.status, r.c!.status]).toEqual(["shortlisted", "shortlisted", "not_shortlisted"]);
    expect(r.a!.explanation.outcome).toEqual({ kind: "recognition", shortlistRank: 1, shortlisted: true, picked: false });
  });

  it("awards the picked agent on the shortlist and ignores a pick outside it", () => {
    const r = byAgent(run(rule, kpis, {}, { picks: ["b", "c"] }));
    expect(r.b).toMatchObject({ status: "awarded", awards: [{ type: "badge", badge: "employee-of-the-month" }] });
    expect(r.c).toMatchObject({ status: "not_shortlisted", awards: [] });
    expect(r.a!.status).toBe("shortlisted");
  });
});

describe("evaluation errors (fail closed)", () => {
  const input = (rule: Rule, participants = [{ agent: "a", name: "A" }]) => ({ document: campaign(rule), period: PERIOD, participants, kpis: {} });

  it("throws on an unknown KPI anywhere in the rule, even with no participants", () => {
    expect(() => evaluate(input({ ...csatAtLeast90, metric: "happiness" }, []))).toThrow(new EvaluationError('unknown KPI "happiness"'));
    expect(() => evaluate(input({ ...csatAtLeast90, gates: [{ metric: "kudos_received", op: "gte", value: 1 }] }))).toThrow(EvaluationError);
    expect(() => evaluate(input({ kind: "rank", metric: "csat", top: 1, prizes: [points(1)], ties: "tiebreak", tiebreak: "nope" }))).toThrow(EvaluationError);
    expect(() => evaluate(input({ kind: "rank", metric: "composite", composite: { normalize: "zscore", weights: { nope: 1 } }, top: 1, prizes: [points(1)], ties: "share" }))).toThrow(EvaluationError);
  });

  it("throws on a broken rule or input", () => {
    expect(() => evaluate(input({ kind: "rank", metric: "csat", top: 1, prizes: [points(1)], ties: "tiebreak" }))).toThrow(/tiebreak/);
    expect(() => evaluate(input({ kind: "rank", metric: "composite", top: 1, prizes: [points(1)], ties: "share" }))).toThrow(/composite/);
    expect(() => evaluate(input({ ...csatAtLeast90, award: points(1.5) }))).toThrow(/whole number/);
    expect(() => evaluate(input(csatAtLeast90, [{ agent: "a", name: "A" }, { agent: "a", name: "A again" }]))).toThrow(/twice/);
    expect(() => evaluate({ ...input(csatAtLeast90), kpis: { a: { csat: kv(Number.NaN, 3) } } })).toThrow(EvaluationError);
    expect(() => evaluate(input({ kind: "per_unit", metric: "tickets_solved", per: 0, award: points(1) }))).toThrow(/per/);
  });

  it("refuses an award too large to pay exactly", () => {
    const rule: Rule = { kind: "per_unit", metric: "tickets_solved", per: 1, award: points(1e12) };
    expect(() => evaluate({ ...input(rule), kpis: { a: { tickets_solved: kv(1e6, 1e6) } } })).toThrow(/too large/);
  });
});

describe("output", () => {
  it("sorts results by rank, unranked last, then agent id, and merges awards in a fixed order", () => {
    const rule: Rule = {
      kind: "rank",
      metric: "csat",
      top: 2,
      prizes: [
        { type: "reward", rewardId: "voucher" },
        { badge: "runner-up", type: "badge" } as const,
      ],
      ties: "share",
    };
    const res = run(rule, { z: { csat: kv(90, 9) }, y: { csat: kv(90, 9) }, x: { csat: kv(50, 9) }, w: {} });
    expect(res.results.map((r) => [r.agent, r.rank])).toEqual([["y", 1], ["z", 1], ["x", 3], ["w", null]]);
    expect(res.results[0]!.awards).toEqual([{ type: "badge", badge: "runner-up" }, { type: "reward", rewardId: "voucher" }]);
    expect(JSON.stringify(res.results[0]!.awards)).toBe('[{"type":"badge","badge":"runner-up"},{"type":"reward","rewardId":"voucher"}]');
  });

  it("does not depend on the key order of the stored rule", () => {
    const a: Rule = { kind: "threshold", metric: "csat", op: "gte", target: 0, award: { type: "cash", amountMinor: 5, currency: "MYR" } };
    const b = { award: { currency: "MYR", amountMinor: 5, type: "cash" }, target: 0, op: "gte", metric: "csat", kind: "threshold" } as Rule;
    const kpis = { a: { csat: kv(90, 9) } };
    expect(JSON.stringify(run(b, kpis))).toBe(JSON.stringify(run(a, kpis)));
  });
});
