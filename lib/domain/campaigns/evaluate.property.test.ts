import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KpiValue } from "../kpis";
import { awardKey } from "./awards";
import type { Award, Budget, CampaignDocument, Gate, Rule } from "./document";
import { evaluate } from "./evaluate";
import type { EvaluationInput, KpiTable } from "./evaluation";
import { awardsBeforeLimitsFromExplanation, awardsFromExplanation } from "./explain";
import { PERIOD } from "./test-support";

const AGENTS = ["ana", "ben", "cy", "dee", "eve", "fay", "gus"];

// Small samples and a few values, so ties, thin data and boundaries come up often.
const rate: fc.Arbitrary<KpiValue> = fc
  .tuple(fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.constantFrom(3, 10, 20, 30), weight: 8 }), fc.constantFrom(0.5, 0.8, 0.9, 1))
  .map(([n, p]) => ({ value: n > 0 ? (Math.round(n * p) / n) * 100 : null, n }));
const mean: fc.Arbitrary<KpiValue> = fc.tuple(fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.constantFrom(5, 15, 30), weight: 8 }), fc.constantFrom(180, 200, 240, 300, 420)).map(([n, v]) => ({ value: n > 0 ? v : null, n }));
const count: fc.Arbitrary<KpiValue> = fc
  .integer({ min: 0, max: 80 })
  .chain((n) => fc.integer({ min: 0, max: n }).map((c) => ({ value: n > 0 ? c : null, n })));
const row = fc.record({ csat: rate, fcr_rate: rate, aht: mean, tickets_solved: count });
const table: fc.Arbitrary<KpiTable> = fc.tuple(...AGENTS.map(() => fc.option(row, { nil: undefined, freq: 8 }))).map((rows) => {
  const t: KpiTable = {};
  rows.forEach((r, i) => {
    if (r) t[AGENTS[i]!] = r as Record<string, KpiValue>;
  });
  return t;
});

const award: fc.Arbitrary<Award> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 5000 }).map((amount): Award => ({ type: "points", amount })), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 2000 }).map((minutes): Award => ({ type: "leave", minutes })), weight: 1 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom("MYR", "SGD")).map(([amountMinor, currency]): Award => ({ type: "cash", amountMinor, currency })), weight: 4 },
  { arbitrary: fc.constantFrom<Award>({ type: "badge", badge: "star" }, { type: "badge", badge: "gold" }, { type: "reward", rewardId: "voucher" }), weight: 1 },
);
const op = fc.constantFrom("gte" as const, "lte" as const);
const gate: fc.Arbitrary<Gate> = fc.record({ metric: fc.constantFrom("csat", "aht", "fcr_rate"), op, value: fc.constantFrom(50, 85, 90, 250), minSamples: fc.integer({ min: 0, max: 10 }) });
const threshold = fc.constantFrom(0, 50, 85, 90, 100, 120, 250, 300);

const common = fc.record({
  metric: fc.constantFrom("csat", "aht", "tickets_solved", "composite"),
  composite: fc.record({
    normalize: fc.constantFrom("minmax" as const, "zscore" as const),
    weights: fc
      .record({ csat: fc.constantFrom(0, 0.5, 1, 3), aht: fc.constantFrom(0, 0.3, 2), fcr_rate: fc.constantFrom(0.2, 1) }, { requiredKeys: ["fcr_rate"] })
      .map((w) => w as Record<string, number>),
  }),
  compare: fc.constantFrom(undefined, "value" as const, "attainment" as const, "improvement" as const),
  fairness: fc.option(fc.record({ minSamples: fc.constantFrom(0, 1, 5, 12), method: fc.constantFrom("raw" as const, "wilson" as const, "bayes" as const) }), { nil: undefined }),
  gates: fc.option(fc.array(gate, { maxLength: 2 }), { nil: undefined, freq: 2 }),
  targets: fc.tuple(...AGENTS.map(() => fc.constantFrom(undefined, 10, 50, 90, 300))),
});

const rule: fc.Arbitrary<Rule> = fc
  .tuple(
    common,
    fc.oneof(
      fc.record({ kind: fc.constant("threshold" as const), op, target: threshold, award }),
      fc.record({ kind: fc.constant("tiered" as const), op, values: fc.uniqueArray(threshold, { minLength: 1, maxLength: 3 }), awards: fc.array(award, { minLength: 3, maxLength: 3 }) }),
      {
        arbitrary: fc.record({ kind: fc.constant("rank" as const), top: fc.integer({ min: 1, max: 4 }), prizes: fc.array(award, { minLength: 4, maxLength: 4 }), ties: fc.constantFrom("share" as const, "all" as const, "tiebreak" as const), tiebreak: fc.constantFrom("aht", "fcr_rate") }),
        weight: 3,
      },
      fc.record({
        kind: fc.constant("per_unit" as const),
        per: fc.constantFrom(1, 2.5, 3, 10),
        award,
        bands: fc.option(fc.tuple(fc.uniqueArray(fc.constantFrom(5, 20, 50), { maxLength: 2 }), fc.array(award, { minLength: 3, maxLength: 3 })), { nil: undefined }),
        mode: fc.constantFrom("slab" as const, "marginal" as const),
      }),
      fc.record({ kind: fc.constant("streak" as const), count: fc.integer({ min: 1, max: 4 }), op, value: fc.constantFrom(50, 80, 100), minSamples: fc.integer({ min: 0, max: 3 }), award }),
      fc.record({ kind: fc.constant("recognition" as const), shortlist: fc.integer({ min: 1, max: 3 }), award }),
    ),
  )
  .map(([c, k]): Rule => {
    const targets = Object.fromEntries(AGENTS.flatMap((a, i) => (c.targets[i] === undefined ? [] : [[a, c.targets[i]!]])));
    const base = {
      metric: c.metric,
      ...(c.metric === "composite" ? { composite: c.composite } : {}),
      ...(c.compare && c.metric !== "composite" ? { compare: c.compare } : {}),
      ...(c.compare === "attainment" ? { targets } : {}),
      ...(c.fairness ? { fairness: c.fairness } : {}),
      ...(c.gates ? { gates: c.gates } : {}),
    };
    switch (k.kind) {
      case "threshold":
        return { ...base, ...k };
      case "tiered": {
        const values = [...k.values].sort((a, b) => (k.op === "gte" ? a - b : b - a));
        return { ...base, kind: "tiered", op: k.op, tiers: values.map((value, i) => ({ value, award: k.awards[i]! })) };
      }
      case "rank":
        return { ...base, kind: "rank", top: k.top, prizes: k.prizes.slice(0, k.top), ties: k.ties, ...(k.ties === "tiebreak" ? { tiebreak: k.tiebreak } : {}) };
      case "per_unit": {
        const bands = k.bands ? [0, ...[...k.bands[0]].sort((a, b) => a - b)].map((from, i) => ({ from, award: k.bands![1][i]! })) : undefined;
        return { metric: "tickets_solved", kind: "per_unit", per: k.per, award: k.award, ...(bands ? { bands, mode: k.mode } : {}), ...(c.gates ? { gates: c.gates } : {}) };
      }
      case "streak":
        return { ...base, kind: "streak", every: "day", count: k.count, condition: { metric: "csat", op: k.op, value: k.value, minSamples: k.minSamples }, award: k.award };
      case "recognition":
        return { ...base, kind: "recognition", shortlist: k.shortlist, award: k.award };
    }
  });

const limits = fc.record({
  caps: fc.record({ points: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }), leave: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }), myr: fc.option(fc.integer({ min: 1, max: 4000 }), { nil: undefined }) }),
  budget: fc.option(fc.record({ currency: fc.constant("MYR"), amountMinor: fc.oneof(fc.constantFrom(0, 1, 999), fc.integer({ min: 0, max: 4000 })), policy: fc.constantFrom("prorate" as const, "rank_order" as const) }), { nil: undefined }),
});

const scenario = fc
  .record({
    rule,
    limits,
    kpis: table,
    previous: table,
    days: fc.array(table, { maxLength: 8 }),
    agents: fc.subarray(AGENTS, { minLength: 1 }),
    picks: fc.subarray(AGENTS),
  })
  .map(({ rule, limits, kpis, previous, days, agents, picks }): EvaluationInput => {
    const capPerAgent: Award[] = [
      ...(limits.caps.points ? [{ type: "points" as const, amount: limits.caps.points }] : []),
      ...(limits.caps.leave ? [{ type: "leave" as const, minutes: limits.caps.leave }] : []),
      ...(limits.caps.myr ? [{ type: "cash" as const, amountMinor: limits.caps.myr, currency: "MYR" }] : []),
    ];
    const document: CampaignDocument = {
      name: "Property",
      schedule: { period: "month", ...PERIOD },
      rule,
      ...(capPerAgent.length ? { capPerAgent } : {}),
      ...(limits.budget ? { budget: limits.budget as Budget } : {}),
    };
    return {
      document,
      period: PERIOD,
      participants: agents.map((agent) => ({ agent, name: agent.toUpperCase() })),
      kpis,
      previous: { period: { from: "2026-02-01", to: "2026-02-28" }, kpis: previous },
      subPeriods: days.map((kpis, i) => ({ period: { from: `2026-03-${String(i + 1).padStart(2, "0")}`, to: `2026-03-${String(i + 1).padStart(2, "0")}` }, kpis })),
      picks,
    };
  });

/** The same data with every object's keys in reverse order (arrays keep theirs: their order means something). */
function reversedKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reversedKeys) as T;
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)])) as T;
  return v;
}

const RUNS = { numRuns: 300 };

describe("evaluate (fast-check)", () => {
  it("never pays more cash than the budget", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const budget = input.document.budget;
        const result = evaluate(input);
        if (!budget) return;
        const paid = result.results.flatMap((r) => r.awards).reduce((s, a) => s + (a.type === "cash" && a.currency === budget.currency ? a.amountMinor : 0), 0);
        expect(paid).toBeLessThanOrEqual(budget.amountMinor);
        expect(result.totals.cash[budget.currency] ?? 0).toBe(paid);
      }),
      RUNS,
    );
  });

  it("gives no rank prize to an agent ranked beyond top (or not ranked)", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const rule = input.document.rule;
        if (rule.kind !== "rank") return;
        for (const r of evaluate(input).results) if (r.rank === null || r.rank > rule.top) expect(r.awards).toEqual([]);
      }),
      RUNS,
    );
  });

  it("recomputes every award from the rule and the explanation alone", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const rule = input.document.rule;
        for (const r of evaluate(input).results) {
          expect(awardsBeforeLimitsFromExplanation(rule, r.explanation)).toEqual(r.explanation.awardsBeforeLimits);
          expect(awardsFromExplanation(rule, r.explanation)).toEqual(r.awards);
        }
      }),
      RUNS,
    );
  });

  it("pays whole positive amounts, one award per pile", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        for (const r of evaluate(input).results) {
          const keys = r.awards.map(awardKey);
          expect(new Set(keys).size).toBe(keys.length);
          for (const a of r.awards) {
            const q = a.type === "points" ? a.amount : a.type === "leave" ? a.minutes : a.type === "cash" ? a.amountMinor : 1;
            expect(Number.isSafeInteger(q) && q > 0).toBe(true);
          }
          expect(r.status === "awarded").toBe(r.awards.length > 0);
        }
      }),
      RUNS,
    );
  });

  it("does not depend on the order of participants or of object keys", () => {
    fc.assert(
      fc.property(scenario, fc.integer(), (input, seed) => {
        const expected = JSON.stringify(evaluate(input));
        const shuffled = [...input.participants].map((p, i) => ({ p, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map(({ p }) => p);
        expect(JSON.stringify(evaluate({ ...input, participants: shuffled }))).toBe(expected);
        expect(JSON.stringify(evaluate(reversedKeys({ ...input, participants: [...input.participants].reverse() })))).toBe(expected);
      }),
      RUNS,
    );
  });

  it("gives byte-identical output for the same input", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        expect(JSON.stringify(evaluate(input))).toBe(JSON.stringify(evaluate(structuredClone(input))));
      }),
      { numRuns: 100 },
    );
  });
});
