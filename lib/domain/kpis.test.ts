import { describe, expect, it } from "vitest";
import { validateEvent, type CanonicalEvent } from "./events";
import { addComponents, componentsOf, emptyComponents } from "./kpi-components";
import { computeKpi, parseKpiKey } from "./kpis";

const at = "2026-03-02T10:00:00+08:00";
let seq = 0;
function ev(raw: Record<string, unknown>): CanonicalEvent {
  const r = validateEvent({ id: `e${seq++}`, occurredAt: at, ...raw });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.event;
}
function kpis(list: CanonicalEvent[], keys: string[]) {
  const c = emptyComponents();
  for (const e of list) addComponents(c, componentsOf(e, { serviceLevelSeconds: 20 }));
  return Object.fromEntries(keys.map((k) => [k, computeKpi(k, c, {})]));
}

describe("KPI formulas (SPEC §4), against hand-computed values", () => {
  const calls = [
    ev({ type: "call", answered: true, resolved: true, waitSeconds: 10, talkSeconds: 100, holdSeconds: 20, wrapSeconds: 30 }),
    ev({ type: "call", answered: true, resolved: false, waitSeconds: 30, talkSeconds: 200 }), // hold/wrap null → 0 in AHT
    ev({ type: "call", answered: true, resolved: null }), // no talk time: outside AHT; no wait: not within T
    ev({ type: "call", answered: false, waitSeconds: 50, firstContactResolved: false }),
  ];

  it("computes call KPIs with their own n", () => {
    const r = kpis(calls, ["calls_offered", "calls_answered", "answer_rate", "abandon_rate", "resolution_rate", "asa", "aht", "avg_hold", "service_level", "fcr_rate"]);
    expect(r.calls_offered).toEqual({ value: 4, n: 4 });
    expect(r.calls_answered).toEqual({ value: 3, n: 4 });
    expect(r.answer_rate).toEqual({ value: 75, n: 4 });
    expect(r.abandon_rate).toEqual({ value: 25, n: 4 });
    expect(r.resolution_rate).toEqual({ value: 50, n: 2 });
    expect(r.asa).toEqual({ value: 20, n: 2 }); // (10 + 30) / 2, the unanswered call's wait is not ASA
    expect(r.aht).toEqual({ value: 175, n: 2 }); // (150 + 200) / 2
    expect(r.avg_hold).toEqual({ value: 20, n: 1 });
    expect(r.service_level).toEqual({ value: 25, n: 4 }); // only the 10 s call is within 20 s
    expect(r.fcr_rate).toEqual({ value: 0, n: 1 });
  });

  it("returns null, never 0, when there is no sample", () => {
    const r = kpis([], ["csat", "aht", "calls_offered", "tickets_solved", "nps"]);
    for (const v of Object.values(r)) expect(v).toEqual({ value: null, n: 0 });
  });

  it("keeps NPS passives (7–8) in the denominator", () => {
    const scores = [10, 9, 8, 7, 6, 0];
    const r = kpis(scores.map((score) => ev({ type: "survey", survey: "nps", score })), ["nps"]);
    expect(r.nps!.n).toBe(6);
    expect(r.nps!.value).toBeCloseTo(((2 - 2) / 6) * 100, 10);
    const r2 = kpis([9, 9, 8].map((score) => ev({ type: "survey", survey: "nps", score })), ["nps"]);
    expect(r2.nps!.value).toBeCloseTo(66.6667, 3);
  });

  it("counts the top two points of the CSAT scale", () => {
    const r = kpis([5, 4, 3, 1].map((score) => ev({ type: "survey", survey: "csat", score })), ["csat", "csat_avg"]);
    expect(r.csat).toEqual({ value: 50, n: 4 });
    expect(r.csat_avg).toEqual({ value: 3.25, n: 4 });
  });

  it("computes ticket KPIs from timestamps with different offsets", () => {
    const t = ev({ type: "ticket", createdAt: "2026-03-02T10:00:00+08:00", firstReplyAt: "2026-03-02T02:30:00Z", solvedAt: "2026-03-02T04:00:00Z", replies: 3, reopens: 0, slaMet: true });
    const open = ev({ type: "ticket", createdAt: "2026-03-02T10:00:00+08:00", reopens: 2, slaMet: false });
    const r = kpis([t, open], ["tickets_solved", "frt", "resolution_time", "sla_rate", "reopen_rate", "replies_per_ticket"]);
    expect(r.tickets_solved).toEqual({ value: 1, n: 2 });
    expect(r.frt).toEqual({ value: 1800, n: 1 }); // 02:00Z → 02:30Z
    expect(r.resolution_time).toEqual({ value: 7200, n: 1 });
    expect(r.sla_rate).toEqual({ value: 50, n: 2 });
    expect(r.reopen_rate).toEqual({ value: 50, n: 2 });
    expect(r.replies_per_ticket).toEqual({ value: 3, n: 1 });
  });

  it("parses custom metric keys and refuses unknown ones", () => {
    expect(parseKpiKey("metric:upsells")).toEqual({ kind: "metric", metric: "upsells", aggregate: "sum" });
    expect(parseKpiKey("metric_avg:upsells")).toEqual({ kind: "metric", metric: "upsells", aggregate: "avg" });
    expect(parseKpiKey("happiness")).toBeNull();
    expect(computeKpi("metric_avg:upsells", emptyComponents(), { upsells: { sum: 9, n: 3 } })).toEqual({ value: 3, n: 3 });
  });

  it("leaves an answered call without talk time out of AHT and talk, but keeps its hold and wrap", () => {
    const r = kpis(
      [ev({ type: "call", answered: true, holdSeconds: 40, wrapSeconds: 10 }), ev({ type: "call", answered: true, talkSeconds: 90, wrapSeconds: 30 })],
      ["aht", "avg_talk", "avg_hold", "avg_wrap", "calls_answered"],
    );
    expect(r.aht).toEqual({ value: 120, n: 1 });
    expect(r.avg_talk).toEqual({ value: 90, n: 1 });
    expect(r.avg_hold).toEqual({ value: 40, n: 1 });
    expect(r.avg_wrap).toEqual({ value: 20, n: 2 });
    expect(r.calls_answered).toEqual({ value: 2, n: 2 });
  });

  it("counts a call waiting exactly T as within service level", () => {
    const r = kpis([ev({ type: "call", answered: true, waitSeconds: 20 }), ev({ type: "call", answered: true, waitSeconds: 21 })], ["service_level", "asa"]);
    expect(r.service_level).toEqual({ value: 50, n: 2 });
    expect(r.asa).toEqual({ value: 20.5, n: 2 });
  });

  it("uses each survey's own scale: top two points of a 1–10 CSAT, NPS rescaled to 0–10, CES and QA means", () => {
    const r = kpis(
      [
        ev({ type: "survey", survey: "csat", score: 9, scale: { min: 1, max: 10 } }),
        ev({ type: "survey", survey: "csat", score: 8, scale: { min: 1, max: 10 } }),
        ev({ type: "survey", survey: "nps", score: 5, scale: { min: 1, max: 5 } }), // 10 on 0–10: promoter
        ev({ type: "survey", survey: "nps", score: 4, scale: { min: 1, max: 5 } }), // 7.5: passive
        ev({ type: "survey", survey: "ces", score: 6 }),
        ev({ type: "survey", survey: "ces", score: 3 }),
        ev({ type: "qa_review", score: 88 }),
        ev({ type: "qa_review", score: 71 }),
      ],
      ["csat", "csat_avg", "nps", "ces_avg", "qa_score"],
    );
    expect(r.csat).toEqual({ value: 50, n: 2 });
    expect(r.csat_avg).toEqual({ value: 8.5, n: 2 });
    expect(r.nps).toEqual({ value: 50, n: 2 });
    expect(r.ces_avg).toEqual({ value: 4.5, n: 2 });
    expect(r.qa_score).toEqual({ value: 79.5, n: 2 });
  });

  it("counts FCR over calls and tickets that say, and a sum metric of zero events as null", () => {
    const r = kpis(
      [ev({ type: "call", answered: true, firstContactResolved: true }), ev({ type: "ticket", createdAt: at, firstContactResolved: false }), ev({ type: "ticket", createdAt: at })],
      ["fcr_rate", "tickets_solved"],
    );
    expect(r.fcr_rate).toEqual({ value: 50, n: 2 });
    expect(r.tickets_solved).toEqual({ value: 0, n: 2 }); // 0 solved of 2 tickets is a real 0
    expect(computeKpi("metric:upsells", emptyComponents(), {})).toEqual({ value: null, n: 0 });
  });
});

