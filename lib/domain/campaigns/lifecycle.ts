import { addDays, daysBetween, lastDayOfMonth, monthOf } from "../calendar";
import { seriesBuckets } from "../kpi-series";
import type { Schedule } from "./document";
import type { DayRange } from "./evaluation";

/**
 * A campaign's lifecycle (SPEC §2): draft → scheduled → active → ended → archived. Only draft, launched and archived
 * are stored; a launched campaign is scheduled before its first day, active through its last and ended after, all
 * in the organization's time zone (`today` is passed in).
 */
export type CampaignStatus = "draft" | "scheduled" | "active" | "ended" | "archived";
export const CAMPAIGN_STATUSES = ["draft", "scheduled", "active", "ended", "archived"] as const satisfies readonly CampaignStatus[];

export function campaignStatus(state: "draft" | "launched" | "archived", schedule: Schedule, today: string): CampaignStatus {
  if (state !== "launched") return state;
  if (today < schedule.from) return "scheduled";
  if (today > schedule.to) return "ended";
  return "active";
}

/** The quarter (1–4) start month of a day's month. */
function quarterStart(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(first).padStart(2, "0")}-01`;
}

/**
 * The periods a schedule recurs in, in order: calendar weeks (Monday to Sunday), months or quarters, the first and
 * last clipped to the schedule; `custom` is one period, the whole schedule. Evaluations, caps and budgets apply per
 * period.
 */
export function schedulePeriods(schedule: Schedule): DayRange[] {
  const { from, to, period } = schedule;
  if (from > to) return [];
  if (period === "custom") return [{ from, to }];
  if (period === "week") return seriesBuckets(from, to, "week").map(({ from: f, to: t }) => ({ from: f, to: t }));
  const out: DayRange[] = [];
  let start = period === "month" ? `${monthOf(from)}-01` : quarterStart(from);
  while (start <= to) {
    const end = period === "month" ? lastDayOfMonth(monthOf(start)) : lastDayOfMonth(monthOf(addDays(start, 62))) // 62 days in is always the quarter's third month;
    out.push({ from: start < from ? from : start, to: end > to ? to : end });
    start = addDays(end, 1);
  }
  return out;
}

/**
 * The period a view of the campaign shows on `today`: the one containing today; before the start, the first; after
 * the end, the last.
 */
export function currentPeriod(schedule: Schedule, today: string): DayRange | null {
  const periods = schedulePeriods(schedule);
  if (periods.length === 0) return null;
  return periods.find((p) => p.from <= today && today <= p.to) ?? (today < schedule.from ? periods[0]! : periods[periods.length - 1]!);
}

/** How far into a period today is, for pace projections: whole days elapsed (today counts) out of its length. */
export function periodPace(period: DayRange, today: string): { elapsedDays: number; totalDays: number } {
  const totalDays = daysBetween(period.from, period.to) + 1;
  if (today < period.from) return { elapsedDays: 0, totalDays };
  if (today > period.to) return { elapsedDays: totalDays, totalDays };
  return { elapsedDays: daysBetween(period.from, today) + 1, totalDays };
}
