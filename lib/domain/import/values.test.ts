import { describe, expect, it } from "vitest";
import { dateFormatProblem, readBoolean, readDateTime, readDuration, readNumber, swapHint, swappedFormat, zonedInstant, type DurationFormat } from "./values";

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => (r.ok ? r.value : `error: ${r.message}`);
/** Excel's serial for a UTC wall-clock time. */
const serial = (iso: string) => Date.parse(`${iso}Z`) / 86_400_000 + 25_569;

describe("readDateTime", () => {
  const kl = { timeZone: "Asia/Kuala_Lumpur" };

  it("reads month-first and day-first only as the format says", () => {
    expect(value(readDateTime("10/31/2026 23:30", { ...kl, dateFormat: "MM/dd/yyyy HH:mm" }))).toBe("2026-10-31T23:30:00+08:00");
    expect(value(readDateTime("31/10/2026 23:30", { ...kl, dateFormat: "dd/MM/yyyy HH:mm" }))).toBe("2026-10-31T23:30:00+08:00");
    // the same text means two different days under the two formats: the mapping decides, nothing is guessed
    expect(value(readDateTime("04/05/2026 08:00", { ...kl, dateFormat: "MM/dd/yyyy HH:mm" }))).toBe("2026-04-05T08:00:00+08:00");
    expect(value(readDateTime("04/05/2026 08:00", { ...kl, dateFormat: "dd/MM/yyyy HH:mm" }))).toBe("2026-05-04T08:00:00+08:00");
    expect(value(readDateTime("31/10/2026 23:30", { ...kl, dateFormat: "MM/dd/yyyy HH:mm" }))).toBe(
      'error: "31/10/2026 23:30" does not match the date format MM/dd/yyyy HH:mm',
    );
  });

  it("keeps the offset of values that carry one, whatever the time zone", () => {
    expect(value(readDateTime("2026-10-31T23:30:00+08:00", { timeZone: "America/New_York", dateFormat: "MM/dd/yyyy" }))).toBe("2026-10-31T23:30:00+08:00");
    expect(value(readDateTime("2026-10-31 23:30:00Z", { timeZone: "Asia/Tokyo" }))).toBe("2026-10-31T23:30:00Z");
    expect(value(readDateTime("31.10.2026 23:30 -0300", { timeZone: "Asia/Tokyo", dateFormat: "dd.MM.yyyy HH:mm xx" }))).toBe("2026-10-31T23:30:00-03:00");
  });

  it("refuses a time without an offset when no date format is chosen", () => {
    expect(value(readDateTime("2026-10-31 23:30", kl))).toBe('error: "2026-10-31 23:30" has no UTC offset: choose the date format of this column');
  });

  it("places local times in the time zone with the offset in force that day (DST)", () => {
    const ny = { timeZone: "America/New_York", dateFormat: "yyyy-MM-dd HH:mm" };
    expect(value(readDateTime("2026-07-01 12:00", ny))).toBe("2026-07-01T12:00:00-04:00");
    expect(value(readDateTime("2026-12-01 12:00", ny))).toBe("2026-12-01T12:00:00-05:00");
    // 2026-11-01 01:30 happens twice in New York: the first one (still daylight time) is taken
    expect(value(readDateTime("2026-11-01 01:30", ny))).toBe("2026-11-01T01:30:00-04:00");
    // 2026-03-08 02:30 never happens there
    expect(value(readDateTime("2026-03-08 02:30", ny))).toBe('error: "2026-03-08 02:30" does not exist in America/New_York: the clocks were moved forward over it');
  });

  it("reads spreadsheet date cells as wall-clock times in the time zone", () => {
    expect(value(readDateTime({ serial: serial("2026-10-31T23:30:00") }, kl))).toBe("2026-10-31T23:30:00+08:00");
    expect(value(readDateTime({ serial: serial("2026-07-01T09:15:00") }, { timeZone: "Europe/London" }))).toBe("2026-07-01T09:15:00+01:00");
  });

  it("refuses a four-digit-year format given a two-digit year, and reads yy within 50 years of 2000", () => {
    expect(value(readDateTime("10/31/26 23:30", { ...kl, dateFormat: "MM/dd/yyyy HH:mm" }))).toMatch(/gives the year 26: check the date format/);
    expect(value(readDateTime("10/31/26 23:30", { ...kl, dateFormat: "MM/dd/yy HH:mm" }))).toBe("2026-10-31T23:30:00+08:00");
  });

  it("reads 12-hour clocks and seconds", () => {
    expect(value(readDateTime("10/31/2026 11:30:15 PM", { ...kl, dateFormat: "MM/dd/yyyy hh:mm:ss a" }))).toBe("2026-10-31T23:30:15+08:00");
  });
});

describe("dateFormatProblem", () => {
  it.each([
    ["MM/dd/yyyy HH:mm", null],
    ["dd.MM.yy", null],
    ["HH:mm", "must contain the year (yyyy, or yy for two digits)"],
    ["yyyy-dd", "must contain the month (MM, M or MMM)"],
    ["yyyy-MM", "must contain the day of the month (dd or d)"],
  ])("%s → %s", (format, problem) => {
    expect(dateFormatProblem(format)).toBe(problem);
  });

  it("explains week-year tokens and stray letters", () => {
    expect(dateFormatProblem("MM/DD/YYYY")).toBe("uses YYYY or DD (week year, day of the year): write yyyy for the year and dd for the day");
    expect(dateFormatProblem("yyyy-MM-dd j")).toBe(
      "is not a valid date format: Format string contains an unescaped latin alphabet character `j` (put literal text in single quotes)",
    );
    expect(dateFormatProblem("yyyy-MM-dd 'at' HH:mm")).toBeNull();
  });
});

describe("readDuration", () => {
  it.each<[string | { serial: number }, DurationFormat, number | string]>([
    ["95", "seconds", 95],
    ["95.5", "seconds", 95.5],
    ["0:01:35", "hms", 95],
    ["1:02:03", "hms", 3723],
    ["26:00:00", "hms", 93_600],
    ["0.01.35", "h.mm.ss", 95],
    ["1.02.03", "h.mm.ss", 3723],
    ["0.5", "dayfraction", 43_200],
    ["0.25", "dayfraction", 21_600],
    [{ serial: 95 / 86_400 }, "hms", 95],
    [{ serial: 0.5 }, "seconds", 43_200],
    ["-0:00:05", "hms", -5],
    ["1:35", "hms", 'error: "1:35" is not a duration as h:mm:ss (e.g. 0:01:35)'],
    ["0:01:35", "seconds", 'error: "0:01:35" is not a number of seconds'],
    ["1.5", "h.mm.ss", 'error: "1.5" is not a duration as h.mm.ss (e.g. 0.01.35)'],
    ["half", "dayfraction", 'error: "half" is not a fraction of a day (e.g. 0.5 for 12 hours)'],
  ])("%o as %s → %o", (cell, format, expected) => {
    expect(value(readDuration(cell, format))).toBe(expected);
  });
});

describe("readBoolean and readNumber", () => {
  it.each([
    ["yes", true],
    ["Y", true],
    ["TRUE", true],
    ["1", true],
    ["no", false],
    ["n", false],
    ["False", false],
    ["0", false],
  ])("reads %s as %s", (text, expected) => {
    expect(value(readBoolean(text))).toBe(expected);
  });

  it("explains what it could not read", () => {
    expect(value(readBoolean("maybe"))).toBe('error: "maybe" is not a yes/no value (use yes/no, true/false, y/n or 1/0)');
    expect(value(readNumber("1,234.5"))).toBe('error: "1,234.5" is not a number (write it without thousands separators and with . for decimals)');
    expect(value(readNumber("4,5"))).toMatch(/without thousands separators/);
    expect(value(readNumber("abc"))).toBe('error: "abc" is not a number');
    expect(value(readNumber(" -2.5e1 "))).toBe(-25);
  });
});

describe("zonedInstant", () => {
  it("finds the instant of a wall-clock time, the first of two in a repeated hour, none in a skipped one", () => {
    const wall = (iso: string) => Date.parse(`${iso}Z`);
    expect(zonedInstant(wall("2026-10-25T01:30:00"), "Europe/Berlin")).toEqual({ ok: true, instant: Date.parse("2026-10-25T01:30:00+02:00"), offset: 120 });
    expect(zonedInstant(wall("2026-10-25T02:30:00"), "Europe/Berlin")).toEqual({ ok: true, instant: Date.parse("2026-10-25T02:30:00+02:00"), offset: 120 });
    expect(zonedInstant(wall("2026-03-29T02:30:00"), "Europe/Berlin")).toEqual({ ok: false });
    expect(zonedInstant(wall("2026-03-29T03:30:00"), "Europe/Berlin")).toEqual({ ok: true, instant: Date.parse("2026-03-29T03:30:00+02:00"), offset: 120 });
    expect(zonedInstant(wall("2026-06-01T12:00:00"), "Asia/Kathmandu")).toEqual({ ok: true, instant: Date.parse("2026-06-01T12:00:00+05:45"), offset: 345 });
  });
});

describe("swapHint", () => {
  it("swaps numeric day and month tokens, never names or quoted text", () => {
    expect(swappedFormat("MM/dd/yyyy HH:mm")).toBe("dd/MM/yyyy HH:mm");
    expect(swappedFormat("d.M.yy 'dd'")).toBe("M.d.yy 'dd'");
    expect(swappedFormat("dd MMM yyyy")).toBeNull();
  });

  it("points out day-first values read with a month-first format, and stays quiet when the other order is no better", () => {
    const dayFirst = ["31/10/2026 23:30", "01/11/2026 08:00", "13/11/2026 09:00", "soon"];
    expect(swapHint(dayFirst, "MM/dd/yyyy HH:mm", "UTC")).toEqual({ checked: 4, failing: 3, swapped: "dd/MM/yyyy HH:mm", failingSwapped: 1 });
    expect(swapHint(dayFirst, "dd/MM/yyyy HH:mm", "UTC")).toBeNull();
    expect(swapHint(["01/11/2026 08:00", "02/11/2026 08:00"], "MM/dd/yyyy HH:mm", "UTC")).toBeNull();
    expect(swapHint(["10/31/2026 23:30", "13/01/2026 08:00"], "MM/dd/yyyy HH:mm", "UTC")).toBeNull(); // one bad row either way
  });
});
