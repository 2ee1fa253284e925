import type { Award } from "@/lib/domain/campaigns/document";
import type { Outcome, ParticipantResult } from "@/lib/domain/campaigns/evaluation";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import { formatAwards, formatComparedValue, formatLeave, type Translate } from "./campaign-format";
import { formatKpiValue } from "./kpi-format";

/**
 * A participant's result in plain words (SPEC §5: "understand why they did or did not earn something"), from the
 * engine's machine-readable explanation: the KPI value and sample used, fairness, target / tier / rank, gates, and
 * what caps and the budget took away. Pure; strings come from the `campaigns.why` messages through `t`.
 */
export type ExplainDeps = { t: Translate; locale: string; kpiName: (key: string) => string };
export type ExplainLine = { text: string; tone: "ok" | "bad" | "info" };

const OP = { gte: "≥", lte: "≤" } as const;

export function explainResult(result: ParticipantResult, deps: ExplainDeps): ExplainLine[] {
  const e = result.explanation;
  const { t, locale, kpiName } = deps;
  const lines: ExplainLine[] = [];
  const info = (text: string) => lines.push({ text, tone: "info" });
  const verdict = (ok: boolean, text: string) => lines.push({ text, tone: ok ? "ok" : "bad" });
  const kpi = (metric: string, v: number | null) => (v === null ? "—" : formatKpiValue(metric, v, locale));
  const compared = (v: number | null) => formatComparedValue(e.metric, e.compare, v, locale);

  // what was read
  if (e.composite) {
    info(t("why.composite", { normalize: t(`normalize.${e.composite.normalize}`), score: e.composite.score === null ? "—" : formatNumber(e.composite.score, locale, 2) }));
    for (const p of e.composite.parts) {
      info(
        t("why.compositePart", {
          kpi: kpiName(p.metric),
          value: kpi(p.metric, p.adjusted ?? p.value),
          normalized: p.normalized === null ? "—" : formatNumber(p.normalized, locale, 2),
          weight: formatNumber(p.weight, locale, 3),
        }),
      );
    }
  } else {
    for (const input of e.inputs) info(t("why.kpi", { kpi: kpiName(input.metric), value: kpi(input.metric, input.value), n: input.n }));
  }

  // fairness: enough data, and any adjustment of the value
  const n = e.inputs[0]?.n ?? 0;
  if (!e.fairness.enoughData) verdict(false, e.composite ? t("why.notEnoughComposite", { min: e.fairness.minSamples }) : t("why.notEnough", { n, min: e.fairness.minSamples }));
  else if (e.fairness.minSamples > 0 && !e.composite) verdict(true, t("why.enough", { n, min: e.fairness.minSamples }));
  if (e.fairness.enoughData && e.fairness.method !== "raw" && e.fairness.adjusted !== null && !e.composite) {
    const values = { raw: kpi(e.metric, e.fairness.raw), adjusted: kpi(e.metric, e.fairness.adjusted) };
    info(e.fairness.method === "wilson" ? t("why.wilson", values) : t("why.bayes", { ...values, mean: kpi(e.metric, e.fairness.groupMean ?? null) }));
  }

  // compare: attainment or improvement
  if (e.compare === "attainment") {
    if (e.reference?.target === undefined) verdict(false, t("why.noTarget"));
    else info(t("why.attainment", { target: kpi(e.metric, e.reference.target), value: compared(result.value) }));
  } else if (e.compare === "improvement") {
    const prev = e.reference?.previous;
    if (prev === null || prev === undefined) verdict(false, t("why.noPrevious"));
    else info(t("why.improvement", { previous: kpi(e.metric, prev), n: e.reference?.previousN ?? 0, value: compared(result.value) }));
  }

  for (const g of e.gates) {
    const text = t("why.gate", { kpi: kpiName(g.metric), op: OP[g.op], target: kpi(g.metric, g.value), actual: kpi(g.metric, g.actual), n: g.n });
    verdict(g.passed, g.passed ? t("why.gatePassed", { gate: text }) : g.n < g.minSamples ? t("why.gateThin", { gate: text, min: g.minSamples }) : t("why.gateFailed", { gate: text }));
  }

  outcomeLines(e.outcome, { ...deps, compared, value: compared(result.value) }).forEach((l) => lines.push(l));

  if (e.awardsBeforeLimits.length > 0) info(t("why.rulePays", { awards: formatAwards(e.awardsBeforeLimits, t, locale) }));
  for (const c of e.caps) {
    if (c.after >= c.before) continue;
    const amount = (v: number) => capAmount(c.type, v, c.currency, deps);
    verdict(false, t("why.capped", { cap: amount(c.cap), before: amount(c.before), after: amount(c.after) }));
  }
  if (e.budget && e.budget.after < e.budget.before) {
    const money = (v: number) => formatMoney(v, e.budget!.currency, locale);
    verdict(
      false,
      t(`why.budget_${e.budget.policy}`, { budget: money(e.budget.budgetMinor), requested: money(e.budget.requestedMinor), before: money(e.budget.before), after: money(e.budget.after) }),
    );
  }
  verdict(result.awards.length > 0, result.awards.length > 0 ? t("why.result", { awards: formatAwards(result.awards, t, locale) }) : t("why.nothing"));
  return lines;
}

function capAmount(type: Award["type"], v: number, currency: string | undefined, { t, locale }: ExplainDeps): string {
  if (type === "cash" && currency) return formatMoney(v, currency, locale);
  if (type === "leave") return formatLeave(v, t, locale);
  return t("units.points", { count: v });
}

function outcomeLines(o: Outcome, d: ExplainDeps & { compared: (v: number | null) => string; value: string }): ExplainLine[] {
  const { t } = d;
  const ok = (text: string): ExplainLine => ({ text, tone: "ok" });
  const bad = (text: string): ExplainLine => ({ text, tone: "bad" });
  const info = (text: string): ExplainLine => ({ text, tone: "info" });
  switch (o.kind) {
    case "threshold": {
      const values = { value: d.value, op: OP[o.op], target: d.compared(o.target) };
      return [o.reached ? ok(t("why.thresholdReached", values)) : bad(t("why.thresholdMissed", values))];
    }
    case "tiered": {
      const out = [
        o.tierIndex === null || o.tierValue === null
          ? bad(t("why.noTier", { value: d.value }))
          : ok(t("why.tierReached", { tier: o.tierIndex + 1, op: OP[o.op], target: d.compared(o.tierValue), value: d.value })),
      ];
      if (o.nextTier) out.push(info(t("why.nextTier", { tier: o.nextTier.index + 1, op: OP[o.op], target: d.compared(o.nextTier.value) })));
      return out;
    }
    case "rank": {
      if (o.rank === null) return [bad(t("why.unranked"))];
      const out = [info(t("why.rank", { rank: o.rank }))];
      if (o.tiedWith > 0) out.push(info(t("why.tied", { count: o.tiedWith, positions: o.positions.join(", "), ties: t(`ties.${o.ties}`) })));
      if (o.tiebreakValue !== undefined && o.tiebreakValue !== null) out.push(info(t("why.tiebreakValue", { value: formatNumber(o.tiebreakValue, d.locale, 2) })));
      return out;
    }
    case "per_unit": {
      const out = [info(t("why.units", { units: o.units, per: formatNumber(o.per, d.locale, 2) }))];
      if (o.mode !== "flat") out.push(info(o.bandIndex === undefined ? t("why.noBand") : t(`why.band_${o.mode}`, { band: o.bandIndex + 1 })));
      return out;
    }
    case "streak": {
      const met = o.met.filter(Boolean).length;
      const out = [info(t("why.streakDays", { met, total: o.met.length, every: t(`every.${o.every}`) }))];
      if (o.runs.length > 0) out.push(info(t("why.runs", { runs: o.runs.join(", ") })));
      out.push(o.streaks > 0 ? ok(t("why.streaks", { streaks: o.streaks, count: o.count })) : bad(t("why.noStreak", { count: o.count })));
      return out;
    }
    case "recognition": {
      if (!o.shortlisted) return [bad(t("why.notShortlisted"))];
      return [ok(t("why.shortlisted", { rank: o.shortlistRank ?? "—" })), o.picked ? ok(t("why.picked")) : info(t("why.notPicked"))];
    }
  }
}
