import { daysBetween } from "@/lib/domain/calendar";
import { resolvePeriod, type PeriodPreset } from "@/lib/domain/kpi-period";
import { hasEnoughData } from "@/lib/domain/kpi-settings";
import type { SeriesBucket } from "@/lib/domain/kpi-series";
import type { BuiltinKpi, KpiValue } from "@/lib/domain/kpis";
import { MAX_RANGE_DAYS } from "@/lib/schemas/kpis";
import type { KpiSettingRow } from "@/lib/server/get-kpi-settings";
import type { SeriesPoint } from "@/lib/server/get-kpi-series";
import { formatKpiValue, kpiUnit, meetsTarget } from "@/lib/ui/kpi-format";
import type { ChartRow } from "./kpi-trend-chart";

/**
 * Data shaping for the KPI pages, kept out of JSX: what the search parameters ask for, and the KPI values turned into
 * what a card, a table cell or a chart point shows.
 */

/** What a contact-center agent and lead look at first: quality, speed, resolution, volume. */
export const PAGE_KPIS: BuiltinKpi[] = ["csat", "nps", "fcr_rate", "aht", "answer_rate", "service_level", "qa_score", "tickets_solved", "frt"];

export type SearchParams = Record<string, string | string[] | undefined>;
export type PageQuery = {
  from: string;
  to: string;
  preset: PeriodPreset;
  invalidPeriod: boolean;
  bucket: SeriesBucket;
  kpi: BuiltinKpi;
  team?: string;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** The page's period, trend grouping, charted KPI and team. `today` is the day in the organization's time zone. */
export function readPageQuery(params: SearchParams, today: string): PageQuery {
  const period = resolvePeriod({ period: one(params.period), from: one(params.from), to: one(params.to) }, today);
  // A custom range longer than the KPI queries allow is reported like any other unusable one.
  const tooLong = daysBetween(period.from, period.to) + 1 > MAX_RANGE_DAYS;
  const { from, to } = tooLong ? resolvePeriod({}, today) : period;
  const kpi = one(params.kpi);
  const team = one(params.team);
  return {
    from,
    to,
    preset: period.preset,
    invalidPeriod: period.invalid || tooLong,
    bucket: one(params.bucket) === "week" ? "week" : "day",
    kpi: (PAGE_KPIS as string[]).includes(kpi ?? "") ? (kpi as BuiltinKpi) : PAGE_KPIS[0]!,
    ...(team ? { team } : {}),
  };
}

/** A link to the same page with some parameters changed; the period stays as chosen. */
export function hrefWith(path: string, q: PageQuery, changes: Partial<Record<"period" | "bucket" | "kpi" | "team", string>>): string {
  const params = new URLSearchParams();
  const period = changes.period ?? q.preset;
  params.set("period", period);
  if (period === "custom") {
    params.set("from", q.from);
    params.set("to", q.to);
  }
  const team = changes.team ?? q.team;
  if (team) params.set("team", team);
  params.set("kpi", changes.kpi ?? q.kpi);
  params.set("bucket", changes.bucket ?? q.bucket);
  return `${path}?${params.toString()}`;
}

export type ValueView = {
  /** The formatted value, or null when there is none or too few samples to show it. */
  display: string | null;
  n: number;
  /** n ≥ the KPI's minimum sample and n > 0. */
  enough: boolean;
  minSamples: number;
  /** Whether the value meets the target (null: no target, no value, or not enough data). */
  onTarget: boolean | null;
};

export function valueView(kpi: BuiltinKpi, v: KpiValue | undefined, setting: KpiSettingRow | undefined, locale: string): ValueView {
  const value = v ?? { value: null, n: 0 };
  const minSamples = setting?.minSamples ?? 0;
  const enough = hasEnoughData(value, minSamples);
  return {
    display: enough ? formatKpiValue(kpi, value.value!, locale) : null,
    n: value.n,
    enough,
    minSamples,
    onTarget: enough ? meetsTarget(kpi, value.value, setting?.target ?? null) : null,
  };
}

export type CardView = ValueView & { kpi: BuiltinKpi; target: string | null; href: string; selected: boolean };

export function kpiCards(
  totals: Record<string, KpiValue>,
  settings: readonly KpiSettingRow[],
  q: PageQuery,
  path: string,
  locale: string,
): CardView[] {
  return PAGE_KPIS.map((kpi) => {
    const setting = settings.find((s) => s.kpi === kpi);
    return {
      kpi,
      ...valueView(kpi, totals[kpi], setting, locale),
      target: setting?.target != null ? formatKpiValue(kpi, setting.target, locale) : null,
      href: hrefWith(path, q, { kpi }),
      selected: kpi === q.kpi,
    };
  });
}

/** Chart points: the value where the bucket has enough samples, the "thin" value (drawn lighter) where it has fewer. */
export function chartRows(points: readonly SeriesPoint[], kpi: BuiltinKpi, minSamples: number, bucket: SeriesBucket, locale: string): ChartRow[] {
  const short = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const label = (day: string) => short.format(new Date(`${day}T00:00:00Z`));
  return points.map((p) => {
    const v = p.metrics[kpi] ?? { value: null, n: 0 };
    const enough = hasEnoughData(v, minSamples);
    return {
      key: p.key,
      // a week clipped by the period starts at its first day inside it, not at a Monday outside it
      label: label(p.from),
      range: bucket === "week" ? `${label(p.from)} – ${label(p.to)}` : null,
      value: enough ? v.value : null,
      thin: !enough && v.value !== null ? v.value : null,
      n: v.n,
    };
  });
}

export type ChartView = {
  kpi: BuiltinKpi;
  rows: ChartRow[];
  target: number | null;
  type: "line" | "bar";
  hasData: boolean;
};

export function chartView(points: readonly SeriesPoint[], q: PageQuery, settings: readonly KpiSettingRow[], locale: string): ChartView {
  const setting = settings.find((s) => s.kpi === q.kpi);
  const rows = chartRows(points, q.kpi, setting?.minSamples ?? 0, q.bucket, locale);
  return {
    kpi: q.kpi,
    rows,
    target: setting?.target ?? null,
    type: kpiUnit(q.kpi) === "count" ? "bar" : "line",
    hasData: rows.some((r) => r.n > 0),
  };
}

/** A localized "1 Mar 2026 – 31 Mar 2026" for headings. */
export function rangeLabel(from: string, to: string, locale: string): string {
  const f = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return f.formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}
