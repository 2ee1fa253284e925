import { addDays } from "./calendar";

/**
 * Buckets of a KPI trend: one per calendar day, or one per ISO week (Monday to Sunday). A week's KPI is computed from
 * the summed components of its days, never as an average of daily values (a day with 1 survey must not weigh as much
 * as a day with 100). Days are "YYYY-MM-DD" calendar dates in the organization's time zone.
 */
export const SERIES_BUCKETS = ["day", "week"] as const;
export type SeriesBucket = (typeof SERIES_BUCKETS)[number];

/** `key` names the bucket (the day, or the Monday of the week); `from`/`to` are its days inside the asked range. */
export type BucketRange = { key: string; from: string; to: string };

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const sunday0 = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

/** The Monday of the ISO week a day falls in. */
export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/**
 * The buckets covering an inclusive day range, in order. Weeks at either end are clipped to the range, so a bucket
 * never sums days outside it (and a partial first or last week says so through its from/to).
 */
export function seriesBuckets(from: string, to: string, bucket: SeriesBucket): BucketRange[] {
  const out: BucketRange[] = [];
  if (from > to) return out;
  if (bucket === "day") {
    for (let day = from; day <= to; day = addDays(day, 1)) out.push({ key: day, from: day, to: day });
    return out;
  }
  for (let monday = weekStart(from); monday <= to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    out.push({ key: monday, from: monday < from ? from : monday, to: sunday > to ? to : sunday });
  }
  return out;
}

/** Which bucket a day belongs to. */
export function bucketKeyOf(day: string, bucket: SeriesBucket): string {
  return bucket === "day" ? day : weekStart(day);
}
