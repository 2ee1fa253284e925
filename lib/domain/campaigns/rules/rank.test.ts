import { describe, expect, it } from "vitest";
import type { Award, RankRule, Rule } from "../document";
import { byAgent, kv, run } from "../test-support";

const points = (amount: number): Award => ({ type: "points", amount });
const leave = (minutes: number): Award => ({ type: "leave", minutes });
const rank = (ties: RankRule["ties"], prizes: Award[], extra: Partial<RankRule> = {}): Rule => ({ kind: "rank", metric: "csat", top: prizes.length, prizes, ties, ...extra });
// a and b tie for first, c is third, d fourth
const kpis = { a: { csat: kv(95, 40) }, b: { csat: kv(95, 40) }, c: { csat: kv(90, 40) }, d: { csat: kv(85, 40) } };

describe("rank rules", () => {
  it("shows competition ranks 1, 1, 3 and records the tie", () => {
    const r = byAgent(run(rank("share", [points(300), points(200), points(100)]), kpis));
    expect([r.a!.rank, r.b!.rank, r.c!.rank, r.d!.rank]).toEqual([1, 1, 3, 4]);
    expect(r.a!.explanation.outcome).toEqual({ kind: "rank", rank: 1, tiedWith: 1, positions: [1, 2], ties: "share" });
    expect(r.d).toMatchObject({ status: "outside_top", awards: [] });
  });

  it("splits the occupied positions' prizes under share, rounding down per pile", () => {
    const r = byAgent(run(rank("share", [leave(480), points(201), points(100)]), kpis));
    // positions 1 and 2: 480 leave minutes and 201 points between two
    expect(r.a!.awards).toEqual([points(100), leave(240)]);
    expect(r.b!.awards).toEqual([points(100), leave(240)]);
    expect(r.c!.awards).toEqual([points(100)]);
  });

  it("gives every tied agent an indivisible prize of an occupied position", () => {
    const r = byAgent(run(rank("share", [{ type: "badge", badge: "gold" }, points(3)]), kpis));
    expect(r.a!.awards).toEqual([points(1), { type: "badge", badge: "gold" }]);
  });

  it("says not_reached when a shared prize rounds down to nothing", () => {
    const three = { a: { csat: kv(95, 40) }, b: { csat: kv(95, 40) }, c: { csat: kv(95, 40) } };
    const r = byAgent(run(rank("share", [points(2)]), three));
    expect(r.a).toMatchObject({ rank: 1, status: "not_reached", awards: [] });
  });

  it("gives each tied agent the best shared position's prize under all, even beyond top at the boundary", () => {
    const r = byAgent(run(rank("all", [points(300), points(200), points(100)]), kpis));
    expect([r.a!.awards, r.b!.awards, r.c!.awards, r.d!.awards]).toEqual([[points(300)], [points(300)], [points(100)], []]);
    const boundary = byAgent(run(rank("all", [points(300), points(200)]), { a: { csat: kv(99, 9) }, b: { csat: kv(95, 9) }, c: { csat: kv(95, 9) } }));
    expect([boundary.b!.awards, boundary.c!.awards]).toEqual([[points(200)], [points(200)]]);
  });

  it("shares only the positions within top when a tie straddles it", () => {
    const r = byAgent(run(rank("share", [points(300), points(200)]), { a: { csat: kv(99, 9) }, b: { csat: kv(95, 9) }, c: { csat: kv(95, 9) } }));
    expect(r.b!.explanation.outcome).toMatchObject({ rank: 2, positions: [2, 3] });
    expect(r.b!.awards).toEqual([points(100)]);
  });

  it("breaks ties with the tiebreak KPI in its own direction, a missing value last, and shares what stays tied", () => {
    const rule = rank("tiebreak", [points(300), points(200), points(100)], { tiebreak: "aht" });
    const r = byAgent(
      run(rule, {
        a: { csat: kv(95, 40), aht: kv(300, 40) },
        b: { csat: kv(95, 40), aht: kv(250, 40) }, // faster: wins the tie
        c: { csat: kv(95, 40) }, // no AHT: last of the three
        d: { csat: kv(90, 40), aht: kv(100, 9) },
        e: { csat: kv(90, 40), aht: kv(100, 9) }, // still tied with d
      }),
    );
    expect([r.b!.rank, r.a!.rank, r.c!.rank, r.d!.rank, r.e!.rank]).toEqual([1, 2, 3, 4, 4]);
    expect(r.b!.explanation.outcome).toEqual({ kind: "rank", rank: 1, tiedWith: 0, positions: [1], ties: "tiebreak", tiebreakValue: 250 });
    expect(r.c!.explanation.outcome).toMatchObject({ tiebreakValue: null });
    expect([r.b!.awards, r.a!.awards, r.c!.awards]).toEqual([[points(300)], [points(200)], [points(100)]]);
    const tied = byAgent(run(rule, { d: { csat: kv(90, 40), aht: kv(100, 9) }, e: { csat: kv(90, 40), aht: kv(100, 9) } }));
    expect(tied.d!.awards).toEqual([points(250)]);
  });

  it("ranks a lower-is-better KPI lowest first", () => {
    const rule: Rule = { kind: "rank", metric: "aht", top: 1, prizes: [points(1)], ties: "share" };
    const r = byAgent(run(rule, { slow: { aht: kv(400, 9) }, quick: { aht: kv(200, 9) } }));
    expect(r.quick!.rank).toBe(1);
  });
});
