import { daysBetween, isValidDay } from "@/lib/domain/calendar";
import { MAX_RANGE_DAYS } from "@/lib/schemas/kpis";
import { boardRange } from "@/lib/server/leaderboard-view";

/**
 * What the board page's search parameters ask for (STYLE: shaped before JSX). The period is the board's own unless
 * the reader picks this week / month / quarter or custom dates; every view is a URL that can be bookmarked or shared.
 */
export type SearchParams = Record<string, string | string[] | undefined>;
export const PERIOD_CHOICES = ["board", "week", "month", "quarter", "custom"] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

export type BoardQuery = {
  period: PeriodChoice;
  /** The range to ask for; absent: the board's own period. */
  range: { from: string; to: string } | null;
  /** Custom dates that cannot be used (missing, reversed, too long): the board's own period is shown instead. */
  invalidPeriod: boolean;
  trend?: string;
  kpi?: string;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export function readBoardQuery(params: SearchParams, today: string): BoardQuery {
  const asked = one(params.period);
  const period: PeriodChoice = (PERIOD_CHOICES as readonly string[]).includes(asked ?? "") ? (asked as PeriodChoice) : "board";
  const extra = { ...(one(params.trend) ? { trend: one(params.trend) } : {}), ...(one(params.kpi) ? { kpi: one(params.kpi) } : {}) };
  if (period === "board") return { period, range: null, invalidPeriod: false, ...extra };
  if (period !== "custom") return { period, range: boardRange({ period, from: null, to: null }, today), invalidPeriod: false, ...extra };
  const from = one(params.from);
  const to = one(params.to);
  const usable = from && to && isValidDay(from) && isValidDay(to) && from <= to && daysBetween(from, to) + 1 <= MAX_RANGE_DAYS;
  return usable ? { period, range: { from, to }, invalidPeriod: false, ...extra } : { period: "board", range: null, invalidPeriod: true, ...extra };
}

/** A link to the board with some parameters changed; the others are carried along. */
export function boardHref(id: string, q: BoardQuery, changes: { period?: PeriodChoice; trend?: string; kpi?: string } = {}): string {
  const params = new URLSearchParams();
  const period = changes.period ?? q.period;
  if (period !== "board") params.set("period", period);
  if (period === "custom" && q.range) {
    params.set("from", q.range.from);
    params.set("to", q.range.to);
  }
  const trend = changes.trend ?? q.trend;
  if (trend) params.set("trend", trend);
  const kpi = changes.kpi ?? q.kpi;
  if (kpi) params.set("kpi", kpi);
  const qs = params.toString();
  return `/leaderboards/${id}${qs ? `?${qs}` : ""}`;
}

/** The session-authenticated stream of this board for the range shown (the same range the page rendered). */
export function streamUrl(id: string, q: BoardQuery): string {
  const base = `/api/leaderboards/${encodeURIComponent(id)}/stream`;
  return q.range ? `${base}?${new URLSearchParams(q.range).toString()}` : base;
}
