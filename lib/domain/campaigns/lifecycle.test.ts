import { describe, expect, it } from "vitest";
import { campaignStatus, currentPeriod, periodPace, schedulePeriods } from "./lifecycle";

describe("campaign lifecycle", () => {
  const schedule = { period: "month" as const, from: "2026-01-01", to: "2026-03-31" };

  it("derives scheduled, active and ended from the schedule and today", () => {
    expect(campaignStatus("draft", schedule, "2026-02-01")).toBe("draft");
    expect(campaignStatus("launched", schedule, "2025-12-31")).toBe("scheduled");
    expect(campaignStatus("launched", schedule, "2026-01-01")).toBe("active");
    expect(campaignStatus("launched", schedule, "2026-03-31")).toBe("active");
    expect(campaignStatus("launched", schedule, "2026-04-01")).toBe("ended");
    expect(campaignStatus("archived", schedule, "2026-02-01")).toBe("archived");
  });

  it("recurs monthly, clipping the first and last month to the schedule", () => {
    expect(schedulePeriods({ period: "month", from: "2026-01-15", to: "2026-03-10" })).toEqual([
      { from: "2026-01-15", to: "2026-01-31" },
      { from: "2026-02-01", to: "2026-02-28" },
      { from: "2026-03-01", to: "2026-03-10" },
    ]);
  });

  it("recurs by calendar quarter and by Monday-to-Sunday week", () => {
    expect(schedulePeriods({ period: "quarter", from: "2026-02-01", to: "2026-12-31" })).toEqual([
      { from: "2026-02-01", to: "2026-03-31" },
      { from: "2026-04-01", to: "2026-06-30" },
      { from: "2026-07-01", to: "2026-09-30" },
      { from: "2026-10-01", to: "2026-12-31" },
    ]);
    expect(schedulePeriods({ period: "week", from: "2026-11-18", to: "2026-11-30" })).toEqual([
      { from: "2026-11-18", to: "2026-11-22" },
      { from: "2026-11-23", to: "2026-11-29" },
      { from: "2026-11-30", to: "2026-11-30" },
    ]);
  });

  it("treats a custom schedule as one period", () => {
    expect(schedulePeriods({ period: "custom", from: "2026-01-05", to: "2026-02-20" })).toEqual([{ from: "2026-01-05", to: "2026-02-20" }]);
  });

  it("shows the period containing today, else the first or the last", () => {
    expect(currentPeriod(schedule, "2026-02-14")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(currentPeriod(schedule, "2025-06-01")).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(currentPeriod(schedule, "2027-01-01")).toEqual({ from: "2026-03-01", to: "2026-03-31" });
  });

  it("counts today as elapsed when pacing a period", () => {
    expect(periodPace({ from: "2026-02-01", to: "2026-02-28" }, "2026-02-07")).toEqual({ elapsedDays: 7, totalDays: 28 });
    expect(periodPace({ from: "2026-02-01", to: "2026-02-28" }, "2026-01-07")).toEqual({ elapsedDays: 0, totalDays: 28 });
    expect(periodPace({ from: "2026-02-01", to: "2026-02-28" }, "2026-03-07")).toEqual({ elapsedDays: 28, totalDays: 28 });
  });
});
