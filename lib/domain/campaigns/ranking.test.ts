import { describe, expect, it } from "vitest";
import { byMaybeValue, competitionRanks } from "./ranking";

describe("competition ranking", () => {
  it("shares a rank between ties and skips the places they take (1, 1, 3)", () => {
    const ranked = competitionRanks([{ id: "a", value: 90 }, { id: "b", value: 95 }, { id: "c", value: 95 }, { id: "d", value: 80 }], "higher");
    expect(ranked.map((r) => [r.item.id, r.rank])).toEqual([["b", 1], ["c", 1], ["a", 3], ["d", 4]]);
  });

  it("ranks lowest first for a lower-is-better KPI, ties keeping input order", () => {
    const ranked = competitionRanks([{ id: "x", value: 300 }, { id: "y", value: 200 }, { id: "z", value: 200 }], "lower");
    expect(ranked.map((r) => [r.item.id, r.rank])).toEqual([["y", 1], ["z", 1], ["x", 3]]);
  });

  it("sorts missing values last, tied with each other", () => {
    expect([3, null, 5, undefined].sort((a, b) => byMaybeValue(a, b, "higher"))).toEqual([5, 3, null, undefined]);
    expect(byMaybeValue(null, undefined, "lower")).toBe(0);
  });
});
