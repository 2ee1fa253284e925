import type { MyIncentive } from "@/lib/server/get-my-incentives";
import type { Needed } from "@/lib/domain/campaigns/progress";
import { formatAwards, formatComparedValue, type Translate } from "@/lib/ui/campaign-format";
import { formatKpiValue } from "@/lib/ui/kpi-format";

/** One incentive card, shaped before JSX (STYLE: data first, thin components). */
export type IncentiveCard = {
  id: string;
  name: string;
  description: string | null;
  period: string;
  error: string | null;
  /** "Now" for a KPI, "Score" for a composite. */
  currentLabel: string;
  current: string | null;
  n: number;
  target: string | null;
  /** 0–100 for the progress bar, or null when the rule has no single goal (ranks, composites). */
  percent: number | null;
  reached: boolean;
  needed: string | null;
  earned: string;
  earnedAny: boolean;
  projected: string | null;
  detail: string | null;
  approval: string | null;
};

type Deps = { t: Translate; tCampaigns: Translate; locale: string; kpiName: (key: string) => string; formatDay: (day: string) => string };

function neededText(needed: Needed, metric: string, deps: Deps): string {
  const { t, locale, kpiName } = deps;
  switch (needed.kind) {
    case "more_units":
      return t("needed.more_units", { units: needed.units, metric: kpiName(needed.metric) });
    case "mean_at_least":
    case "mean_at_most":
      return t(`needed.${needed.kind}`, { value: formatKpiValue(metric, needed.value, locale), within: needed.within });
    case "more_samples":
      return t("needed.more_samples", { samples: needed.samples });
    case "all_good_next":
      return t("needed.all_good_next", { samples: needed.samples });
    case "max_misses":
      return t("needed.max_misses", { misses: needed.misses, within: needed.within });
    case "more_periods":
      return t("needed.more_periods", { periods: needed.periods, every: needed.every });
    default:
      return t(`needed.${needed.kind}`);
  }
}

export function incentiveCard(i: MyIncentive, deps: Deps): IncentiveCard {
  const { t, tCampaigns, locale } = deps;
  const rule = i.campaign.rule;
  const p = i.progress;
  const r = i.result;
  const metric = p?.metric ?? rule.metric;
  const kpi = (v: number | null) => (v === null ? null : metric === "composite" ? formatComparedValue("composite", "value", v, locale) : formatKpiValue(metric, v, locale));
  let detail: string | null = null;
  if (p?.tier && rule.kind === "tiered") detail = p.tier.index === null ? t("noTierYet") : t("tier", { tier: p.tier.index + 1, tiers: rule.tiers.length });
  else if (p?.units) detail = t("units", { units: p.units.units, per: p.units.per });
  else if (p?.streak) detail = t("streak", { run: p.streak.run, streaks: p.streak.streaks });
  else if (i.standing && r) {
    const place = r.rank === null ? t("unranked") : t("rank", { rank: r.rank, ranked: i.standing.ranked });
    const rank = rule.kind === "recognition" ? `${place} · ${r.status === "not_shortlisted" ? t("notShortlisted") : t("shortlisted", { places: i.standing.places })}` : place;
    const cutoff = i.standing.cutoff === null ? null : t("cutoff", { places: i.standing.places, value: formatComparedValue(rule.metric, rule.compare, i.standing.cutoff, locale) });
    detail = cutoff ? `${rank} · ${cutoff}` : rank;
  }
  // Per unit of 1 (5 points per solved ticket): every unit pays at once, so "the next unit" is no goal and its bar would
  // sit empty. Show the next band instead when there is one, else no target and no bar (what was earned says it all).
  const everyUnit = p?.units !== undefined && p.units.per <= 1;
  const nextBand = everyUnit ? p!.units!.nextBand : null;
  const goal = everyUnit ? (nextBand ? { target: nextBand.from, fraction: p!.current === null ? 0 : Math.min(1, Math.max(0, p!.current / nextBand.from)) } : null) : p ? { target: p.target, fraction: p.fraction } : null;
  const projected =
    !everyUnit && p && p.projected !== null && p.target !== null && p.current !== null && p.projected !== p.current
      ? `${t("projected", { value: kpi(p.projected)!, to: deps.formatDay(i.period.to) })} — ${p.projectedReached ? t("projectedReached") : t("projectedMissed")}`
      : null;
  return {
    id: i.campaign.id,
    name: i.campaign.name,
    description: i.campaign.description,
    period: t("period", { from: deps.formatDay(i.period.from), to: deps.formatDay(i.period.to), elapsed: i.pace.elapsedDays, total: i.pace.totalDays }),
    error: i.error,
    currentLabel: metric === "composite" ? t("score") : t("current"),
    current: p ? kpi(p.current) : r ? formatComparedValue(rule.metric, rule.compare, r.value, locale) : null,
    n: p?.n ?? r?.n ?? 0,
    target: p && goal && goal.target !== null ? `${p.op === "lte" ? "≤" : "≥"} ${kpi(goal.target)}` : null,
    percent: goal && goal.fraction !== null ? Math.round(goal.fraction * 100) : null,
    reached: p?.reached ?? false,
    needed: p && !(everyUnit && !nextBand && p.needed.kind === "more_units") ? neededText(p.needed, metric, deps) : null,
    earned: r && r.awards.length > 0 ? formatAwards(r.awards, tCampaigns, locale) : t("earnedNothing"),
    earnedAny: (r?.awards.length ?? 0) > 0,
    projected,
    detail,
    approval: i.campaign.approval ? t(`approval.${i.campaign.approval}`) : t("approval.auto"),
  };
}
