import type { LeaderboardSummary } from "@/lib/server/list-leaderboards";
import type { Translate } from "@/lib/ui/campaign-format";
import { boardPeriodLabel, metricLabel, scopeLabel } from "@/lib/ui/leaderboard-format";

/** A row of the board list, formatted (STYLE: data shaped before JSX). */
export type BoardListRow = { id: string; name: string; metric: string; period: string; scope: string };

/**
 * `teamNames`: the teams the viewer may see by name (agents: their own). A board scoped to other teams says how many,
 * rather than showing ids.
 */
export function boardListRows(boards: readonly LeaderboardSummary[], teamNames: ReadonlyMap<string, string>, t: Translate, locale: string): BoardListRow[] {
  return boards.map((b) => {
    const known = b.teamIds.flatMap((id) => (teamNames.has(id) ? [{ name: teamNames.get(id)! }] : []));
    const others = b.teamIds.length - known.length;
    const teams = others > 0 ? [...known, { name: t("leaderboards.scope.otherTeams", { count: others }) }] : known;
    return {
      id: b.id,
      name: b.name,
      metric: metricLabel(b.metric, t),
      period: boardPeriodLabel({ kind: b.period, from: b.from, to: b.to }, t, locale),
      scope: scopeLabel({ teams, queue: b.queue }, t),
    };
  });
}

/** Boards that rank a team's agents: scoped to it, or to everyone. */
export function boardsForTeam(boards: readonly LeaderboardSummary[], team: string | undefined): LeaderboardSummary[] {
  return team ? boards.filter((b) => b.teamIds.length === 0 || b.teamIds.includes(team)) : [...boards];
}
