import type { Db } from "@/db/client";
import { foldPendingRollups } from "@/db/queries/events";
import { findLeaderboard } from "@/db/queries/leaderboards";
import { pointsEarned } from "@/db/queries/ledger";
import type { BoardPeriod, Leaderboard } from "@/db/schema";
import { addDays, lastDayOfMonth, monthOf } from "@/lib/domain/calendar";
import type { Fairness } from "@/lib/domain/campaigns/document";
import { EvaluationError } from "@/lib/domain/campaigns/evaluate";
import type { DayRange, KpiTable } from "@/lib/domain/campaigns/evaluation";
import { DEFAULT_KPI_SETTING } from "@/lib/domain/kpi-settings";
import { weekStart } from "@/lib/domain/kpi-series";
import { boardDirection, boardKpis, boardStandings, movement, POINTS_METRIC, type BoardRow } from "@/lib/domain/leaderboards/standings";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import type { LeaderboardQuery } from "@/lib/schemas/leaderboards";
import { loadKpiSettings } from "./get-kpi-settings";
import { loadDirectory, type Directory, type DirectoryAgent } from "./kpi-directory";
import { agentKpis } from "./kpi-sums";

/** One ranked row of a board (SPEC §10: `{ rank, agent, name, value, n }`), with the fairness score and movement. */
export type LeaderboardRow = BoardRow & {
  /** Places moved up since yesterday (negative: down); null when not ranked then or now. */
  change: number | null;
};

/** What `GET /api/v1/leaderboards/{id}` answers and every stream sends (the same JSON). */
export type LeaderboardView = {
  id: string;
  name: string;
  metric: string;
  direction: "higher" | "lower";
  period: { kind: BoardPeriod; from: string; to: string };
  scope: { teams: Array<{ id: string; name: string }>; queue: string | null };
  fairness: { minSamples: number; method: Fairness["method"]; bayesWeight: number };
  /** Ranked rows best first (at most `top`), then, without `top`, those below minSamples with `rank: null`. */
  rows: LeaderboardRow[];
  ranked: number;
  participants: number;
};

/** The board's own range on `today` (organization time zone): this week, month or quarter, or its custom dates. */
export function boardRange(board: Pick<Leaderboard, "period" | "from" | "to">, today: string): DayRange {
  switch (board.period) {
    case "week": {
      const monday = weekStart(today);
      return { from: monday, to: addDays(monday, 6) };
    }
    case "month":
      return { from: `${monthOf(today)}-01`, to: lastDayOfMonth(monthOf(today)) };
    case "quarter": {
      const [y, m] = today.split("-").map(Number) as [number, number];
      const first = `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
      return { from: first, to: lastDayOfMonth(monthOf(addDays(first, 62))) };
    }
    case "custom":
      return { from: board.from!, to: board.to! };
  }
}

/** Who a board ranks: the active agents of its teams, or every active agent. */
export function boardParticipants(board: Pick<Leaderboard, "teamIds">, directory: Directory): DirectoryAgent[] {
  const teams = new Set(board.teamIds);
  return directory.agents.filter((a) => a.active && (teams.size === 0 || a.teamIds.some((t) => teams.has(t))));
}

export async function loadLeaderboard(db: Db, orgId: string, id: string): Promise<Leaderboard> {
  const board = await findLeaderboard(db, orgId, id);
  if (!board) throw new NotFoundError("Leaderboard not found");
  return board;
}

/**
 * Computes a board for a range (its own by default) from the rollups (a points board: from the ledger), with each
 * agent's movement since yesterday (the same range cut at yesterday). Callers authorize first; realtime streams call
 * it once per change window.
 */
export async function computeLeaderboardView(
  db: Db,
  orgId: string,
  board: Leaderboard,
  query: LeaderboardQuery,
  { today, timeZone }: { today: string; timeZone: string },
): Promise<LeaderboardView> {
  await foldPendingRollups(db, orgId); // count every stored batch
  const range = query.from && query.to ? { from: query.from, to: query.to } : boardRange(board, today);
  const [directory, settings] = await Promise.all([loadDirectory(db, orgId), loadKpiSettings(db, orgId)]);
  const points = board.metric === POINTS_METRIC;
  // Fairness: the board's own, else the organization's KPI settings for its metric (composites: raw, no minimum).
  // A points board ranks a plain sum: raw, no minimum, whatever is stored (the schema refuses its own fairness).
  const setting = board.metric === "composite" || points ? DEFAULT_KPI_SETTING : (settings.find((s) => s.kpi === board.metric) ?? DEFAULT_KPI_SETTING);
  const fairness = points
    ? { minSamples: 0, method: "raw" as const, bayesWeight: setting.bayesWeight }
    : {
        minSamples: board.fairness?.minSamples ?? setting.minSamples,
        method: board.fairness?.method ?? setting.method,
        bayesWeight: board.fairness?.bayesWeight ?? setting.bayesWeight,
      };
  const participants = boardParticipants(board, directory);
  const people = participants.map((a) => ({ agent: a.externalId, name: a.name }));
  const definition = { metric: board.metric, composite: board.composite, fairness };
  const yesterday = addDays(today, -1);
  const earlier = yesterday >= range.from ? { from: range.from, to: yesterday < range.to ? yesterday : range.to } : null;
  const read = points ? pointsReader(db, orgId, participants, timeZone) : kpiReader(db, orgId, boardKpis(definition), participants, directory, board.queue);
  const [now, before] = await Promise.all([read(range), earlier ? read(earlier) : Promise.resolve(null)]);
  let rows: BoardRow[];
  let previous: BoardRow[];
  try {
    rows = boardStandings(definition, people, now);
    previous = before ? boardStandings(definition, people, before) : [];
  } catch (err) {
    if (err instanceof EvaluationError) throw new UnprocessableError(`This leaderboard cannot be ranked: ${err.message}`);
    throw err;
  }
  const moved = movement(rows, previous);
  const ranked = rows.filter((r) => r.rank !== null).length;
  const shown = query.top !== undefined ? rows.filter((r) => r.rank !== null).slice(0, query.top) : rows;
  const teamNames = new Map(directory.teams.map((t) => [t.id, t.name]));
  return {
    id: board.id,
    name: board.name,
    metric: board.metric,
    direction: boardDirection(board.metric),
    period: { kind: board.period, ...range },
    scope: { teams: board.teamIds.map((id) => ({ id, name: teamNames.get(id) ?? id })), queue: points ? null : board.queue },
    fairness,
    rows: shown.map((r) => ({ ...r, change: moved.get(r.agent) ?? null })),
    ranked,
    participants: rows.length,
  };
}

type TableReader = (range: DayRange) => Promise<KpiTable>;

/** The rollups of a KPI board's keys, for its participants (and queue). */
function kpiReader(db: Db, orgId: string, keys: string[], participants: DirectoryAgent[], directory: Directory, queue: string | null): TableReader {
  const scope = queue !== null ? { queue } : {};
  return (range) => agentKpis(db, orgId, range, keys, participants, directory, scope);
}

/**
 * The points each participant earned (db/queries/ledger `pointsEarned`: awards, adjustments and their reversals,
 * never redemptions), by the organization's calendar days, as `{ points: { value, n } }` per external id. The
 * ledger knows users; the board knows agents by external id.
 */
function pointsReader(db: Db, orgId: string, participants: DirectoryAgent[], timeZone: string): TableReader {
  const byUser = new Map(participants.map((a) => [a.userId, a.externalId]));
  return async (range) => {
    const table: KpiTable = {};
    for (const row of await pointsEarned(db, orgId, range, timeZone)) {
      const agent = byUser.get(row.agentId);
      if (agent !== undefined) table[agent] = { [POINTS_METRIC]: { value: row.points, n: row.entries } };
    }
    return table;
  };
}
