import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KpiTable } from "../campaigns/evaluation";
import { boardDirection, boardKpis, boardStandings, movement, neighbourhood, type BoardRow } from "./standings";

const raw = { minSamples: 0, method: "raw" as const };
const people = (...names: string[]) => names.map((n) => ({ agent: n.toLowerCase(), name: n }));
const table = (metric: string, values: Record<string, [number | null, number]>): KpiTable =>
  Object.fromEntries(Object.entries(values).map(([agent, [value, n]]) => [agent, { [metric]: { value, n } }]));

describe("boardStandings", () => {
  it("ranks tied agents 1, 1, 3 and keeps ties in name order", () => {
    const rows = boardStandings({ metric: "csat", fairness: raw }, people("Zoe", "Adam", "Mia", "Bob"), table("csat", { zoe: [90, 10], adam: [90, 12], mia: [80, 9], bob: [95, 20] }));
    expect(rows.map((r) => [r.rank, r.name])).toEqual([
      [1, "Bob"],
      [2, "Adam"],
      [2, "Zoe"],
      [4, "Mia"],
    ]);
  });

  it("takes the direction from the KPI: the shortest handle time first", () => {
    const rows = boardStandings({ metric: "aht", fairness: raw }, people("A", "B", "C"), table("aht", { a: [300, 5], b: [240, 5], c: [410, 5] }));
    expect(rows.map((r) => r.agent)).toEqual(["b", "a", "c"]);
  });

  it("lists agents below minSamples, or without data, after the ranked ones with rank null", () => {
    const rows = boardStandings({ metric: "csat", fairness: { minSamples: 10, method: "raw" } }, people("A", "B", "C", "D"), table("csat", { a: [100, 3], b: [80, 10], c: [70, 12] }));
    expect(rows.map((r) => [r.agent, r.rank, r.value])).toEqual([
      ["b", 1, 80],
      ["c", 2, 70],
      ["a", null, 100],
      ["d", null, null],
    ]);
    expect(rows[2]!.score).toBeNull();
  });

  it("lets the Wilson lower bound put a steady 95% over 100 ahead of a lucky 3 out of 3", () => {
    const data = table("csat", { lucky: [100, 3], steady: [95, 100] });
    const names = [{ agent: "lucky", name: "Lucky" }, { agent: "steady", name: "Steady" }];
    expect(boardStandings({ metric: "csat", fairness: raw }, names, data)[0]!.agent).toBe("lucky");
    const wilson = boardStandings({ metric: "csat", fairness: { minSamples: 0, method: "wilson" } }, names, data);
    expect(wilson.map((r) => r.agent)).toEqual(["steady", "lucky"]);
    expect(wilson[0]).toMatchObject({ value: 95, n: 100 });
    expect(wilson[0]!.score).toBeCloseTo(88.82, 2);
  });

  it("judges a lower-is-better rate on the Wilson upper bound: 0 abandoned of 2 does not beat 3 of 100", () => {
    const data = table("abandon_rate", { lucky: [0, 2], steady: [3, 100] });
    const names = [{ agent: "lucky", name: "Lucky" }, { agent: "steady", name: "Steady" }];
    expect(boardStandings({ metric: "abandon_rate", fairness: raw }, names, data)[0]!.agent).toBe("lucky");
    const wilson = boardStandings({ metric: "abandon_rate", fairness: { minSamples: 0, method: "wilson" } }, names, data);
    expect(wilson.map((r) => r.agent)).toEqual(["steady", "lucky"]);
    expect(wilson[1]!.score).toBeGreaterThan(wilson[1]!.value!);
  });

  it("pulls a mean over few samples toward the group with the Bayesian average", () => {
    // QA: a single review of 100 against 92 and 80 over 50 reviews each; the group mean C is 8700 / 101 = 86.14, so
    // the single review counts as (10·C + 100) / 11 = 87.4, below the steady 92's (10·C + 4600) / 60 = 91.0
    const data = table("qa_score", { one: [100, 1], many: [92, 50], low: [80, 50] });
    const names = people("One", "Many", "Low");
    expect(boardStandings({ metric: "qa_score", fairness: raw }, names, data).map((r) => r.agent)).toEqual(["one", "many", "low"]);
    const rows = boardStandings({ metric: "qa_score", fairness: { minSamples: 0, method: "bayes", bayesWeight: 10 } }, names, data);
    expect(rows.map((r) => r.agent)).toEqual(["many", "one", "low"]);
    expect(rows[1]!.score).toBeCloseTo((10 * (8700 / 101) + 100) / 11, 6);
  });

  it("ranks a composite by its score, higher first", () => {
    const kpis: KpiTable = { a: { csat: { value: 90, n: 10 }, aht: { value: 300, n: 10 } }, b: { csat: { value: 80, n: 10 }, aht: { value: 200, n: 10 } } };
    const rows = boardStandings({ metric: "composite", composite: { normalize: "minmax", weights: { csat: 1, aht: 3 } }, fairness: raw }, people("A", "B"), kpis);
    expect(rows.map((r) => [r.agent, r.rank])).toEqual([
      ["b", 1],
      ["a", 2],
    ]);
    expect(rows[0]!.value).toBe(75);
  });

  it("does not depend on the order of the participants", () => {
    const arb = fc.array(fc.record({ value: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), n: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 3 }), fc.boolean(), (entries, minSamples, lower) => {
        const metric = lower ? "aht" : "csat";
        const list = entries.map((_, i) => ({ agent: `a${i}`, name: `Agent ${i % 3}` }));
        const kpis: KpiTable = Object.fromEntries(entries.map((e, i) => [`a${i}`, { [metric]: e }]));
        const board = { metric, fairness: { minSamples, method: "raw" as const } };
        const forward = boardStandings(board, list, kpis);
        expect(boardStandings(board, [...list].reverse(), kpis)).toEqual(forward);
        // ranks: competition ranking, only for the ranked ones, in order
        const ranked = forward.filter((r) => r.rank !== null);
        ranked.forEach((r, i) => {
          const prev = ranked[i - 1];
          if (!prev) expect(r.rank).toBe(1);
          else expect(r.rank).toBe(prev.score === r.score ? prev.rank : i + 1);
        });
        expect(forward.slice(ranked.length).every((r) => r.rank === null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("movement and neighbours", () => {
  const row = (agent: string, rank: number | null): BoardRow => ({ agent, name: agent, rank, value: 1, n: 1, score: rank === null ? null : 1 });

  it("counts places moved up since yesterday", () => {
    const m = movement([row("a", 1), row("b", 2), row("c", null)], [row("b", 1), row("a", 3)]);
    expect([...m]).toEqual([
      ["a", 2],
      ["b", -1],
      ["c", null],
    ]);
  });

  it("shows two rows above and below one's own", () => {
    const rows = ["a", "b", "c", "d", "e", "f", "g"].map((x, i) => row(x, i + 1));
    expect(neighbourhood(rows, "d").map((r) => r.agent)).toEqual(["b", "c", "d", "e", "f"]);
    expect(neighbourhood(rows, "a").map((r) => r.agent)).toEqual(["a", "b", "c"]);
    expect(neighbourhood(rows, "zz")).toEqual([]);
  });
});

describe("points boards", () => {
  it("rank the points earned, most first, everyone ranked and 0 points for an agent without entries", () => {
    const rows = boardStandings({ metric: "points", fairness: { minSamples: 10, method: "wilson" } }, people("Ana", "Ben", "Cy", "Di"), table("points", { ana: [1250, 3], ben: [300, 1], cy: [1250, 2] }));
    expect(rows.map((r) => [r.rank, r.agent, r.value, r.n, r.score])).toEqual([
      [1, "ana", 1250, 3, 1250],
      [1, "cy", 1250, 2, 1250],
      [3, "ben", 300, 1, 300],
      [4, "di", 0, 0, 0],
    ]);
  });

  it("rank a net negative (a corrected award) below zero, and never ask the KPI catalogue", () => {
    const rows = boardStandings({ metric: "points", fairness: raw }, people("A", "B"), table("points", { a: [-50, 2] }));
    expect(rows.map((r) => [r.agent, r.rank, r.value])).toEqual([
      ["b", 1, 0],
      ["a", 2, -50],
    ]);
    expect(boardDirection("points")).toBe("higher");
    expect(boardKpis({ metric: "points" })).toEqual([]);
  });

  it("fail closed on a value that is not a number", () => {
    expect(() => boardStandings({ metric: "points", fairness: raw }, people("A"), table("points", { a: [Number.NaN, 1] }))).toThrow(/points of a/);
  });
});
