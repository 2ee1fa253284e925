import { describe, expect, it } from "vitest";
import { formatDuration, formatKpiValue, kpiUnit, meetsTarget } from "./kpi-format";

describe("KPI formatting", () => {
  it("reads each kind in its unit", () => {
    expect(["csat", "aht", "tickets_solved", "nps", "qa_score", "metric:upsells"].map(kpiUnit)).toEqual(["percent", "duration", "count", "score", "number", "number"]);
  });

  it("formats durations as m:ss, with hours once there are any", () => {
    expect([0, 9, 75, 599.6, 3600, 3725].map(formatDuration)).toEqual(["0:00", "0:09", "1:15", "10:00", "1:00:00", "1:02:05"]);
  });

  it("formats per locale", () => {
    expect(formatKpiValue("csat", 87.456, "en")).toBe("87.5%");
    expect(formatKpiValue("nps", 12.34, "en")).toBe("+12.3");
    expect(formatKpiValue("nps", -5, "en")).toBe("-5");
    expect(formatKpiValue("tickets_solved", 1234, "en")).toBe("1,234");
    expect(formatKpiValue("qa_score", 81.257, "ms")).toBe("81.26");
  });

  it("judges a target in the KPI's direction", () => {
    expect(meetsTarget("csat", 86, 85)).toBe(true);
    expect(meetsTarget("aht", 310, 300)).toBe(false);
    expect(meetsTarget("aht", 290, 300)).toBe(true);
    expect(meetsTarget("csat", null, 85)).toBeNull();
    expect(meetsTarget("calls_offered", 5, 3)).toBeNull();
  });
});
