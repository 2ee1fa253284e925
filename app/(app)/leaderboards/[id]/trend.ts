import { can } from "@/lib/auth/policy";
import type { UserActor } from "@/lib/auth/actor";
import { daysBetween } from "@/lib/domain/calendar";
import { boardKpis, POINTS_METRIC } from "@/lib/domain/leaderboards/standings";
import type { BuiltinKpi } from "@/lib/domain/kpis";
import { isAppError } from "@/lib/errors";
import type { Ctx } from "@/lib/server/context";
import { getKpiSeries, type SeriesPoint } from "@/lib/server/get-kpi-series";
import { getMyKpis } from "@/lib/server/get-my-kpis";
import { loadDirectory } from "@/lib/server/kpi-directory";
import type { LeaderboardView } from "@/lib/server/leaderboard-view";
import type { LeaderboardSummary } from "@/lib/server/list-leaderboards";
import { listTeams } from "@/lib/server/list-teams";
import { kpiUnit } from "@/lib/ui/kpi-format";
import type { ChartRow } from "../../kpis/kpi-trend-chart";
import { chartRows } from "../../kpis/view";
import type { BoardQuery } from "./view";

/**
 * The KPI trend under a board (SPEC §7 charts). Agents see their own trend only (getKpiSeries refuses anyone else's);
 * managers their teams' on the board, HR and admins any team of it, or the whole organization for an org-wide board.
 * A composite board charts one of its parts at a time: a composite score exists only among the participants of a
 * period, not per day. A points board has no trend (points are not a KPI series).
 */
export type TrendOption = { key: string; label: string };
export type BoardTrend = {
  /** The viewer as an agent (their row on the board), or null. */
  me: string | null;
  options: TrendOption[];
  selected: string | null;
  kpis: string[];
  kpi: string;
  chart: { rows: ChartRow[]; type: "line" | "bar"; hasData: boolean } | null;
};

type Labels = { mine: string; org: string };

export async function loadBoardTrend(ctx: Ctx & { actor: UserActor }, view: LeaderboardView, summary: LeaderboardSummary | undefined, q: BoardQuery, today: string, locale: string, labels: Labels): Promise<BoardTrend> {
  if (view.metric === POINTS_METRIC) {
    // Points are not a KPI: there is no KPI series to chart, so a points board shows no trend card (no options).
    // The viewer's agent id is still needed for "my position".
    const me = (await loadDirectory(ctx.db, ctx.actor.orgId)).agents.find((a) => a.userId === ctx.actor.userId);
    return { me: me?.externalId ?? null, options: [], selected: null, kpis: [], kpi: view.metric, chart: null };
  }
  const kpis = boardKpis({ metric: view.metric, composite: summary?.composite ?? null });
  const kpi = kpis.includes(q.kpi ?? "") ? q.kpi! : kpis[0]!;
  // Nothing after today has data; a period that has not started yet has nothing to chart.
  const to = view.period.to < today ? view.period.to : today;
  const range = view.period.from <= to ? { from: view.period.from, to } : null;
  const bucket = range && daysBetween(range.from, range.to) > 45 ? "week" : "day";

  let mine: { agent: string | null; series: SeriesPoint[] } = { agent: null, series: [] };
  try {
    const my = await getMyKpis(ctx, { from: range?.from ?? today, to: range?.to ?? today, metrics: [kpi], bucket });
    mine = { agent: my.agent?.externalId ?? null, series: my.series };
  } catch (err) {
    if (!isAppError(err)) throw err; // a KPI the trend cannot read: the board itself still shows
  }

  const { actor } = ctx;
  const options: TrendOption[] = [];
  // one's own trend where one is on the board (an agent of another team has nothing to compare here)
  if (mine.agent && view.rows.some((r) => r.agent === mine.agent)) options.push({ key: "me", label: labels.mine });
  if (can(actor, "agents.view")) {
    const teams = view.scope.teams.length > 0 ? view.scope.teams : await listTeams(ctx);
    for (const team of teams) if (can(actor, "agents.view", { orgId: actor.orgId, teamIds: [team.id] })) options.push({ key: team.id, label: team.name });
    if (view.scope.teams.length === 0 && can(actor, "users.read")) options.push({ key: "org", label: labels.org });
  }
  const selected = options.find((o) => o.key === q.trend)?.key ?? options[0]?.key ?? null;
  const base = { kpis, kpi, options, selected, me: mine.agent };
  if (!range || selected === null) return { ...base, chart: null };

  let points: SeriesPoint[];
  try {
    points =
      selected === "me"
        ? mine.series
        : (await getKpiSeries(ctx, { ...range, metrics: [kpi], bucket, ...(selected === "org" ? {} : { team: selected }) })).points;
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { ...base, chart: null };
  }
  // chartRows only reads each point's value for the key; custom metrics (metric:upsells) chart the same way.
  const rows = chartRows(points, kpi as BuiltinKpi, view.fairness.minSamples, bucket, locale);
  return { ...base, chart: { rows, type: kpiUnit(kpi) === "count" ? "bar" : "line", hasData: rows.some((r) => r.n > 0) } };
}
