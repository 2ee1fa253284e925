import { parseKpiKey } from "@/lib/domain/kpis";
import type { Translate } from "./campaign-format";
import { periodLabel } from "./campaign-results";

/**
 * Labels of a board's definition. `t` is a root translator (no namespace), so one function can reach the KPI names
 * (kpis.names) and the board wording (leaderboards.*) alike, on the server and in client components.
 */
export function metricLabel(metric: string, t: Translate): string {
  if (metric === "composite") return t("leaderboards.metric.composite");
  if (metric === "points") return t("leaderboards.metric.points");
  const parsed = parseKpiKey(metric);
  if (!parsed) return metric;
  if (parsed.kind === "builtin") return t(`kpis.names.${parsed.key}`);
  return t(parsed.aggregate === "sum" ? "leaderboards.metric.customSum" : "leaderboards.metric.customAvg", { key: parsed.metric });
}

export type PeriodKind = "week" | "month" | "quarter" | "custom";

/** "This month · 1 – 31 May 2026", or the dates alone for a custom period. */
export function boardPeriodLabel(period: { kind: PeriodKind; from: string; to: string }, t: Translate, locale: string): string {
  const range = periodLabel(period, locale);
  return period.kind === "custom" ? range : `${t(`leaderboards.periods.${period.kind}`)} · ${range}`;
}

/** "Whole organization", "Billing, Retention", "Queue billing", or both. */
export function scopeLabel(scope: { teams: ReadonlyArray<{ name: string }>; queue: string | null }, t: Translate): string {
  const parts: string[] = [];
  parts.push(scope.teams.length === 0 ? t("leaderboards.scope.org") : scope.teams.map((x) => x.name).join(", "));
  if (scope.queue) parts.push(t("leaderboards.scope.queue", { queue: scope.queue }));
  return parts.join(" · ");
}

/** The fairness line under a board: "at least 10 samples · Wilson lower bound". */
export function fairnessLabel(fairness: { minSamples: number; method: "raw" | "wilson" | "bayes" }, t: Translate): string {
  const method = t(`leaderboards.fairness.methods.${fairness.method}`);
  return fairness.minSamples > 0 ? `${t("leaderboards.fairness.minLine", { n: fairness.minSamples })} · ${method}` : method;
}
