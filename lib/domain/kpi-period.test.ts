import { describe, expect, it } from "vitest";
import { presetRange, resolvePeriod } from "./kpi-period";

describe("KPI page periods", () => {
  const today = "2026-03-04"; // a Wednesday

  it("runs this week and this month up to today", () => {
    expect(presetRange("this_week", today)).toEqual({ from: "2026-03-02", to: "2026-03-04" });
    expect(presetRange("this_month", today)).toEqual({ from: "2026-03-01", to: "2026-03-04" });
  });

  it("gives last week and last month whole, across a year end and a leap February", () => {
    expect(presetRange("last_week", today)).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(presetRange("last_month", today)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetRange("last_month", "2028-03-31")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetRange("last_month", "2026-01-15")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetRange("last_week", "2026-01-01")).toEqual({ from: "2025-12-22", to: "2025-12-28" });
  });

  it("reads a custom range, and says so when it cannot", () => {
    expect(resolvePeriod({ period: "custom", from: "2026-01-10", to: "2026-02-10" }, today)).toEqual({ from: "2026-01-10", to: "2026-02-10", preset: "custom", invalid: false });
    expect(resolvePeriod({ from: "2026-01-10", to: "2026-02-10" }, today)).toMatchObject({ preset: "custom", invalid: false });
    expect(resolvePeriod({ period: "custom", from: "2026-02-10", to: "2026-01-10" }, today)).toEqual({ from: "2026-03-01", to: "2026-03-04", preset: "custom", invalid: true });
    expect(resolvePeriod({ period: "custom", from: "2026-02-30", to: "2026-03-01" }, today)).toMatchObject({ invalid: true });
  });

  it("defaults to this month for no or an unknown preset", () => {
    expect(resolvePeriod({}, today)).toEqual({ from: "2026-03-01", to: "2026-03-04", preset: "this_month", invalid: false });
    expect(resolvePeriod({ period: "fortnight" }, today)).toMatchObject({ preset: "this_month" });
  });
});
