import type { LeaderboardRow, LeaderboardView } from "@/lib/server/leaderboard-view";
import { POINTS_METRIC } from "@/lib/domain/leaderboards/standings";
import { formatKpiValue, kpiUnit } from "./kpi-format";

/**
 * A board's rows as the board page and TV mode show them (STYLE: data shaped before JSX). Pure, so server pages and
 * client components (the live board, the wall screen) share it.
 */
export type Movement = { dir: "up" | "down" | "same" | "none"; places: number };
export type BoardRowView = {
  agent: string;
  name: string;
  rank: number | null;
  /** "1", or "=1" would hide the competition ranking: ties show the same number, then a gap (1, 1, 3). */
  rankLabel: string;
  value: string | null;
  n: number;
  /** The fairness-adjusted score when it differs from the value (Wilson, Bayes), for a tooltip. */
  score: string | null;
  move: Movement;
  mine: boolean;
};
export type BoardRowsView = {
  ranked: BoardRowView[];
  /** Below minSamples (or without data): listed after the ranked ones as "not enough data". */
  unranked: BoardRowView[];
  /** The viewer's row and two on either side; null when the viewer is not on this board. */
  neighbours: BoardRowView[] | null;
  mine: BoardRowView | null;
};

export function movementOf(change: number | null): Movement {
  if (change === null) return { dir: "none", places: 0 };
  if (change > 0) return { dir: "up", places: change };
  if (change < 0) return { dir: "down", places: -change };
  return { dir: "same", places: 0 };
}

/**
 * The board's value in its KPI's unit; a composite is a score; points are a whole number with their unit ("1,250
 * pts"): `pointsUnit` is the localized abbreviation (leaderboards.units.points). `decimals` (see boardDecimals) fixes
 * the fraction digits so a column lines up; without it, the KPI's own formatting.
 */
export function formatBoardValue(metric: string, value: number, locale: string, pointsUnit = "pts", decimals?: number): string {
  if (metric === POINTS_METRIC) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)} ${pointsUnit}`;
  if (decimals === undefined) return formatKpiValue(metric, value, locale);
  const digits = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  switch (kpiUnit(metric)) {
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", ...digits }).format(value / 100);
    case "score":
      return new Intl.NumberFormat(locale, { ...digits, signDisplay: "exceptZero" }).format(value);
    case "number":
      return new Intl.NumberFormat(locale, digits).format(value);
    default:
      return formatKpiValue(metric, value, locale);
  }
}

/** The fraction digits `value` needs once rounded to at most `max` (91.96 at most 1 → 0: it reads "92"). */
function digitsNeeded(value: number, max: number): number {
  const scaled = Math.round(Math.abs(value) * 10 ** max);
  for (let d = 0; d < max; d++) if (scaled % 10 ** (max - d) === 0) return d;
  return max;
}

/**
 * One number of fraction digits for a whole column of a board, so "1" does not sit beside "1.07": a composite (z-scores
 * or 0–1 scores) always shows two; percentages and NPS-like scores one, or none when no value needs it; other means and
 * custom metrics up to two. Undefined: the unit is never fractional (points, counts, durations).
 */
export function boardDecimals(metric: string, values: Iterable<number>): number | undefined {
  if (metric === POINTS_METRIC) return undefined;
  if (metric === "composite") return 2;
  const unit = kpiUnit(metric);
  const max = unit === "percent" || unit === "score" ? 1 : unit === "number" ? 2 : null;
  if (max === null) return undefined;
  let decimals = 0;
  for (const v of values) decimals = Math.max(decimals, digitsNeeded(v, max));
  return decimals;
}

type Digits = { value: number | undefined; score: number | undefined };

function adjustedScore(view: LeaderboardView, row: LeaderboardRow): number | null {
  return view.fairness.method !== "raw" && row.score !== null && row.score !== row.value ? row.score : null;
}

function rowView(view: LeaderboardView, row: LeaderboardRow, me: string | null, locale: string, pointsUnit: string, digits: Digits): BoardRowView {
  const value = row.value === null ? null : formatBoardValue(view.metric, row.value, locale, pointsUnit, digits.value);
  const score = adjustedScore(view, row);
  return {
    agent: row.agent,
    name: row.name,
    rank: row.rank,
    rankLabel: row.rank === null ? "–" : String(row.rank),
    value,
    n: row.n,
    score: score === null ? null : formatBoardValue(view.metric, score, locale, pointsUnit, digits.score),
    move: movementOf(row.change),
    mine: me !== null && row.agent === me,
  };
}

/** `me`: the viewer's agent id (external id), or null when they have no agent profile. `pointsUnit`: as formatBoardValue. */
export function boardRowsView(view: LeaderboardView, me: string | null, locale: string, pointsUnit = "pts"): BoardRowsView {
  const digits: Digits = {
    value: boardDecimals(view.metric, view.rows.flatMap((r) => (r.value === null ? [] : [r.value]))),
    score: boardDecimals(view.metric, view.rows.flatMap((r) => adjustedScore(view, r) ?? [])),
  };
  const rows = view.rows.map((r) => rowView(view, r, me, locale, pointsUnit, digits));
  const ranked = rows.filter((r) => r.rank !== null);
  const unranked = rows.filter((r) => r.rank === null);
  const mine = rows.find((r) => r.mine) ?? null;
  // Neighbours among the ranked only: an unranked viewer has no position to stand in yet.
  const neighbours = mine ? (mine.rank !== null ? around(ranked, mine.agent, 2) : [mine]) : null;
  return { ranked, unranked, neighbours, mine };
}

/** A row and `n` on either side (as lib/domain's neighbourhood, over the shaped rows). */
function around(rows: BoardRowView[], agent: string, n: number): BoardRowView[] {
  const i = rows.findIndex((r) => r.agent === agent);
  return i < 0 ? [] : rows.slice(Math.max(0, i - n), i + n + 1);
}
