import { describe, expect, it } from "vitest";
import { histogram, replayAnalytics } from "./analytics";
import type { EvaluationResult, ParticipantResult } from "./evaluation";

const row = (agent: string, awards: ParticipantResult["awards"]): ParticipantResult =>
  ({ agent, name: agent.toUpperCase(), value: 1, n: 1, rank: null, awards, status: awards.length ? "awarded" : "not_reached", explanation: {} }) as unknown as ParticipantResult;

const period = (from: string, results: ParticipantResult[], totals: EvaluationResult["totals"]): EvaluationResult => ({ period: { from, to: from }, results, totals });

describe("replay analytics", () => {
  // 10 agents: a wins 100 points in both periods, b 50 in one, c a badge; the rest nothing
  const agents = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
  const p1 = period(
    "2026-01-01",
    agents.map((x) => row(x, x === "a" ? [{ type: "points", amount: 100 }] : x === "b" ? [{ type: "points", amount: 50 }, { type: "cash", amountMinor: 500, currency: "MYR" }] : [])),
    { points: 150, leaveMinutes: 0, cash: { MYR: 500 } },
  );
  const p2 = period("2026-02-01", agents.map((x) => row(x, x === "a" ? [{ type: "points", amount: 100 }] : x === "c" ? [{ type: "badge", badge: "eotm" }] : [])), { points: 100, leaveMinutes: 0, cash: {} });

  it("sums totals and counts winners and repeat winners over periods", () => {
    const r = replayAnalytics([p1, p2]);
    expect(r.totals).toEqual({ points: 250, leaveMinutes: 0, cash: { MYR: 500 } });
    expect(r).toMatchObject({ periods: 2, participants: 10, winners: 3 });
    expect(r.repeatWinners.map((t) => [t.agent, t.periodsWon])).toEqual([["a", 2]]);
    expect(r.tallies.find((t) => t.agent === "c")).toMatchObject({ badges: 1, periodsWon: 1, amounts: {} });
  });

  it("measures the share of each asset going to the top 10% of participants", () => {
    const r = replayAnalytics([p1, p2]);
    // top 10% of 10 agents = 1 agent: a holds 200 of 250 points; b holds all the cash
    expect(r.concentration).toEqual([
      { asset: "cash:MYR", total: 500, topCount: 1, topShare: 1 },
      { asset: "points", total: 250, topCount: 1, topShare: 0.8 },
    ]);
  });

  it("bins values for a distribution chart, leaving nulls out", () => {
    expect(histogram([0, 1, 2, 3, null, 4], 2)).toEqual([
      { from: 0, to: 2, count: 2 },
      { from: 2, to: 4, count: 3 },
    ]);
    expect(histogram([null])).toEqual([]);
    expect(histogram([5, 5])).toEqual([{ from: 5, to: 5, count: 2 }]);
  });
});
