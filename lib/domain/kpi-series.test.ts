import { describe, expect, it } from "vitest";
import { bucketKeyOf, isoWeekday, seriesBuckets, weekStart } from "./kpi-series";

describe("ISO weeks", () => {
  it("numbers weekdays from Monday 1 to Sunday 7", () => {
    expect(["2026-03-02", "2026-03-03", "2026-03-07", "2026-03-08"].map(isoWeekday)).toEqual([1, 2, 6, 7]);
  });

  it("starts a week on its Monday, across month and year ends and a leap day", () => {
    expect(weekStart("2026-03-08")).toBe("2026-03-02"); // Sunday → the Monday before
    expect(weekStart("2026-03-02")).toBe("2026-03-02");
    expect(weekStart("2026-01-01")).toBe("2025-12-29"); // Thursday of ISO week 1 of 2026
    expect(weekStart("2028-03-01")).toBe("2028-02-28"); // 2028-02-29 exists
    expect(bucketKeyOf("2026-03-05", "week")).toBe("2026-03-02");
    expect(bucketKeyOf("2026-03-05", "day")).toBe("2026-03-05");
  });
});

describe("seriesBuckets", () => {
  it("gives one bucket per day, inclusive", () => {
    expect(seriesBuckets("2026-02-27", "2026-03-02", "day").map((b) => b.key)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  it("clips the first and last week to the range", () => {
    expect(seriesBuckets("2025-12-31", "2026-01-13", "week")).toEqual([
      { key: "2025-12-29", from: "2025-12-31", to: "2026-01-04" },
      { key: "2026-01-05", from: "2026-01-05", to: "2026-01-11" },
      { key: "2026-01-12", from: "2026-01-12", to: "2026-01-13" },
    ]);
  });

  it("gives a single bucket for a one-day range and none for an inverted one", () => {
    expect(seriesBuckets("2026-03-04", "2026-03-04", "week")).toEqual([{ key: "2026-03-02", from: "2026-03-04", to: "2026-03-04" }]);
    expect(seriesBuckets("2026-03-05", "2026-03-04", "day")).toEqual([]);
  });
});
