import { evaluateComposite } from "../campaigns/composite";
import type { Composite } from "../campaigns/document";
import type { KpiTable } from "../campaigns/evaluation";
import { EvaluationError } from "../campaigns/errors";
import { kpiBetter, kpiKindOf, readKpi } from "../campaigns/kpi-info";
import { byValue, competitionRanksBy } from "../campaigns/ranking";
import { applyFairness, type FairnessSettings } from "../fairness";

/**
 * A leaderboard's ranking (SPEC §7). Pure: the KPI values come in, the ranked rows go out.
 *
 * - Direction from the KPI (lower is better for handle times); a composite score is higher-is-better.
 * - Points (`metric: "points"`): the points each agent earned in the range, read as `kpis[agent].points` (value: the
 *   sum, n: the entries). Higher is better and everyone is ranked, 0 points included: a sum has no sample to be
 *   too small, so fairness does not apply.
 * - Participants below `minSamples` (or without any value) are listed after the ranked ones with `rank: null`.
 * - Fairness: the Wilson bound (rates; the upper one where lower is better) or the Bayesian average (means) decides
 *   the order and is given as `score`; `value` stays the KPI itself, as everywhere else.
 * - Competition ranking (`1, 1, 3`) on the score; tied rows, and the unranked ones, in name order (case-insensitive,
 *   then agent id), so the order never depends on the input's.
 */
export type BoardRow = { rank: number | null; agent: string; name: string; value: number | null; n: number; score: number | null };

export type BoardDefinition = { metric: string; composite?: Composite | null; fairness: FairnessSettings };

/** The metric of a board ranking the points earned (from the ledger, not a KPI). */
export const POINTS_METRIC = "points";

export function boardDirection(metric: string): "higher" | "lower" {
  return metric === "composite" || metric === POINTS_METRIC ? "higher" : kpiBetter(metric);
}

/** The KPI keys a board reads; a points board reads none (its numbers come from the ledger). */
export function boardKpis(board: Pick<BoardDefinition, "metric" | "composite">): string[] {
  if (board.metric === POINTS_METRIC) return [];
  return board.metric === "composite" ? Object.keys(board.composite?.weights ?? {}).sort() : [board.metric];
}

/** One agent's points from the table: a missing row is 0 points from 0 entries. Not a KPI, so readKpi is not asked. */
function readPoints(kpis: KpiTable, agent: string): { value: number; n: number } {
  const row = Object.hasOwn(kpis, agent) ? kpis[agent] : undefined;
  const v = row && Object.hasOwn(row, POINTS_METRIC) ? row[POINTS_METRIC] : undefined;
  if (!v || v.value === null) return { value: 0, n: 0 };
  if (!Number.isFinite(v.value) || !Number.isFinite(v.n) || v.n < 0) throw new EvaluationError(`points of ${agent} are not a number`);
  return { value: v.value, n: v.n };
}

const byName = (a: { name: string; agent: string }, b: { name: string; agent: string }) => {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0;
};

export function boardStandings(board: BoardDefinition, participants: ReadonlyArray<{ agent: string; name: string }>, kpis: KpiTable): BoardRow[] {
  const people = [...participants].sort((a, b) => (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
  const rows: Array<BoardRow & { enough: boolean }> = [];
  if (board.metric === POINTS_METRIC) {
    for (const p of people) {
      const { value, n } = readPoints(kpis, p.agent);
      rows.push({ rank: null, agent: p.agent, name: p.name, value, n, score: value, enough: true });
    }
  } else if (board.metric === "composite") {
    const scores = evaluateComposite(board.composite ?? undefined, board.fairness, people.map((p) => p.agent), kpis);
    for (const p of people) {
      const c = scores.get(p.agent)!;
      rows.push({ rank: null, agent: p.agent, name: p.name, value: c.score, n: c.n, score: c.score, enough: c.enoughData && c.score !== null });
    }
  } else {
    const values = people.map((p) => ({ key: p.agent, ...readKpi(kpis, p.agent, board.metric) }));
    const adjusted = applyFairness(values, kpiKindOf(board.metric), board.fairness, kpiBetter(board.metric));
    for (const p of people) {
      const a = adjusted.get(p.agent)!;
      rows.push({ rank: null, agent: p.agent, name: p.name, value: a.raw, n: a.n, score: a.enoughData ? a.value : null, enough: a.enoughData });
    }
  }
  const direction = boardDirection(board.metric);
  const ranked = competitionRanksBy(
    rows.filter((r) => r.enough),
    (a, b) => byValue(a.score!, b.score!, direction) || 0,
  );
  // ties keep name order: sort each tied group by name (the comparator above left them tied)
  const out: BoardRow[] = ranked
    .map(({ item, rank }) => ({ ...item, rank }))
    .sort((a, b) => a.rank - b.rank || byName(a, b))
    .map(({ enough: _enough, ...row }) => row);
  const unranked = rows.filter((r) => !r.enough).sort(byName).map(({ enough: _enough, ...row }) => ({ ...row, rank: null, score: null }));
  return [...out, ...unranked];
}

/**
 * Movement since an earlier ranking (yesterday's): positive when an agent moved up. Null when they were not ranked in
 * one of the two.
 */
export function movement(now: readonly BoardRow[], before: readonly BoardRow[]): Map<string, number | null> {
  const earlier = new Map(before.map((r) => [r.agent, r.rank]));
  return new Map(now.map((r) => {
    const was = earlier.get(r.agent) ?? null;
    return [r.agent, r.rank === null || was === null ? null : was - r.rank];
  }));
}

/** An agent's row with up to `around` rows above and below it ("my position"); empty when they are not on the board. */
export function neighbourhood(rows: readonly BoardRow[], agent: string, around = 2): BoardRow[] {
  const i = rows.findIndex((r) => r.agent === agent);
  if (i < 0) return [];
  return rows.slice(Math.max(0, i - around), i + around + 1);
}
