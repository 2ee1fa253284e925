import { histogram } from "@/lib/domain/campaigns/analytics";
import type { Compare } from "@/lib/domain/campaigns/document";
import type { EvaluationResult, ParticipantResult, ParticipantStatus } from "@/lib/domain/campaigns/evaluation";
import { formatAwards, formatComparedValue } from "./campaign-format";
import { explainResult, type ExplainDeps, type ExplainLine } from "./campaign-explain";

/**
 * Evaluation results shaped for the builder's tables and chart (STYLE: data shaped before JSX): formatted values,
 * awards and status, and each participant's "why" in plain words. Pure.
 */
export type ResultRow = {
  agent: string;
  name: string;
  rank: number | null;
  value: string;
  n: number;
  awards: string;
  awarded: boolean;
  status: ParticipantStatus;
  tone: "ok" | "warn" | "bad" | "muted";
  why: ExplainLine[];
};

const TONES: Record<ParticipantStatus, ResultRow["tone"]> = {
  awarded: "ok",
  not_enough_data: "warn",
  no_target: "warn",
  no_previous: "warn",
  gate_failed: "bad",
  not_reached: "muted",
  outside_top: "muted",
  shortlisted: "ok",
  not_shortlisted: "muted",
  budget_exhausted: "warn",
};

export function resultRows(results: readonly ParticipantResult[], rule: { metric: string; compare?: Compare }, deps: ExplainDeps): ResultRow[] {
  return results.map((r) => ({
    agent: r.agent,
    name: r.name,
    rank: r.rank,
    value: formatComparedValue(rule.metric, rule.compare, r.value, deps.locale),
    n: r.n,
    awards: formatAwards(r.awards, deps.t, deps.locale),
    awarded: r.awards.length > 0,
    status: r.status,
    tone: TONES[r.status],
    why: explainResult(r, deps),
  }));
}

export type DistributionBar = { key: string; label: string; range: string; count: number };

/**
 * How the compared values spread across participants (every period of a replay together): equal-width bins, each
 * labelled by its lower edge. Participants without a value are left out.
 */
export function distribution(periods: readonly EvaluationResult[], rule: { metric: string; compare?: Compare }, locale: string, bins = 10): DistributionBar[] {
  const values = periods.flatMap((p) => p.results.map((r) => r.value));
  const fmt = (v: number) => formatComparedValue(rule.metric, rule.compare, v, locale);
  return histogram(values, bins).map((b, i) => ({ key: String(i), label: fmt(b.from), range: `${fmt(b.from)} – ${fmt(b.to)}`, count: b.count }));
}

/**
 * Intl output with ordinary spaces. ICU puts thin (U+2009) and narrow no-break (U+202F) spaces into date ranges, times
 * and some locales' numbers, but not every ICU does so alike: Node's says "Nov 1\u2009–\u200930, 2026" where Chromium's
 * says "Nov 1 – 30, 2026". Text rendered on the server and hydrated in the browser must be the same on both, so anything
 * formatted on both sides goes through this.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u2009\u202f]/g, " ");
}

/** "Nov 1 – 30, 2026" (en), "1–30 Nov 2026" (ms): the same text on the server and in the browser. */
export function periodLabel(period: { from: string; to: string }, locale: string): string {
  const f = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return plainSpaces(f.formatRange(new Date(`${period.from}T00:00:00Z`), new Date(`${period.to}T00:00:00Z`)));
}
