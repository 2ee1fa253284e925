import type { Composite } from "@/lib/domain/campaigns/document";
import type { FairnessMethod } from "@/lib/domain/fairness";
import { POINTS_METRIC } from "@/lib/domain/leaderboards/standings";
import type { LeaderboardSummary } from "@/lib/server/list-leaderboards";

/**
 * The board form's state, and the request it sends (`leaderboardSchema`: the server validates and reports each
 * problem at its path — name, metric, composite.weights.csat, from, to, teams[0], queue, fairness.minSamples…).
 * Numbers that cannot be read are sent as null so the server names the field, rather than being guessed here.
 */
export type BoardPeriodKind = "week" | "month" | "quarter" | "custom";
export type BoardDraft = {
  name: string;
  metric: string;
  composite: Composite;
  period: BoardPeriodKind;
  from: string;
  to: string;
  teams: string[];
  queue: string;
  /** true: the organization's KPI settings decide the minimum sample and the method (the default). */
  orgFairness: boolean;
  minSamples: number | null;
  method: FairnessMethod;
  bayesWeight: number | null;
};

const DEFAULT_COMPOSITE: Composite = { normalize: "zscore", weights: { csat: 0.4, fcr_rate: 0.3, aht: 0.3 } };

export function newBoardDraft(): BoardDraft {
  return { name: "", metric: "csat", composite: DEFAULT_COMPOSITE, period: "month", from: "", to: "", teams: [], queue: "", orgFairness: true, minSamples: 0, method: "raw", bayesWeight: 10 };
}

export function boardDraftOf(board: LeaderboardSummary): BoardDraft {
  const custom = board.period === "custom";
  return {
    name: board.name,
    metric: board.metric,
    composite: board.composite ?? DEFAULT_COMPOSITE,
    period: board.period,
    from: custom ? board.from : "",
    to: custom ? board.to : "",
    teams: [...board.teamIds],
    queue: board.queue ?? "",
    orgFairness: board.fairness === null,
    minSamples: board.fairness?.minSamples ?? 0,
    method: board.fairness?.method ?? "raw",
    bayesWeight: board.fairness?.bayesWeight ?? 10,
  };
}

export function boardInput(d: BoardDraft): Record<string, unknown> {
  // A points board has no queue and no fairness of its own (the form hides both): leftovers from another metric are
  // not sent, or the server would refuse them.
  const points = d.metric === POINTS_METRIC;
  return {
    name: d.name.trim(),
    metric: d.metric,
    ...(d.metric === "composite" ? { composite: d.composite } : {}),
    period: d.period,
    ...(d.period === "custom" ? { from: d.from || undefined, to: d.to || undefined } : {}),
    ...(d.teams.length > 0 ? { teams: d.teams } : {}),
    ...(d.queue.trim() && !points ? { queue: d.queue.trim() } : {}),
    ...(d.orgFairness || points ? {} : { fairness: { minSamples: d.minSamples, method: d.method, ...(d.method === "bayes" ? { bayesWeight: d.bayesWeight } : {}) } }),
  };
}

/**
 * Server paths → the paths the reused campaign editors show errors at: the composite editor lives in the campaign
 * builder, where the composite is `rule.composite`.
 */
export function formErrorPaths(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.startsWith("composite") ? `rule.${path}` : path, message]));
}
