import { addDays, lastDayOfMonth, monthOf } from "@/lib/domain/calendar";
import type { DayRange } from "@/lib/domain/campaigns/evaluation";

/**
 * The day ranges the campaign pages offer, from the organization's `today` (passed in): a new campaign's default
 * run and the what-if replay presets. Pure.
 */

/** First day of the month `n` months after `day`'s month (n may be negative). */
function monthStart(day: string, n: number): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** A new campaign runs from the first of this month for three months: it is live now and recurs monthly. */
export function defaultSchedule(today: string): DayRange {
  return { from: `${monthOf(today)}-01`, to: lastDayOfMonth(monthOf(monthStart(today, 2))) };
}

export function lastMonth(today: string): DayRange {
  const from = monthStart(today, -1);
  return { from, to: lastDayOfMonth(monthOf(from)) };
}

/** The calendar quarter before today's (Jan–Mar, Apr–Jun, …). */
export function lastQuarter(today: string): DayRange {
  const month = Number(today.slice(5, 7));
  const thisQuarter = monthStart(today, -((month - 1) % 3));
  const from = monthStart(thisQuarter, -3);
  return { from, to: addDays(thisQuarter, -1) };
}

export type ReplayPresets = { lastMonth: DayRange; lastQuarter: DayRange; yesterday: string };

export function replayPresets(today: string): ReplayPresets {
  return { lastMonth: lastMonth(today), lastQuarter: lastQuarter(today), yesterday: addDays(today, -1) };
}
