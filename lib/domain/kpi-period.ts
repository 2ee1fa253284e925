import { addDays, isValidDay, lastDayOfMonth, monthOf } from "./calendar";
import { weekStart } from "./kpi-series";

/**
 * The periods a KPI page offers. "This week" and "this month" run up to today (nothing after today has data yet);
 * "last week" and "last month" are whole. `today` is the calendar day in the organization's time zone, passed in.
 */
export const PERIOD_PRESETS = ["this_week", "last_week", "this_month", "last_month", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export type DayRange = { from: string; to: string };

export function isPeriodPreset(value: unknown): value is PeriodPreset {
  return typeof value === "string" && (PERIOD_PRESETS as readonly string[]).includes(value);
}

export function presetRange(preset: Exclude<PeriodPreset, "custom">, today: string): DayRange {
  switch (preset) {
    case "this_week":
      return { from: weekStart(today), to: today };
    case "last_week": {
      const monday = addDays(weekStart(today), -7);
      return { from: monday, to: addDays(monday, 6) };
    }
    case "this_month":
      return { from: `${monthOf(today)}-01`, to: today };
    case "last_month": {
      const end = addDays(`${monthOf(today)}-01`, -1);
      return { from: `${monthOf(end)}-01`, to: lastDayOfMonth(monthOf(end)) };
    }
  }
}

/**
 * The period named by a page's search parameters. An unknown preset falls back to this month; "custom" needs two
 * valid days in order, otherwise it also falls back and `invalid` says so, so the page can tell the reader instead of
 * silently showing something else.
 */
export function resolvePeriod(
  params: { period?: string; from?: string; to?: string },
  today: string,
): DayRange & { preset: PeriodPreset; invalid: boolean } {
  const preset = isPeriodPreset(params.period) ? params.period : params.from || params.to ? "custom" : "this_month";
  if (preset !== "custom") return { ...presetRange(preset, today), preset, invalid: false };
  const { from, to } = params;
  if (from && to && isValidDay(from) && isValidDay(to) && from <= to) return { from, to, preset, invalid: false };
  return { ...presetRange("this_month", today), preset: "custom", invalid: true };
}
