import { describe, expect, it } from "vitest";
import type { ParticipantResult } from "../campaigns/evaluation";
import { EXPORT_COLUMNS, exportRow, exportTotals, neutralize, type ExportLine } from "./export";
import { amountOf, assetOf, balances, checkAmount } from "./ledger";
import { adjustmentDrafts, awardLines, type LineDraft } from "./lines";
import { nextPayPeriod } from "./pay-periods";
import { nextRunState } from "./payout-states";

const result = (agent: string, awards: ParticipantResult["awards"]): ParticipantResult =>
  ({ agent, name: agent, value: 1, n: 1, rank: null, awards, status: awards.length ? "awarded" : "not_reached", explanation: { kind: "threshold" } }) as unknown as ParticipantResult;

describe("ledger arithmetic", () => {
  it("maps awards to assets and integer amounts", () => {
    expect(assetOf({ type: "points" })).toBe("points");
    expect(assetOf({ type: "leave" })).toBe("leave_minutes");
    expect(assetOf({ type: "cash", currency: "EUR" })).toBe("cash:EUR");
    expect(assetOf({ type: "badge" })).toBeNull();
    expect(amountOf({ type: "cash", amountMinor: 2500, currency: "EUR" })).toBe(2500);
    expect(amountOf({ type: "leave", minutes: 480 })).toBe(480);
    expect(amountOf({ type: "badge", badge: "Star" })).toBe(1);
  });

  it("sums balances per agent and asset, and refuses amounts that are not whole or zero", () => {
    const b = balances([
      { agentId: "a", asset: "points", amount: 100 },
      { agentId: "a", asset: "points", amount: -30 },
      { agentId: "b", asset: "cash:EUR", amount: 500 },
    ]);
    expect(b.get("a")?.get("points")).toBe(70);
    expect(b.get("b")?.get("cash:EUR")).toBe(500);
    expect(checkAmount(1.5)).toMatch(/whole/);
    expect(checkAmount(0)).toMatch(/zero/);
    expect(checkAmount(-7)).toBeNull();
  });
});

describe("payout lines", () => {
  it("makes one line per agent × type × currency, adding two awards of the same type, in a stable order", () => {
    const lines = awardLines([
      result("b", [{ type: "points", amount: 10 }]),
      result("a", [
        { type: "points", amount: 100 },
        { type: "points", amount: 50 },
        { type: "cash", amountMinor: 2500, currency: "MYR" },
        { type: "badge", badge: "Star" },
      ]),
      result("c", []),
    ]);
    expect(lines.map((l) => [l.agent, l.awardType, l.amount, l.currency, l.label])).toEqual([
      ["a", "badge", 1, null, "Star"],
      ["a", "cash", 2500, "MYR", null],
      ["a", "points", 150, null, null],
      ["b", "points", 10, null, null],
    ]);
  });

  it("adjusts by the difference between a re-evaluation and what was paid, both ways", () => {
    const draft = (agent: string, amount: number, awardType: LineDraft["awardType"] = "points"): LineDraft => ({ agent, awardType, amount, currency: null, label: null, explanation: null });
    const paid = [
      { agent: "a", awardType: "points" as const, currency: null, label: null, amount: 100 },
      { agent: "b", awardType: "points" as const, currency: null, label: null, amount: 10 },
      { agent: "b", awardType: "points" as const, currency: null, label: null, amount: 90 }, // an earlier adjustment
      { agent: "c", awardType: "points" as const, currency: null, label: null, amount: 10 },
    ];
    const adjustments = adjustmentDrafts([draft("a", 100), draft("b", 150), draft("d", 5)], paid);
    expect(adjustments.map((l) => [l.agent, l.amount])).toEqual([
      ["b", 50],
      ["c", -10], // no longer earned
      ["d", 5], // newly earned
    ]);
    expect(adjustmentDrafts([draft("a", 100)], [paid[0]!])).toEqual([]);
  });
});

describe("payout run states", () => {
  it("moves draft → in_review → approved → exported → paid, and refuses every other move with a reason", () => {
    expect(nextRunState("draft", "submit")).toEqual({ to: "in_review" });
    expect(nextRunState("in_review", "approve")).toEqual({ to: "approved" });
    expect(nextRunState("approved", "export")).toEqual({ to: "exported" });
    expect(nextRunState("exported", "export")).toEqual({ to: "exported" });
    expect(nextRunState("paid", "export")).toEqual({ to: "paid" });
    expect(nextRunState("exported", "pay")).toEqual({ to: "paid" });
    expect(nextRunState("in_review", "reopen")).toEqual({ to: "draft" });
    expect(nextRunState("draft", "approve")).toEqual({ error: "This run is draft: only a run in review can be approved" });
    expect(nextRunState("draft", "export")).toEqual({ error: "This run is draft: only an approved run can be exported" });
    expect(nextRunState("approved", "pay")).toMatchObject({ error: expect.stringMatching(/only an exported run/) });
  });
});

describe("exports", () => {
  const line: ExportLine = {
    id: "l1",
    periodFrom: "2026-01-01",
    periodTo: "2026-01-31",
    lineType: "adjustment",
    employeeId: "+601",
    agentEmail: "a@x.test",
    agentName: "@Ana",
    teams: ["Retention", "Billing"],
    campaignName: "=cmd|' /C calc'!A0",
    awardType: "cash",
    amount: -500,
    currency: "EUR",
    label: null,
    campaignVersion: 2,
  };

  it("writes the contract columns: cash as amount_minor + currency, points and leave as quantity + unit", () => {
    const row = exportRow(line);
    expect(row).toHaveLength(EXPORT_COLUMNS.length);
    const at = (c: (typeof EXPORT_COLUMNS)[number]) => row[EXPORT_COLUMNS.indexOf(c)];
    expect([at("quantity"), at("unit"), at("amount_minor"), at("currency"), at("rule_version"), at("award_id")]).toEqual([null, null, -500, "EUR", 2, "l1"]);
    expect(at("team")).toBe("Billing; Retention");
    const leave = exportRow({ ...line, awardType: "leave", amount: 480, currency: null });
    expect([leave[EXPORT_COLUMNS.indexOf("quantity")], leave[EXPORT_COLUMNS.indexOf("unit")]]).toEqual([480, "minutes"]);
  });

  it("keeps award_type one of the award types; what a badge or reward is goes in award_label (neutralized)", () => {
    expect(EXPORT_COLUMNS.slice(0, 15).join(",")).toBe("period_start,period_end,line_type,employee_id,agent_email,agent_name,team,campaign,award_type,quantity,unit,amount_minor,currency,rule_version,award_id");
    const badge = exportRow({ ...line, awardType: "badge", amount: 1, currency: null, label: "=Employee of the month" });
    const at = (c: (typeof EXPORT_COLUMNS)[number]) => badge[EXPORT_COLUMNS.indexOf(c)];
    expect([at("award_type"), at("quantity"), at("unit"), at("award_label")]).toEqual(["badge", 1, "badge", "'=Employee of the month"]);
    expect(exportRow(line)[EXPORT_COLUMNS.indexOf("award_label")]).toBe("");
  });

  it("neutralizes text cells starting with = + - @ tab or CR, never numbers", () => {
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutralize(bad)).toBe(`'${bad}`);
    expect(neutralize("Ana")).toBe("Ana");
    const row = exportRow(line);
    expect(row[EXPORT_COLUMNS.indexOf("agent_name")]).toBe("'@Ana");
    expect(row[EXPORT_COLUMNS.indexOf("campaign")]).toBe("'=cmd|' /C calc'!A0");
    expect(row[EXPORT_COLUMNS.indexOf("employee_id")]).toBe("'+601");
    expect(row[EXPORT_COLUMNS.indexOf("amount_minor")]).toBe(-500);
  });

  it("totals exported lines per asset", () => {
    expect(exportTotals([line, { ...line, amount: 800 }, { awardType: "points", amount: 5, currency: null }, { awardType: "badge", amount: 1, currency: null }])).toEqual({ "cash:EUR": 300, points: 5 });
  });
});

describe("pay periods", () => {
  it("suggests the period after the last closed one, or the last one that has fully ended", () => {
    expect(nextPayPeriod("month", "2026-01-31", "2026-03-10")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(nextPayPeriod("month", null, "2026-03-10")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(nextPayPeriod("quarter", null, "2026-05-02")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(nextPayPeriod("week", null, "2026-03-11")).toEqual({ from: "2026-03-02", to: "2026-03-08" });
    // a close that ended mid-month: the rest of that month comes next
    expect(nextPayPeriod("month", "2026-02-15", "2026-04-01")).toEqual({ from: "2026-02-16", to: "2026-02-28" });
  });
});
