import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { byAgent, kv, run } from "@/lib/domain/campaigns/test-support";
import en from "@/messages/en/campaigns.json";
import kpisEn from "@/messages/en/kpis.json";
import ms from "@/messages/ms/campaigns.json";
import { diffDocuments } from "./campaign-diff";
import { explainResult, type ExplainDeps } from "./campaign-explain";
import { formatAwards, formatLeave, formatTotals } from "./campaign-format";
import { lastMonth, lastQuarter } from "./campaign-ranges";

function deps(locale: "en" | "ms" = "en"): ExplainDeps {
  const t = createTranslator({ locale, messages: { campaigns: locale === "en" ? en : ms }, namespace: "campaigns" });
  const names = kpisEn.names as Record<string, string>;
  return { t: (key, values) => t(key as never, values as never), locale, kpiName: (k) => names[k] ?? k };
}

/** Intl puts a no-break space between a currency code and its amount. */
const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("campaign amounts", () => {
  it("shows leave in 8-hour working days and hours", () => {
    const { t } = deps();
    expect([480, 720, 960, 90, 30, 0].map((m) => formatLeave(m, t, "en"))).toEqual(["1 day", "1 day 4 h", "2 days", "1.5 h", "30 min", "0 h"]);
    expect(formatLeave(720, deps("ms").t, "ms")).toBe("1 hari 4 jam");
  });

  it("formats awards and totals: points as integers, cash from minor units in its currency", () => {
    const { t } = deps();
    expect(plain(formatAwards([{ type: "points", amount: 1 }, { type: "cash", amountMinor: 5050, currency: "MYR" }], t, "en"))).toBe("1 point + MYR 50.50");
    expect(formatTotals({ points: 1200, leaveMinutes: 480, cash: { JPY: 500, MYR: 100000 } }, t, "en").map(plain)).toEqual(["1,200 points", "1 day of leave", "¥500", "MYR 1,000.00"]);
    expect(formatTotals({ points: 0, leaveMinutes: 0, cash: {} }, t, "en")).toEqual([]);
  });
});

describe("explanations in plain words", () => {
  const tiered = {
    kind: "tiered" as const,
    metric: "csat",
    op: "gte" as const,
    fairness: { minSamples: 20, method: "raw" as const },
    gates: [{ metric: "fcr_rate", op: "gte" as const, value: 70 }],
    tiers: [
      { value: 85, award: { type: "points" as const, amount: 50 } },
      { value: 90, award: { type: "points" as const, amount: 100 } },
    ],
  };
  const result = byAgent(
    run(tiered, {
      ana: { csat: kv(91, 40), fcr_rate: kv(75, 40) },
      ben: { csat: kv(88, 10), fcr_rate: kv(75, 10) },
      cy: { csat: kv(92, 40), fcr_rate: kv(60, 40) },
    }),
  );

  it("says what was read, which tier was reached and what it earns", () => {
    const lines = explainResult(result.ana!, deps()).map((l) => l.text);
    expect(lines).toContain("CSAT was 91% over 40 samples.");
    expect(lines).toContain("Gate passed: First-contact resolution ≥ 70% (was 75%, 40 samples).");
    expect(lines).toContain("Tier 2 reached: 91% ≥ 90%.");
    expect(lines.at(-1)).toBe("Earns 100 points.");
  });

  it("names the missing data and the failed gate", () => {
    const thin = explainResult(result.ben!, deps());
    expect(thin.find((l) => l.tone === "bad")?.text).toBe("Not enough data: 10 samples, the rule needs at least 20.");
    const gated = explainResult(result.cy!, deps()).map((l) => l.text);
    expect(gated).toContain("Gate failed: First-contact resolution ≥ 70% (was 60%, 40 samples).");
    expect(gated.at(-1)).toBe("Earns nothing this period.");
  });

  it("says what a cap took away", () => {
    const capped = byAgent(run({ ...tiered, gates: undefined }, { ana: { csat: kv(91, 40) } }, { capPerAgent: [{ type: "points", amount: 60 }] }));
    expect(explainResult(capped.ana!, deps()).map((l) => l.text)).toContain("Capped at 60 points per agent: 100 points became 60 points.");
  });

  it("reads in Malay", () => {
    expect(explainResult(result.ana!, deps("ms")).at(-1)?.text).toBe("Memperoleh 100 mata.");
  });
});

describe("version diff and replay ranges", () => {
  it("lists changed paths in the notation of validation errors", () => {
    const before = { name: "A", rule: { tiers: [{ value: 85 }, { value: 90 }] } };
    const after = { name: "A", rule: { tiers: [{ value: 85 }, { value: 92 }] }, approval: "hr" };
    expect(diffDocuments(before, after)).toEqual([
      { path: "rule.tiers[1].value", before: "90", after: "92" },
      { path: "approval", before: null, after: '"hr"' },
    ]);
  });

  it("offers last month and the last whole calendar quarter", () => {
    expect(lastMonth("2026-01-15")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(lastQuarter("2026-05-20")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(lastQuarter("2026-01-01")).toEqual({ from: "2025-10-01", to: "2025-12-31" });
  });
});
