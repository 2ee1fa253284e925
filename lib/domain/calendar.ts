/**
 * Calendar math in an organization's time zone. Days are "YYYY-MM-DD" strings (a calendar date, no time zone);
 * instants are ISO strings or epoch milliseconds. Pure: no clock.
 */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, f);
  }
  return f;
}

const QUARTER_HOUR = 15 * 60_000;
const MAX_CACHED = 200_000;
const dayCache = new Map<string, Map<number, string>>();

/**
 * The calendar day an instant falls on in a time zone: 2026-10-31T23:30:00+08:00 is 2026-10-31 in Kuala Lumpur,
 * 2026-10-31 in UTC too (15:30Z).
 *
 * Ingestion asks this for every event, and Intl formatting costs microseconds each, so answers are memoized per
 * quarter hour of UTC: every time zone's offset is a whole number of quarter hours and changes only on a quarter
 * hour, so local midnight never falls inside one and all instants of a quarter hour share their day.
 */
export function localDay(instant: string | number | Date, timeZone: string): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === "number" ? instant : Date.parse(instant);
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let days = dayCache.get(timeZone);
  if (!days) dayCache.set(timeZone, (days = new Map()));
  let day = days.get(bucket);
  if (day === undefined) {
    if (days.size >= MAX_CACHED) days.clear();
    day = dayFormatter(timeZone).format(bucket * QUARTER_HOUR);
    days.set(bucket, day);
  }
  return day;
}

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Splits an inclusive day range into whole calendar months and the loose days at either end, so that a query can
 * read monthly rollups for the months and daily rows only for the edges.
 */
export function splitRange(from: string, to: string): { months: string[]; days: Array<{ from: string; to: string }> } {
  if (from > to) return { months: [], days: [] };
  const months: string[] = [];
  const days: Array<{ from: string; to: string }> = [];
  let cursor = from;
  while (cursor <= to) {
    const month = monthOf(cursor);
    const monthEnd = lastDayOfMonth(month);
    if (cursor.endsWith("-01") && monthEnd <= to) {
      months.push(month);
      cursor = addDays(monthEnd, 1);
    } else {
      const end = monthEnd < to ? monthEnd : to;
      days.push({ from: cursor, to: end });
      cursor = addDays(end, 1);
    }
  }
  return { months, days };
}

/** The previous range of equal length that ends the day before `from` (for "improvement" comparisons). */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}
