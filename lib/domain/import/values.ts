import { tz, tzOffset } from "@date-fns/tz";
import { format as formatDate, parse } from "date-fns";

/**
 * Reading spreadsheet cells as canonical values (SPEC §3.3). Pure: the time zone and formats come in as arguments.
 *
 * A cell is the text of a CSV field, or, from an XLSX sheet, a date/time cell as its spreadsheet serial number
 * (days since 1899-12-30, the fraction being the time of day). A serial has no time zone: it is a wall-clock time,
 * and as a duration it is a fraction of a day.
 */
export type ImportCell = string | { serial: number } | null;

export const DURATION_FORMATS = ["seconds", "hms", "h.mm.ss", "dayfraction"] as const;
export type DurationFormat = (typeof DURATION_FORMATS)[number];

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

const MS_PER_DAY = 86_400_000;
/** Serial 25569 is 1970-01-01 in the 1900 date system (exceljs converts 1904 workbooks to the same scale). */
const SERIAL_UNIX_EPOCH = 25_569;

export function isBlank(cell: ImportCell | undefined): cell is null | undefined | "" {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Wall-clock time of a serial as "yyyy-MM-ddTHH:mm:ss", for showing it where text is expected. */
export function serialToText(serial: number): string {
  return new Date(serialToWallMs(serial)).toISOString().slice(0, 19);
}

function serialToWallMs(serial: number): number {
  return Math.round((serial - SERIAL_UNIX_EPOCH) * MS_PER_DAY);
}

export function cellText(cell: ImportCell): string {
  if (cell === null) return "";
  return typeof cell === "string" ? cell.trim() : serialToText(cell.serial);
}

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);

// ---------------------------------------------------------------------------------------------------------------------
// booleans and numbers

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

export function readBoolean(text: string): Read<boolean> {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail(`${quote(text)} is not a yes/no value (use yes/no, true/false, y/n or 1/0)`);
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function readNumber(text: string): Read<number> {
  const t = text.trim();
  if (!NUMBER.test(t)) {
    const hint = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) || /^[+-]?\d+,\d+$/.test(t) ? " (write it without thousands separators and with . for decimals)" : "";
    return fail(`${quote(text)} is not a number${hint}`);
  }
  const n = Number(t);
  return Number.isFinite(n) ? ok(n) : fail(`${quote(text)} is not a finite number`);
}

export function readInteger(text: string): Read<number> {
  const n = readNumber(text);
  if (!n.ok) return n;
  return Number.isInteger(n.value) ? n : fail(`${quote(text)} is not a whole number`);
}

// ---------------------------------------------------------------------------------------------------------------------
// durations

export const DURATION_EXAMPLES: Record<DurationFormat, string> = {
  seconds: "95",
  hms: "0:01:35",
  "h.mm.ss": "0.01.35",
  dayfraction: "0.0011",
};

const HMS = /^(\d+):([0-5]?\d):([0-5]?\d(?:\.\d+)?)$/;
const H_MM_SS = /^(\d+)\.([0-5]?\d)\.([0-5]?\d)$/;

/** Seconds, rounded to the millisecond: spreadsheet fractions of a day are never exact in binary. */
const seconds = (s: number) => Math.round(s * 1000) / 1000;

/**
 * A duration in seconds. Spreadsheet time cells (serials) are fractions of a day whatever the format: that is how
 * every spreadsheet stores "0:01:35". Negative values are refused by the canonical checks, not here.
 */
export function readDuration(cell: { serial: number } | string, format: DurationFormat): Read<number> {
  if (typeof cell !== "string") return ok(seconds(cell.serial * 86_400));
  const t = cell.trim();
  const negative = t.startsWith("-");
  const body = negative ? t.slice(1) : t;
  const sign = negative ? -1 : 1;
  switch (format) {
    case "seconds": {
      const n = readNumber(t);
      return n.ok ? ok(seconds(n.value)) : fail(`${quote(t)} is not a number of seconds`);
    }
    case "dayfraction": {
      const n = readNumber(t);
      return n.ok ? ok(seconds(n.value * 86_400)) : fail(`${quote(t)} is not a fraction of a day (e.g. 0.5 for 12 hours)`);
    }
    case "hms": {
      const m = HMS.exec(body);
      if (!m) return fail(`${quote(t)} is not a duration as h:mm:ss (e.g. 0:01:35)`);
      return ok(sign * seconds(Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])));
    }
    case "h.mm.ss": {
      const m = H_MM_SS.exec(body);
      if (!m) return fail(`${quote(t)} is not a duration as h.mm.ss (e.g. 0.01.35)`);
      return ok(sign * (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// date-times

/** Two-digit years (yy) land within 50 years of 2000; nothing else is taken from this date. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const TRAILING_OFFSET = /(Z|[+-](\d{2}):?(\d{2})?)$/i;

/** date-fns tokens outside quoted literals. */
const unquoted = (format: string) => format.replace(/'[^']*'/g, "");
const hasOffsetToken = (format: string) => /[Xx]/.test(unquoted(format));

/** Why a date format cannot be used, or null when it can. */
export function dateFormatProblem(format: string): string | null {
  const tokens = unquoted(format);
  // date-fns would only warn about these on the console: they are almost always meant as yyyy and dd
  if (/[YD]/.test(tokens)) return "uses YYYY or DD (week year, day of the year): write yyyy for the year and dd for the day";
  try {
    // formatting visits every token (parsing stops at the first mismatch): unknown letters throw here
    formatDate(REFERENCE, format, { in: tz("UTC") });
  } catch (err) {
    const reason = err instanceof Error ? err.message.split(";")[0]! : String(err);
    return `is not a valid date format: ${reason} (put literal text in single quotes)`;
  }
  if (!/y/.test(tokens)) return "must contain the year (yyyy, or yy for two digits)";
  if (!/[ML]/.test(tokens)) return "must contain the month (MM, M or MMM)";
  if (!/d/.test(tokens)) return "must contain the day of the month (dd or d)";
  return null;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a time zone ("asia/kuala_lumpur" → "Asia/Kuala_Lumpur"). */
export function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** An instant written as ISO-8601 with the given offset: 2026-10-31T23:30:00-04:00. */
export function isoWithOffset(instantMs: number, offsetMinutes: number): string {
  const wall = new Date(instantMs + offsetMinutes * 60_000);
  const ms = wall.getUTCMilliseconds();
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ""}` +
    `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

export type ZonedInstant = { ok: true; instant: number; offset: number } | { ok: false };

/**
 * The instant a wall-clock time (given as if it were UTC) denotes in a time zone. A time repeated when the clocks go
 * back is the first of the two (as Temporal's "compatible" does); a time skipped when they go forward never happened
 * there and has no instant.
 */
export function zonedInstant(wallMs: number, timeZone: string): ZonedInstant {
  const offsets = new Set([tzOffset(timeZone, new Date(wallMs - MS_PER_DAY)), tzOffset(timeZone, new Date(wallMs + MS_PER_DAY))]);
  const found: { instant: number; offset: number }[] = [];
  for (const offset of offsets) {
    const instant = wallMs - offset * 60_000;
    if (tzOffset(timeZone, new Date(instant)) === offset) found.push({ instant, offset });
  }
  found.sort((a, b) => a.instant - b.instant);
  const first = found[0];
  return first ? { ok: true, ...first } : { ok: false };
}

export type DateOptions = { dateFormat?: string; timeZone: string };

/**
 * An ISO-8601 timestamp with offset. Text that already is one keeps its offset; other text is read with the explicit
 * date format (month-first or day-first is the mapping's choice, never guessed) and placed in the time zone, unless
 * the format itself reads an offset. Spreadsheet date cells are wall-clock times in the time zone.
 */
export function readDateTime(cell: { serial: number } | string, options: DateOptions): Read<string> {
  if (typeof cell !== "string") return inZone(serialToWallMs(cell.serial), options.timeZone, serialToText(cell.serial));
  const t = cell.trim();
  if (ISO_WITH_OFFSET.test(t)) return ok(t.replace(" ", "T"));
  const format = options.dateFormat;
  if (!format) return fail(`${quote(t)} has no UTC offset: choose the date format of this column`);
  let parsed: Date;
  try {
    parsed = parse(t, format, REFERENCE, { in: tz("UTC") });
  } catch {
    return fail(`the date format ${format} cannot be used`);
  }
  if (Number.isNaN(parsed.getTime())) return fail(`${quote(t)} does not match the date format ${format}`);
  if (hasOffsetToken(format)) {
    const m = TRAILING_OFFSET.exec(t);
    const offset = !m || m[1]!.toUpperCase() === "Z" ? 0 : (m[1]!.startsWith("-") ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    return checkedYear(parsed.getTime(), t) ?? ok(isoWithOffset(parsed.getTime(), offset));
  }
  return inZone(parsed.getTime(), options.timeZone, t);
}

function checkedYear(ms: number, text: string): Read<never> | null {
  const year = new Date(ms).getUTCFullYear();
  if (year >= 1900 && year <= 2999) return null;
  return fail(`${quote(text)} gives the year ${year}: check the date format (yyyy for four-digit years, yy for two)`);
}

function inZone(wallMs: number, timeZone: string, text: string): Read<string> {
  const badYear = checkedYear(wallMs, text);
  if (badYear) return badYear;
  const zoned = zonedInstant(wallMs, timeZone);
  if (!zoned.ok) return fail(`${quote(text)} does not exist in ${timeZone}: the clocks were moved forward over it`);
  return ok(isoWithOffset(zoned.instant, zoned.offset));
}

/** The same format with day and month swapped (dd/MM/yyyy ↔ MM/dd/yyyy), or null when months are names. */
export function swappedFormat(format: string): string | null {
  let named = false;
  const swapped = format
    .split(/('[^']*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part // a quoted literal
        : part.replace(/M+|d+/g, (token) => {
            if (token.length > 2) named = true;
            return token.startsWith("M") ? "d".repeat(token.length) : "M".repeat(token.length);
          }),
    )
    .join("");
  return named || swapped === format ? null : swapped;
}

export type SwapHint = { checked: number; failing: number; swapped: string; failingSwapped: number };

/**
 * Month-first or day-first is never guessed, but a likely wrong choice is pointed out: when some of a column's text
 * values fail the chosen format and fewer fail with day and month swapped, the other order is offered. (Only days
 * above 12 tell the two apart; a file of early-month days reads either way.)
 */
export function swapHint(values: readonly string[], format: string, timeZone: string): SwapHint | null {
  const swapped = swappedFormat(format);
  if (!swapped) return null;
  const texts = values.map((v) => v.trim()).filter((v) => v !== "");
  const failures = (dateFormat: string) => texts.filter((v) => !readDateTime(v, { dateFormat, timeZone }).ok).length;
  const failing = failures(format);
  if (failing === 0) return null;
  const failingSwapped = failures(swapped);
  return failingSwapped < failing ? { checked: texts.length, failing, swapped, failingSwapped } : null;
}
