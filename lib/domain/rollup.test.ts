import { describe, expect, it } from "vitest";
import { validateEvent, type CanonicalEvent } from "./events";
import { componentsUsedBy } from "./kpis";
import { pendingDelta, rollupDeltas } from "./rollup";

let seq = 0;
const ev = (raw: Record<string, unknown>): CanonicalEvent => {
  const r = validateEvent({ id: `r${seq++}`, ...raw });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.event;
};
const settings = { timeZone: "Asia/Kuala_Lumpur", serviceLevelSeconds: 20 };

describe("rollupDeltas", () => {
  it("puts events on the day and month of the organization's time zone, whatever offset they were sent with", () => {
    const d = rollupDeltas(
      [
        ev({ type: "qa_review", agent: "a", occurredAt: "2026-10-31T23:59:59+08:00", score: 50 }),
        ev({ type: "qa_review", agent: "a", occurredAt: "2026-10-31T16:00:00Z", score: 70 }), // 00:00 on Nov 1 in KL
        ev({ type: "qa_review", agent: "a", occurredAt: "2026-10-31T11:30:00-05:00", score: 90 }), // 00:30 on Nov 1 in KL
      ],
      settings,
    );
    expect(d.daily.map((r) => [r.period, r.components.qa_n, r.components.qa_sum])).toEqual([
      ["2026-10-31", 1, 50],
      ["2026-11-01", 2, 160],
    ]);
    expect(d.monthly.map((r) => [r.period, r.components.qa_n])).toEqual([
      ["2026-10-01", 1],
      ["2026-11-01", 2],
    ]);
  });

  it("keys rows by identity and queue, '' standing for none, in a stable order", () => {
    const at = "2026-03-02T10:00:00+08:00";
    const d = rollupDeltas(
      [
        ev({ type: "call", agent: "b", queue: "x", occurredAt: at, answered: false }),
        ev({ type: "call", agent: null, queue: null, occurredAt: at, answered: false }),
        ev({ type: "call", agent: "a", queue: "x", occurredAt: at, answered: true }),
        ev({ type: "call", agent: "a", queue: "x", occurredAt: at, answered: true }),
      ],
      settings,
    );
    // rows are sparse: a component no event touched is absent (0)
    expect(d.daily.map((r) => [r.agentRef, r.queue, r.components.calls_offered ?? 0, r.components.calls_answered ?? 0])).toEqual([
      ["", "", 1, 0],
      ["a", "x", 2, 2],
      ["b", "x", 1, 0],
    ]);
  });

  it("sums custom metrics apart from the components", () => {
    const at = "2026-03-02T10:00:00+08:00";
    const d = rollupDeltas(
      [ev({ type: "metric", agent: "a", occurredAt: at, metric: "upsells", value: 2 }), ev({ type: "metric", agent: "a", occurredAt: at, metric: "upsells", value: 3.5 })],
      settings,
    );
    expect(d.daily).toEqual([]);
    expect(d.metricDaily).toEqual([{ period: "2026-03-02", agentRef: "a", queue: "", metric: "upsells", sum: 5.5, n: 2 }]);
    expect(d.metricMonthly).toEqual([{ period: "2026-03-01", agentRef: "a", queue: "", metric: "upsells", sum: 5.5, n: 2 }]);
  });
});

describe("pendingDelta", () => {
  it("queues a batch's daily components compactly (the database folds them: see foldPendingRollups)", () => {
    const a = [
      ev({ type: "call", agent: "a", queue: "x", occurredAt: "2026-10-31T23:00:00+08:00", answered: true, waitSeconds: 5, talkSeconds: 60 }),
      ev({ type: "metric", agent: "a", occurredAt: "2026-10-31T23:00:00+08:00", metric: "upsells", value: 2 }),
    ];
    const b = [
      ev({ type: "call", agent: "a", queue: "x", occurredAt: "2026-10-31T23:30:00+08:00", answered: false }),
      ev({ type: "survey", agent: "b", occurredAt: "2026-11-01T09:00:00+08:00", survey: "csat", score: 4 }),
      ev({ type: "metric", agent: "a", occurredAt: "2026-11-01T09:00:00+08:00", metric: "upsells", value: 3 }),
    ];
    const queued = [pendingDelta(a, settings), pendingDelta(b, settings)];
    // only non-zero components travel in the queue
    expect(queued[0]!.d).toEqual([["2026-10-31", "a", "x", { calls_offered: 1, calls_answered: 1, wait_sum: 5, wait_n: 1, sl_within: 1, handle_sum: 60, handle_n: 1, talk_sum: 60, talk_n: 1 }]]);
    expect(queued[0]!.m).toEqual([["2026-10-31", "a", "", "upsells", 2, 1]]);
    expect(queued[1]!.d.map(([day, agent]) => [day, agent])).toEqual([
      ["2026-10-31", "a"],
      ["2026-11-01", "b"],
    ]);
  });
});

describe("componentsUsedBy", () => {
  it("names the components a KPI's formula reads", () => {
    expect(componentsUsedBy("aht")).toEqual(["handle_sum", "handle_n"]);
    expect(componentsUsedBy("service_level")).toEqual(["calls_offered", "sl_within"]);
    expect(componentsUsedBy("nps")).toEqual(["nps_n", "nps_promoters", "nps_detractors"]);
  });
});
