import { describe, expect, it } from "vitest";
import type { Translate } from "./campaign-format";
import { amountUnit, formatAssetDelta, formatLeaveHours, formatLineAmount, totalRows } from "./payout-format";
import { reasonText } from "./payout-view";

// Intl separates a currency code from the amount with a no-break space.
const plain = (text: string) => text.replace(/\u00a0/g, " ");

// A translator that shows the key and its values, so the tests read what the formatter asked for.
const t: Translate = (key, values) => {
  if (key === "units.points") return `${values?.count} points`;
  if (key === "units.hours") return `${values?.hours} h`;
  if (key === "units.minutes") return `${values?.count} min`;
  if (key === "units.days") return `${values?.count} d`;
  if (key === "units.badge") return `badge ${values?.badge}`;
  return values ? `${key} ${JSON.stringify(values)}` : key;
};

describe("payout amounts", () => {
  it("shows leave minutes as hours and minutes, signed", () => {
    expect(formatLeaveHours(480, t, "en")).toBe("8 h");
    expect(formatLeaveHours(510, t, "en")).toBe("8 h 30 min");
    expect(formatLeaveHours(-45, t, "en")).toBe("−45 min");
    expect(formatLeaveHours(0, t, "en")).toBe("0 min");
  });

  it("formats each award type in its unit", () => {
    expect(formatLineAmount({ awardType: "points", amount: 25, currency: null, label: null }, t, "en")).toBe("25 points");
    expect(plain(formatLineAmount({ awardType: "cash", amount: 5000, currency: "MYR", label: null }, t, "en"))).toBe("MYR 50.00");
    expect(formatLineAmount({ awardType: "badge", amount: -1, currency: null, label: "star" }, t, "en")).toBe("−badge star");
    expect(formatAssetDelta("points", 25, t, "en")).toBe("+25 points");
    expect(formatAssetDelta("leave_minutes", -60, t, "en")).toBe("−1 h");
  });

  it("names the unit a dispute correction is typed in", () => {
    expect(amountUnit({ awardType: "cash", currency: "EUR" })).toBe("minor");
    expect(amountUnit({ awardType: "leave", currency: null })).toBe("minutes");
  });

  it("totals a run per line type, award type and currency, leaving rejected lines out of the amount", () => {
    const rows = totalRows(
      [
        { lineType: "award", awardType: "points", currency: null, status: "approved", amount: 100, lines: 10 },
        { lineType: "award", awardType: "points", currency: null, status: "pending", amount: 30, lines: 3 },
        { lineType: "award", awardType: "points", currency: null, status: "rejected", amount: 20, lines: 2 },
        { lineType: "award", awardType: "cash", currency: "MYR", status: "approved", amount: 12345, lines: 1 },
      ],
      t,
      "en",
    );
    expect(rows.map((r) => ({ ...r, amount: plain(r.amount) }))).toEqual([
      { key: "award|points|", lineType: "award", awardType: "points", amount: "130 points", lines: 15, pending: 3, rejected: 2 },
      { key: "award|cash|MYR", lineType: "award", awardType: "cash", amount: "MYR 123.45", lines: 1, pending: 0, rejected: 0 },
    ]);
  });

  it("translates the reasons the operations write", () => {
    expect(reasonText("dispute accepted: two surveys missing", t)).toBe('reason.dispute {"comment":"two surveys missing"}');
    expect(reasonText("late events received after the period was closed", t)).toBe("reason.late");
    expect(reasonText(null, t)).toBeNull();
  });
});
