import { tzOffset } from "@date-fns/tz";

/**
 * Instants as source systems send them: ISO-8601 with the organization's UTC offset ("2026-03-02T10:15:00+08:00").
 * Pure: the instant and the time zone come in as arguments.
 */

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

// Offsets change at most every quarter hour (DST switches happen on the hour or half hour): asking Intl once per
// quarter hour instead of once per event makes generating 90 days of demo events about twice as fast.
const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();
function offsetAt(timeZone: string, ms: number): number {
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = tzOffset(timeZone, new Date(Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR));
    offsets.set(key, offset);
  }
  return offset;
}

/** The instant `ms` as local wall time in `timeZone` with its offset, to the second. */
export function isoInZone(ms: number, timeZone: string): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const offset = offsetAt(timeZone, whole);
  return `${new Date(whole + offset * 60_000).toISOString().slice(0, 19)}${offsetText(offset)}`;
}

/**
 * The instant at `secondOfDay` seconds after local midnight of `day` ("YYYY-MM-DD") in `timeZone`. Around a DST change
 * the second guess of the offset settles it; a wall time inside a spring-forward gap lands just after the gap.
 */
export function zonedInstant(day: string, secondOfDay: number, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + secondOfDay * 1000;
  const first = wall - offsetAt(timeZone, wall) * 60_000;
  const second = wall - offsetAt(timeZone, first) * 60_000;
  return second;
}
