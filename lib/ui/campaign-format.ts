import type { Award, Compare } from "@/lib/domain/campaigns/document";
import type { Totals } from "@/lib/domain/campaigns/evaluation";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import { formatDuration, formatKpiValue, kpiUnit } from "./kpi-format";

/**
 * How campaign amounts read (SPEC §5): points as whole numbers, leave minutes as working days and hours, cash in its
 * currency from minor units. Pure and client-safe; the caller passes a translator for the `campaigns` namespace.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A next-intl translator (typed by its namespace's keys) as a plain Translate, for helpers that build keys. */
export const asTranslate =
  (fn: unknown): Translate =>
  (key, values) =>
    (fn as Translate)(key, values);

/**
 * One paid-leave day in minutes. The organization settings hold business hours (09:00–18:00 by default, lunch
 * included) but no working-day length, so leave is counted in 8-hour days, the figure the templates pay
 * (480 minutes = one leave day).
 */
export const WORKING_DAY_MINUTES = 480;

export function formatLeave(minutes: number, t: Translate, locale: string, dayMinutes = WORKING_DAY_MINUTES): string {
  const sign = minutes < 0 ? "−" : "";
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / dayMinutes);
  const rest = abs - days * dayMinutes;
  const parts: string[] = [];
  if (days > 0) parts.push(t("units.days", { count: days }));
  if (rest > 0 || days === 0) {
    parts.push(rest > 0 && rest < 60 ? t("units.minutes", { count: rest }) : t("units.hours", { hours: formatNumber(rest / 60, locale, 2) }));
  }
  return sign + parts.join(" ");
}

export function formatAward(award: Award, t: Translate, locale: string): string {
  switch (award.type) {
    case "points":
      return t("units.points", { count: award.amount });
    case "leave":
      return t("units.leave", { amount: formatLeave(award.minutes, t, locale) });
    case "cash":
      return formatMoney(award.amountMinor, award.currency, locale);
    case "badge":
      return t("units.badge", { badge: award.badge });
    case "reward":
      return t("units.reward", { reward: award.rewardId });
  }
}

export function formatAwards(awards: readonly Award[], t: Translate, locale: string): string {
  return awards.length === 0 ? "—" : awards.map((a) => formatAward(a, t, locale)).join(" + ");
}

/** A period's (or a replay's) cost, one entry per asset that has any: points, leave, then each currency. */
export function formatTotals(totals: Totals, t: Translate, locale: string): string[] {
  const out: string[] = [];
  if (totals.points) out.push(t("units.points", { count: totals.points }));
  if (totals.leaveMinutes) out.push(t("units.leave", { amount: formatLeave(totals.leaveMinutes, t, locale) }));
  for (const [currency, minor] of Object.entries(totals.cash)) if (minor) out.push(formatMoney(minor, currency, locale));
  return out;
}

/**
 * The value a rule compares, as a reader expects it: the KPI in its unit, an attainment as a percentage of the
 * agent's target, an improvement as a signed change in the KPI's unit, a composite as a plain score.
 */
export function formatComparedValue(metric: string, compare: Compare | undefined, value: number | null, locale: string): string {
  if (value === null) return "—";
  if (metric === "composite") return formatNumber(value, locale, 2);
  if (compare === "attainment") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
  if (compare === "improvement") {
    const unit = kpiUnit(metric);
    if (unit === "duration") return `${value > 0 ? "+" : ""}${formatDuration(value)}`;
    const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value);
    return unit === "percent" ? `${text} pp` : text;
  }
  return formatKpiValue(metric, value, locale);
}

/** Asset keys of the replay analytics (`points`, `leave_minutes`, `cash:MYR`) as labels. */
export function assetLabel(asset: string, t: Translate): string {
  if (asset === "points") return t("assets.points");
  if (asset === "leave_minutes") return t("assets.leave");
  return t("assets.cash", { currency: asset.slice("cash:".length) });
}

export function formatAssetAmount(asset: string, amount: number, t: Translate, locale: string): string {
  if (asset === "points") return t("units.points", { count: amount });
  if (asset === "leave_minutes") return formatLeave(amount, t, locale);
  return formatMoney(amount, asset.slice("cash:".length), locale);
}
