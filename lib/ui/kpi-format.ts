import { KPI_DEFINITIONS, kpiDirection, parseKpiKey } from "@/lib/domain/kpis";

/**
 * How a KPI value reads (SPEC §4: rates are percentages, durations seconds). Used by server pages and client charts
 * alike, so it imports nothing server-only.
 */
export type KpiUnit = "percent" | "duration" | "count" | "number" | "score";

/** Means measured in seconds. */
const DURATIONS = new Set(["asa", "aht", "avg_talk", "avg_hold", "avg_wrap", "frt", "resolution_time"]);

export function kpiUnit(kpi: string): KpiUnit {
  const parsed = parseKpiKey(kpi);
  if (!parsed || parsed.kind === "metric") return "number";
  const kind = KPI_DEFINITIONS[parsed.key].kind;
  if (kind === "rate") return "percent";
  if (kind === "count") return "count";
  if (kind === "score") return "score";
  return DURATIONS.has(kpi) ? "duration" : "number";
}

/** 75 → "1:15", 3725 → "1:02:05": minutes and seconds, hours once there are any. */
export function formatDuration(seconds: number): string {
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (x: number) => String(x).padStart(2, "0");
  return `${seconds < 0 ? "-" : ""}${h > 0 ? `${h}:${pad(m)}` : m}:${pad(s)}`;
}

export function formatKpiValue(kpi: string, value: number, locale: string): string {
  switch (kpiUnit(kpi)) {
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
    case "duration":
      return formatDuration(value);
    case "count":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case "score":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value);
    case "number":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  }
}

/** Whether a value meets its target, in the KPI's direction (lower is better for handle times). Null: nothing to judge. */
export function meetsTarget(kpi: string, value: number | null, target: number | null): boolean | null {
  if (value === null || target === null) return null;
  const direction = kpiDirection(kpi);
  if (direction === "lower") return value <= target;
  if (direction === "higher") return value >= target;
  return null;
}
