import { describe, expect, it } from "vitest";
import { campaignDocumentSchema } from "@/lib/schemas/campaigns";
import { evaluate } from "./evaluate";
import { CAMPAIGN_TEMPLATES, templateDocument } from "./templates";
import { kv } from "./test-support";

describe("campaign templates", () => {
  it("have unique ids and valid documents that evaluate", () => {
    expect(new Set(CAMPAIGN_TEMPLATES.map((t) => t.id)).size).toBe(CAMPAIGN_TEMPLATES.length);
    for (const { id, document } of CAMPAIGN_TEMPLATES) {
      const parsed = campaignDocumentSchema.safeParse(document);
      expect(parsed.success, `${id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      const kpis = { a: { csat: kv(95, 40), aht: kv(250, 40), fcr_rate: kv(80, 40), tickets_solved: kv(30, 30) } };
      const subPeriods = [{ period: { from: "2026-03-01", to: "2026-03-01" }, kpis }];
      expect(() => evaluate({ document, period: { from: "2026-03-01", to: "2026-03-31" }, participants: [{ agent: "a", name: "A" }], kpis, subPeriods })).not.toThrow();
    }
  });

  it("sets the schedule on a copy, leaving the template alone", () => {
    const doc = templateDocument("csat-leave-day", { from: "2026-04-01", to: "2026-06-30" })!;
    expect(doc.schedule).toEqual({ period: "month", from: "2026-04-01", to: "2026-06-30" });
    expect(doc.rule).toMatchObject({ kind: "threshold", metric: "csat", op: "gte", target: 90, fairness: { minSamples: 20 }, award: { type: "leave", minutes: 480 } });
    expect(doc.approval).toBe("hr");
    doc.name = "changed";
    expect(CAMPAIGN_TEMPLATES[0]!.document.name).not.toBe("changed");
    expect(templateDocument("nope", { from: "2026-04-01", to: "2026-04-30" })).toBeNull();
  });
});
