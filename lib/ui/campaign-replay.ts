import type { Asset } from "@/lib/domain/campaigns/analytics";
import type { Compare } from "@/lib/domain/campaigns/document";
import type { Replay } from "@/lib/server/replay-campaign";
import type { ExplainDeps } from "./campaign-explain";
import { assetLabel, formatAssetAmount, formatTotals } from "./campaign-format";
import { distribution, periodLabel, resultRows, type DistributionBar, type ResultRow } from "./campaign-results";

/**
 * A what-if replay shaped for its panel: the cost per currency, the distribution of values, fairness analytics
 * (share of each asset going to the top 10 %, repeat winners) and each period's winners. Pure.
 */
export type ReplayView = {
  range: string;
  periods: number;
  participants: number;
  winners: number;
  cost: string[];
  bars: DistributionBar[];
  concentration: Array<{ asset: string; label: string; total: string; topCount: number; topShare: string; concentrated: boolean }>;
  repeatWinners: Array<{ agent: string; name: string; periodsWon: number; amounts: string }>;
  periodViews: Array<{ key: string; label: string; cost: string[]; winners: number; rows: ResultRow[] }>;
};

/** Above this share of an asset going to the top 10 % of agents, the panel flags the rule as concentrated. */
export const CONCENTRATED_SHARE = 0.5;

export function replayView(replay: Replay, rule: { metric: string; compare?: Compare }, deps: ExplainDeps): ReplayView {
  const { t, locale } = deps;
  const a = replay.analytics;
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return {
    range: periodLabel(replay, locale),
    periods: a.periods,
    participants: a.participants,
    winners: a.winners,
    cost: formatTotals(a.totals, t, locale),
    bars: distribution(replay.periods, rule, locale),
    concentration: a.concentration.map((c) => ({
      asset: c.asset,
      label: assetLabel(c.asset, t),
      total: formatAssetAmount(c.asset, c.total, t, locale),
      topCount: c.topCount,
      topShare: pct.format(c.topShare),
      concentrated: c.topShare > CONCENTRATED_SHARE,
    })),
    repeatWinners: a.repeatWinners.map((w) => ({
      agent: w.agent,
      name: w.name,
      periodsWon: w.periodsWon,
      amounts: (Object.entries(w.amounts) as Array<[Asset, number]>).map(([asset, v]) => formatAssetAmount(asset, v, t, locale)).join(" · "),
    })),
    periodViews: replay.periods.map((p) => {
      const rows = resultRows(p.results, rule, deps);
      return { key: p.period.from, label: periodLabel(p.period, locale), cost: formatTotals(p.totals, t, locale), winners: rows.filter((r) => r.awarded).length, rows };
    }),
  };
}
