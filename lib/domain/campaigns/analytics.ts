import type { Award } from "./document";
import type { EvaluationResult, Totals } from "./evaluation";

/**
 * What a what-if replay tells a manager beyond the winners (SPEC §5 fairness analytics): how concentrated the awards
 * are, who wins again and again, and what it all costs. Pure: computed from evaluation results.
 */
export type Asset = "points" | "leave_minutes" | `cash:${string}`;

export type AgentTally = { agent: string; name: string; periodsWon: number; amounts: Partial<Record<Asset, number>>; badges: number; rewards: number };

export type Concentration = {
  asset: Asset;
  total: number;
  /** How many agents the top 10% is: ceil(10% of participants), at least 1. */
  topCount: number;
  /** Share (0–1) of the asset's total that went to the top 10% of participants by amount. */
  topShare: number;
};

export type ReplayAnalytics = {
  periods: number;
  participants: number;
  winners: number;
  totals: Totals;
  concentration: Concentration[];
  /** Agents awarded in two or more periods, most periods first. */
  repeatWinners: AgentTally[];
  tallies: AgentTally[];
};

export function assetOf(award: Award): { asset: Asset; amount: number } | null {
  switch (award.type) {
    case "points":
      return { asset: "points", amount: award.amount };
    case "leave":
      return { asset: "leave_minutes", amount: award.minutes };
    case "cash":
      return { asset: `cash:${award.currency}`, amount: award.amountMinor };
    default:
      return null;
  }
}

export function addTotals(a: Totals, b: Totals): Totals {
  const cash: Record<string, number> = { ...a.cash };
  for (const [cur, v] of Object.entries(b.cash)) cash[cur] = (cash[cur] ?? 0) + v;
  return { points: a.points + b.points, leaveMinutes: a.leaveMinutes + b.leaveMinutes, cash: sortKeys(cash) };
}

const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));

export function replayAnalytics(periods: readonly EvaluationResult[]): ReplayAnalytics {
  const tallies = new Map<string, AgentTally>();
  let totals: Totals = { points: 0, leaveMinutes: 0, cash: {} };
  for (const period of periods) {
    totals = addTotals(totals, period.totals);
    for (const r of period.results) {
      let t = tallies.get(r.agent);
      if (!t) tallies.set(r.agent, (t = { agent: r.agent, name: r.name, periodsWon: 0, amounts: {}, badges: 0, rewards: 0 }));
      if (r.awards.length > 0) t.periodsWon++;
      for (const award of r.awards) {
        const a = assetOf(award);
        if (a) t.amounts[a.asset] = (t.amounts[a.asset] ?? 0) + a.amount;
        else if (award.type === "badge") t.badges++;
        else t.rewards++;
      }
    }
  }
  const all = [...tallies.values()].sort((x, y) => (x.agent < y.agent ? -1 : x.agent > y.agent ? 1 : 0));
  const assets = [...new Set(all.flatMap((t) => Object.keys(t.amounts) as Asset[]))].sort();
  const topCount = Math.max(1, Math.ceil(all.length * 0.1));
  const concentration = assets.map((asset) => {
    const amounts = all.map((t) => t.amounts[asset] ?? 0).sort((x, y) => y - x);
    const total = amounts.reduce((s, v) => s + v, 0);
    const top = amounts.slice(0, topCount).reduce((s, v) => s + v, 0);
    return { asset, total, topCount, topShare: total > 0 ? top / total : 0 };
  });
  const repeatWinners = all.filter((t) => t.periodsWon >= 2).sort((x, y) => y.periodsWon - x.periodsWon || (x.agent < y.agent ? -1 : 1));
  return {
    periods: periods.length,
    participants: all.length,
    winners: all.filter((t) => t.periodsWon > 0).length,
    totals,
    concentration,
    repeatWinners,
    tallies: all,
  };
}

/** Equal-width bins over the values that exist, for a distribution chart. Nulls are left out. */
export function histogram(values: ReadonlyArray<number | null>, bins = 10): Array<{ from: number; to: number; count: number }> {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return [];
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  if (min === max) return [{ from: min, to: max, count: xs.length }];
  const width = (max - min) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (const x of xs) out[Math.min(bins - 1, Math.floor((x - min) / width))]!.count++;
  return out;
}
