import { describe, expect, it } from "vitest";
import type { LeaderboardRow, LeaderboardView } from "@/lib/server/leaderboard-view";
import { boardInput, formErrorPaths, newBoardDraft } from "./leaderboard-draft";
import { boardRowsView, movementOf } from "./leaderboard-rows";

const row = (agent: string, rank: number | null, value: number | null, change: number | null = null): LeaderboardRow => ({ agent, name: agent.toUpperCase(), rank, value, n: 10, score: value, change });
const board = (rows: LeaderboardRow[], metric = "csat"): LeaderboardView => ({
  id: "b",
  name: "Board",
  metric,
  direction: "higher",
  period: { kind: "month", from: "2026-05-01", to: "2026-05-31" },
  scope: { teams: [], queue: null },
  fairness: { minSamples: 5, method: "raw", bayesWeight: 10 },
  rows,
  ranked: rows.filter((r) => r.rank !== null).length,
  participants: rows.length,
});

describe("boardRowsView", () => {
  const rows = [row("a", 1, 98), row("b", 1, 98), row("c", 3, 90, 2), row("d", 4, 85, -1), row("e", 5, 80, 0), row("f", 6, 70), row("g", 7, 60), row("x", null, null)];

  it("keeps competition ranks, formats the value in the KPI's unit and lists the unranked after", () => {
    const v = boardRowsView(board(rows), null, "en");
    expect(v.ranked.map((r) => r.rankLabel)).toEqual(["1", "1", "3", "4", "5", "6", "7"]);
    expect(v.ranked[0]!.value).toBe("98%");
    expect(v.unranked.map((r) => [r.agent, r.rankLabel, r.value])).toEqual([["x", "–", null]]);
    expect(v.neighbours).toBeNull();
  });

  it("shows the viewer two rows above and below, fewer at the top", () => {
    expect(boardRowsView(board(rows), "e", "en").neighbours!.map((r) => r.agent)).toEqual(["c", "d", "e", "f", "g"]);
    expect(boardRowsView(board(rows), "a", "en").neighbours!.map((r) => r.agent)).toEqual(["a", "b", "c"]);
    const unranked = boardRowsView(board(rows), "x", "en");
    expect(unranked.mine!.rank).toBeNull();
    expect(unranked.neighbours!.map((r) => r.agent)).toEqual(["x"]);
  });

  it("formats durations as minutes and seconds", () => {
    expect(boardRowsView(board([row("a", 1, 245)], "aht"), null, "en").ranked[0]!.value).toBe("4:05");
  });

  it("shows points as a whole number with their unit", () => {
    expect(boardRowsView(board([row("a", 1, 1250), row("b", 2, 0)], "points"), null, "en").ranked.map((r) => r.value)).toEqual(["1,250 pts", "0 pts"]);
    expect(boardRowsView(board([row("a", 1, 1250)], "points"), null, "ms", "mata").ranked[0]!.value).toBe("1,250 mata");
  });

  it("reads movement as up, down, same or none", () => {
    expect([movementOf(2), movementOf(-3), movementOf(0), movementOf(null)]).toEqual([
      { dir: "up", places: 2 },
      { dir: "down", places: 3 },
      { dir: "same", places: 0 },
      { dir: "none", places: 0 },
    ]);
  });
});

describe("board form draft", () => {
  it("sends only what the period, scope and fairness choices need", () => {
    expect(boardInput({ ...newBoardDraft(), name: " CSAT " })).toEqual({ name: "CSAT", metric: "csat", period: "month" });
    const custom = boardInput({ ...newBoardDraft(), name: "x", metric: "composite", period: "custom", from: "2026-05-01", to: "2026-05-31", teams: ["t"], queue: " billing ", orgFairness: false, minSamples: 10, method: "bayes", bayesWeight: 5 });
    expect(custom).toMatchObject({ composite: { normalize: "zscore" }, from: "2026-05-01", to: "2026-05-31", teams: ["t"], queue: "billing", fairness: { minSamples: 10, method: "bayes", bayesWeight: 5 } });
  });

  it("points composite errors at the reused composite editor", () => {
    expect(formErrorPaths({ "composite.weights.csat": "m", name: "n" })).toEqual({ "rule.composite.weights.csat": "m", name: "n" });
  });
});

describe("boardInput for a points board", () => {
  it("sends neither a queue nor fairness left over from another metric", () => {
    const draft = { ...newBoardDraft(), name: "Points", metric: "points", queue: "billing", orgFairness: false, minSamples: 5 };
    expect(boardInput(draft)).toEqual({ name: "Points", metric: "points", period: "month" });
  });
});
