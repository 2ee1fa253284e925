import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDay } from "./calendar";

const ZONES = ["Asia/Kuala_Lumpur", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/St_Johns", "UTC"];

describe("localDay", () => {
  it("gives the same day as formatting each instant directly, in every kind of time zone (fast-check)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.parse("2000-01-01T00:00:00Z"), max: Date.parse("2040-01-01T00:00:00Z") }), (zone, ms) => {
        const direct = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(ms);
        expect(localDay(ms, zone)).toBe(direct);
      }),
      { numRuns: 5_000 },
    );
  });

  it("puts the last second before local midnight and midnight itself on different days around DST changes", () => {
    // New York's DST starts 2026-03-08 at 02:00 local; Lord Howe shifts by 30 minutes on 2026-04-05.
    expect(localDay("2026-03-08T23:59:59-04:00", "America/New_York")).toBe("2026-03-08");
    expect(localDay("2026-03-09T00:00:00-04:00", "America/New_York")).toBe("2026-03-09");
    expect(localDay("2026-04-05T23:59:59+10:30", "Australia/Lord_Howe")).toBe("2026-04-05");
    expect(localDay("2026-04-06T00:00:00+10:30", "Australia/Lord_Howe")).toBe("2026-04-06");
  });
});
