/**
 * The operations behind the KPI pages: trends per day and per ISO week (equal to getKpis over the same days), KPI
 * settings (validation, audit) and rebuilding the rollups when T or the time zone changes.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { addDays } from "@/lib/domain/calendar";
import { ValidationError } from "@/lib/errors";
import { getKpiSeries } from "@/lib/server/get-kpi-series";
import { getKpiSettings } from "@/lib/server/get-kpi-settings";
import { getKpis } from "@/lib/server/get-kpis";
import { getMyKpis } from "@/lib/server/get-my-kpis";
import { rebuildKpiRollups } from "@/lib/server/rebuild-kpi-rollups";
import { ingestEvents } from "@/lib/server/ingest-events";
import { updateKpiSettings } from "@/lib/server/update-kpi-settings";
import { updateOrganization } from "@/lib/server/update-organization";
import { auditOf } from "../helpers/audit";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

let database: TestDatabase;
let db: Db;
let a: TestOrg;
let seq = 0;
const id = (p: string) => `${p}-${(seq++).toString(36)}`;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  a = await makeOrg(db, "KPI pages");
});
afterAll(async () => {
  await database?.close();
});

const ingest = (org: TestOrg, list: unknown[]) => ingestEvents({ db, actor: system }, list, { source: "test", orgId: org.org.id });
const METRICS = "calls_offered,answer_rate,service_level,aht,csat,csat_avg,nps,qa_score,tickets_solved,frt,metric:upsells,metric_avg:upsells";

/**
 * A varied, deterministic stream over 2026-01-20 … 2026-02-20 (KL time) for both agents, one unattributed event a day,
 * and a few events in another organization that must never count.
 */
function stream(agents: string[], from = "2026-01-20", days = 32) {
  const out: Record<string, unknown>[] = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(from, d);
    for (const [i, agent] of agents.entries()) {
      for (let k = 0; k < ((d + i) % 4) + 1; k++) {
        const at = `${day}T${String(8 + k).padStart(2, "0")}:15:00+08:00`;
        const r = (d * 7 + k * 3 + i) % 11;
        out.push({ id: id("c"), type: "call", agent, queue: "billing", occurredAt: at, answered: r !== 0, waitSeconds: r * 4, talkSeconds: 100 + r * 13, holdSeconds: r % 3 ? 20 : null });
        if (r % 2) out.push({ id: id("s"), type: "survey", agent, occurredAt: at, survey: "csat", score: (r % 5) + 1 });
        if (r % 3 === 0) out.push({ id: id("n"), type: "survey", agent, occurredAt: at, survey: "nps", score: r % 11 });
        if (k === 0) out.push({ id: id("q"), type: "qa_review", agent, occurredAt: at, score: 60 + r * 3 });
        if (r % 4 === 1) {
          out.push({ id: id("t"), type: "ticket", agent, occurredAt: at, createdAt: at, firstReplyAt: `${day}T${String(9 + k).padStart(2, "0")}:00:00+08:00`, solvedAt: r > 4 ? at : null });
        }
        if (r === 5) out.push({ id: id("m"), type: "metric", agent, occurredAt: at, metric: "upsells", value: k + 1 });
      }
    }
    out.push({ id: id("u"), type: "call", agent: null, queue: "billing", occurredAt: `${day}T23:59:00+08:00`, answered: false });
  }
  return out;
}

describe("getKpiSeries", () => {
  let agentA: string;
  beforeAll(async () => {
    agentA = a.users.agent.externalId!;
    const res = await ingest(a, stream([agentA, a.users.agentB.externalId!]));
    expect(res.rejected).toEqual([]);
    const other = await makeOrg(db, "KPI pages other");
    await ingest(other, stream([other.users.agent.externalId!, agentA], "2026-01-25", 3)); // agentA's id in another org
  });

  const admin = () => ({ db, actor: a.actors.admin });
  const scopes = () => [
    { name: "agent", scope: { agent: a.users.agent.externalId! }, kpis: { groupBy: "agent" as const, agent: a.users.agent.externalId! } },
    { name: "team", scope: { team: a.teamB.id }, kpis: { groupBy: "team" as const, team: a.teamB.id } },
    { name: "org", scope: {}, kpis: { groupBy: "org" as const } },
  ];

  it.each(["agent", "team", "org"])("gives per-day values equal to getKpis for each single day (%s)", async (name) => {
    const s = scopes().find((x) => x.name === name)!;
    const series = await getKpiSeries(admin(), { from: "2026-01-28", to: "2026-02-03", metrics: METRICS, bucket: "day", ...s.scope });
    expect(series.points.map((p) => p.key)).toEqual(["2026-01-28", "2026-01-29", "2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02", "2026-02-03"]);
    for (const point of series.points) {
      const kpis = await getKpis(admin(), { from: point.key, to: point.key, metrics: METRICS, ...s.kpis });
      expect(point.metrics, point.key).toEqual(kpis.rows[0]!.metrics);
    }
    expect(series.points.some((p) => (p.metrics.calls_offered?.n ?? 0) > 0)).toBe(true);
  });

  it.each(["agent", "team", "org"])("sums the days of each ISO week before computing, clipped to the range (%s)", async (name) => {
    const s = scopes().find((x) => x.name === name)!;
    // 2026-01-21 is a Wednesday; 2026-02-19 a Thursday: partial weeks at both ends, a month edge inside
    const series = await getKpiSeries(admin(), { from: "2026-01-21", to: "2026-02-19", metrics: METRICS, bucket: "week", ...s.scope });
    expect(series.points.map((p) => [p.key, p.from, p.to])).toEqual([
      ["2026-01-19", "2026-01-21", "2026-01-25"],
      ["2026-01-26", "2026-01-26", "2026-02-01"],
      ["2026-02-02", "2026-02-02", "2026-02-08"],
      ["2026-02-09", "2026-02-09", "2026-02-15"],
      ["2026-02-16", "2026-02-16", "2026-02-19"],
    ]);
    for (const point of series.points) {
      const kpis = await getKpis(admin(), { from: point.from, to: point.to, metrics: METRICS, ...s.kpis });
      expect(point.metrics, point.key).toEqual(kpis.rows[0]!.metrics);
    }
  });

  it("weighs a week by its samples, never by averaging its days", async () => {
    const org = await makeOrg(db, "Weeks");
    const agent = org.users.agent.externalId!;
    // Monday: 1 survey, top-2 (100 %); Tuesday: 3 surveys, none top-2 (0 %). The week is 1 of 4 = 25 %, not 50 %.
    await ingest(org, [
      { id: "w1", type: "survey", agent, occurredAt: "2026-03-02T10:00:00+08:00", survey: "csat", score: 5 },
      ...[1, 2, 3].map((i) => ({ id: `w2-${i}`, type: "survey", agent, occurredAt: "2026-03-03T10:00:00+08:00", survey: "csat", score: 2 })),
    ]);
    const ctx = { db, actor: org.actors.agent };
    const daily = await getKpiSeries(ctx, { from: "2026-03-02", to: "2026-03-08", metrics: "csat", agent, bucket: "day" });
    expect(daily.points.slice(0, 3).map((p) => p.metrics.csat)).toEqual([{ value: 100, n: 1 }, { value: 0, n: 3 }, { value: null, n: 0 }]);
    const weekly = await getKpiSeries(ctx, { from: "2026-03-02", to: "2026-03-08", metrics: "csat", agent, bucket: "week" });
    expect(weekly.points).toEqual([{ key: "2026-03-02", from: "2026-03-02", to: "2026-03-08", metrics: { csat: { value: 25, n: 4 } } }]);
  });

  it("lets agents see their own trend only, managers their teams, HR and admins the organization", async () => {
    const as = (who: keyof TestOrg["actors"]) => ({ db, actor: a.actors[who] });
    const range = { from: "2026-02-01", to: "2026-02-07", metrics: "csat" };
    await expect(getKpiSeries(as("agent"), { ...range, agent: a.users.agent.externalId! })).resolves.toMatchObject({ scope: { kind: "agent" } });
    await expect(getKpiSeries(as("agent"), { ...range, agent: a.users.agentB.externalId! })).rejects.toThrow(/may not see/);
    await expect(getKpiSeries(as("agent"), { ...range, team: a.teamA.id })).rejects.toThrow(/teams you manage/);
    await expect(getKpiSeries(as("agent"), range)).rejects.toThrow(/HR and admins/);
    await expect(getKpiSeries(as("manager"), { ...range, team: a.teamA.id })).resolves.toMatchObject({ scope: { kind: "team", name: "Team A" } });
    await expect(getKpiSeries(as("manager"), { ...range, team: a.teamB.id })).rejects.toThrow(/teams you manage/);
    await expect(getKpiSeries(as("manager"), { ...range, agent: a.users.agentB.externalId! })).rejects.toThrow(/may not see/);
    await expect(getKpiSeries(as("manager"), range)).rejects.toThrow(/HR and admins/);
    await expect(getKpiSeries(as("hr"), range)).resolves.toMatchObject({ scope: { kind: "org", key: a.org.id } });
    await expect(getKpiSeries(as("hr"), { ...range, team: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(/Team not found/);
  });

  it("rejects bad input with the field named", async () => {
    const bad = (input: Record<string, unknown>) => getKpiSeries(admin(), { from: "2026-02-01", to: "2026-02-07", metrics: "csat", ...input }).catch((e: unknown) => e);
    expect(await bad({ bucket: "month" })).toBeInstanceOf(ValidationError);
    expect(((await bad({ metrics: "csat,nope" })) as ValidationError).message).toMatch(/unknown KPI "nope"/);
    expect(((await bad({ to: "2026-01-01" })) as ValidationError).issues[0]).toEqual({ path: "to", message: "must not be before from" });
    expect(((await bad({ agent: "x", team: a.teamA.id })) as ValidationError).issues[0]?.path).toBe("agent");
  });
});

describe("getMyKpis", () => {
  it("gives an agent their totals and trend, and a person without an agent profile nothing", async () => {
    const range = { from: "2026-01-26", to: "2026-02-08", metrics: "csat,aht,calls_offered" };
    const mine = await getMyKpis({ db, actor: a.actors.agent }, range);
    expect(mine.agent).toEqual({ externalId: a.users.agent.externalId, name: a.users.agent.name });
    const direct = await getKpis({ db, actor: a.actors.agent }, { ...range, groupBy: "agent" });
    expect(mine.totals).toEqual(direct.rows[0]!.metrics);
    expect(mine.series).toHaveLength(14);
    const weekly = await getMyKpis({ db, actor: a.actors.agent }, { ...range, bucket: "week" });
    expect(weekly.series.map((p) => p.key)).toEqual(["2026-01-26", "2026-02-02"]);
    const none = await getMyKpis({ db, actor: a.actors.manager }, range);
    expect(none).toEqual({ from: range.from, to: range.to, bucket: "day", agent: null, totals: {}, series: [] });
  });
});

describe("KPI settings", () => {
  it("lists every built-in KPI with defaults, readable by any member", async () => {
    const org = await makeOrg(db, "Settings read");
    for (const who of ["agent", "manager", "hr", "admin"] as const) {
      const view = await getKpiSettings({ db, actor: org.actors[who] });
      expect(view.serviceLevelSeconds).toBe(20);
      expect(view.kpis.find((k) => k.kpi === "csat")).toEqual({ kpi: "csat", kind: "rate", direction: "higher", methods: ["raw", "wilson"], target: null, minSamples: 0, method: "raw", bayesWeight: 10 });
      expect(view.kpis.find((k) => k.kpi === "aht")?.methods).toEqual(["raw", "bayes"]);
      expect(view.kpis.find((k) => k.kpi === "nps")?.methods).toEqual(["raw"]);
    }
  });

  it("saves only what changed, keeps fields left out, and audits before and after in the same transaction", async () => {
    const org = await makeOrg(db, "Settings write");
    const ctx = { db, actor: org.actors.admin };
    const first = await auditOf(db, org.org.id, () =>
      updateKpiSettings(ctx, { kpis: { csat: { target: "85", minSamples: "10", method: "wilson", bayesWeight: "" }, aht: { target: 300, method: "bayes", bayesWeight: 25 }, nps: { target: "" } } }),
    );
    expect(first.error).toBeUndefined();
    expect(first.result).toMatchObject({ changed: ["aht", "csat"], rebuilt: null, serviceLevelSeconds: 20 });
    expect(first.entries).toHaveLength(1);
    expect(first.entries[0]).toMatchObject({
      action: "kpi_settings.update",
      before: { kpis: { csat: { target: null, minSamples: 0, method: "raw", bayesWeight: 10 }, aht: { target: null, minSamples: 0, method: "raw", bayesWeight: 10 } } },
      after: { kpis: { csat: { target: 85, minSamples: 10, method: "wilson", bayesWeight: 10 }, aht: { target: 300, minSamples: 0, method: "bayes", bayesWeight: 25 } } },
    });
    // a field left out keeps its value; the same values again change nothing and write no audit row
    const second = await auditOf(db, org.org.id, () => updateKpiSettings(ctx, { kpis: { csat: { minSamples: 20 }, aht: { target: 300 } } }));
    expect(second.result?.changed).toEqual(["csat"]);
    expect((await getKpiSettings(ctx)).kpis.find((k) => k.kpi === "csat")).toMatchObject({ target: 85, minSamples: 20, method: "wilson" });
    const third = await auditOf(db, org.org.id, () => updateKpiSettings(ctx, { kpis: { csat: { minSamples: "20" } }, serviceLevelSeconds: "20" }));
    expect(third.result).toMatchObject({ changed: [], rebuilt: null });
    expect(third.entries).toEqual([]);
    // clearing a target
    await updateKpiSettings(ctx, { kpis: { csat: { target: "" } } });
    expect((await getKpiSettings(ctx)).kpis.find((k) => k.kpi === "csat")?.target).toBeNull();
  });

  it.each([
    [{ kpis: { csat_avg: { method: "wilson" } } }, "kpis.csat_avg.method", /Wilson bound applies to rate KPIs only; csat_avg is a mean: use raw or bayes/],
    [{ kpis: { csat: { method: "bayes" } } }, "kpis.csat.method", /Bayesian average applies to mean KPIs only; csat is a rate: use raw or wilson/],
    [{ kpis: { nps: { method: "wilson" } } }, "kpis.nps.method", /nps is a score: use raw/],
    [{ kpis: { tickets_solved: { method: "bayes" } } }, "kpis.tickets_solved.method", /use raw/],
    [{ kpis: { csat: { method: "median" } } }, "kpis.csat.method", /must be one of raw, wilson, bayes/],
    [{ kpis: { csat: { target: 101 } } }, "kpis.csat.target", /between 0 and 100/],
    [{ kpis: { nps: { target: -101 } } }, "kpis.nps.target", /between -100 and 100/],
    [{ kpis: { aht: { target: -1 } } }, "kpis.aht.target", /0 or more/],
    [{ kpis: { aht: { target: "abc" } } }, "kpis.aht.target", /must be a number/],
    [{ kpis: { csat: { minSamples: "2.5" } } }, "kpis.csat.minSamples", /whole number/],
    [{ kpis: { csat: { minSamples: -1 } } }, "kpis.csat.minSamples", /0 or more/],
    [{ kpis: { aht: { bayesWeight: 0 } } }, "kpis.aht.bayesWeight", /more than 0/],
    [{ kpis: { kudos_received: { target: 3 } } }, "kpis.kudos_received", /unknown KPI/],
    [{ serviceLevelSeconds: 0 }, "serviceLevelSeconds", /between 1 and 3600/],
    [{ serviceLevelSeconds: "3601" }, "serviceLevelSeconds", /between 1 and 3600/],
    [{ serviceLevelSeconds: "12.5" }, "serviceLevelSeconds", /whole number/],
  ])("refuses %j, naming %s", async (input, path, message) => {
    const org = await makeOrg(db, "Settings invalid");
    const out = await auditOf(db, org.org.id, () => updateKpiSettings({ db, actor: org.actors.admin }, input as never));
    expect(out.error).toBeInstanceOf(ValidationError);
    const issue = (out.error as ValidationError).issues.find((i) => i.path === path);
    expect(issue?.message, JSON.stringify((out.error as ValidationError).issues)).toMatch(message);
    expect(out.entries).toEqual([]);
  });

  it("lets only admins change settings", async () => {
    for (const who of ["agent", "manager", "hr"] as const) {
      await expect(updateKpiSettings({ db, actor: a.actors[who] }, { kpis: { csat: { target: 90 } } })).rejects.toThrow(/Not allowed/);
    }
    const key = await import("@/lib/server/authenticate-api-key").then(async (m) => m.authenticateApiKey(db, `Bearer ${(await a.apiKey(["kpis:read"])).key}`));
    await expect(getKpiSettings({ db, actor: key })).rejects.toThrow(/Not allowed/);
  });
});

describe("rebuilding rollups", () => {
  it("applies a new service-level threshold T to every stored event, exactly", async () => {
    const org = await makeOrg(db, "Rebuild T");
    const agent = org.users.agent.externalId!;
    const waits = [5, 15, 20, 21, 25, 40, null];
    await ingest(org, [
      ...waits.map((w, i) => ({ id: `sl-${i}`, type: "call", agent, occurredAt: `2026-05-0${(i % 3) + 1}T10:00:00+08:00`, answered: true, waitSeconds: w })),
      { id: "sl-missed", type: "call", agent, occurredAt: "2026-05-02T10:00:00+08:00", answered: false, waitSeconds: 3 },
      { id: "sl-metric", type: "metric", agent, occurredAt: "2026-05-02T10:00:00+08:00", metric: "upsells", value: 2 },
    ]);
    const ctx = { db, actor: org.actors.admin };
    const kpis = async () =>
      (await getKpis(ctx, { from: "2026-05-01", to: "2026-05-31", groupBy: "agent", agent, metrics: "service_level,calls_offered,asa,metric:upsells" })).rows[0]!.metrics;
    const before = await kpis();
    expect(before.service_level).toEqual({ value: (3 / 8) * 100, n: 8 }); // 5, 15, 20 within 20 s
    const out = await auditOf(db, org.org.id, () => updateKpiSettings(ctx, { serviceLevelSeconds: 30 }));
    expect(out.result).toMatchObject({ serviceLevelSeconds: 30, rebuilt: { events: 9 } });
    expect(out.entries).toEqual([
      expect.objectContaining({ action: "kpi_settings.update", before: { kpis: {}, serviceLevelSeconds: 20 }, after: { kpis: {}, serviceLevelSeconds: 30 }, meta: { rollupsRebuilt: { events: 9 } } }),
    ]);
    const after = await kpis();
    expect(after.service_level).toEqual({ value: (5 / 8) * 100, n: 8 }); // now 21 and 25 too
    expect({ ...after, service_level: null }).toEqual({ ...before, service_level: null }); // nothing else moved
    // the daily rollups agree with the monthly ones after the rebuild
    const days = await getKpiSeries(ctx, { from: "2026-05-01", to: "2026-05-31", agent, metrics: "service_level", bucket: "week" });
    const withinT = days.points.reduce((s, p) => s + ((p.metrics.service_level!.value ?? 0) * p.metrics.service_level!.n) / 100, 0);
    expect(withinT).toBeCloseTo(5, 9);
    // and events stored afterwards use the new T
    await ingest(org, [{ id: "sl-new", type: "call", agent, occurredAt: "2026-05-03T10:00:00+08:00", answered: true, waitSeconds: 28 }]);
    expect((await kpis()).service_level).toEqual({ value: (6 / 9) * 100, n: 9 });
  });

  it("moves events near midnight to their new day and month when the time zone changes", async () => {
    const org = await makeOrg(db, "Rebuild TZ"); // Asia/Kuala_Lumpur, UTC+8
    const agent = org.users.agent.externalId!;
    await ingest(org, [
      { id: "tz-1", type: "qa_review", agent, occurredAt: "2026-07-31T23:30:00+08:00", score: 10 }, // KL Jul 31; London Jul 31 16:30
      { id: "tz-2", type: "qa_review", agent, occurredAt: "2026-08-01T06:30:00+08:00", score: 20 }, // KL Aug 1; London Jul 31 23:30
      { id: "tz-3", type: "qa_review", agent, occurredAt: "2026-08-01T09:30:00+08:00", score: 30 }, // KL Aug 1; London Aug 1 02:30
    ]);
    const ctx = { db, actor: org.actors.admin };
    const q = async (from: string, to: string) => (await getKpis(ctx, { from, to, agent, metrics: "qa_score" })).rows[0]!.metrics.qa_score;
    expect(await q("2026-07-01", "2026-07-31")).toEqual({ value: 10, n: 1 });
    expect(await q("2026-08-01", "2026-08-01")).toEqual({ value: 25, n: 2 });

    const out = await auditOf(db, org.org.id, () =>
      updateOrganization(ctx, { name: org.org.name, timezone: "Europe/London", currency: "MYR", locale: "en", businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" } }),
    );
    expect(out.error).toBeUndefined();
    expect(out.entries[0]).toMatchObject({ action: "org.update", meta: { rollupsRebuilt: { events: 3 } } });
    expect(await q("2026-07-01", "2026-07-31")).toEqual({ value: 15, n: 2 }); // whole month: monthly rollup
    expect(await q("2026-07-31", "2026-07-31")).toEqual({ value: 15, n: 2 }); // one day: daily rollup
    expect(await q("2026-08-01", "2026-08-31")).toEqual({ value: 30, n: 1 });
    const stored = await db.select({ id: events.id, day: events.localDay }).from(events).where(eq(events.orgId, org.org.id));
    expect(Object.fromEntries(stored.map((e) => [e.id, e.day]))).toEqual({ "tz-1": "2026-07-31", "tz-2": "2026-07-31", "tz-3": "2026-08-01" });

    // the same zone again rebuilds nothing
    const again = await auditOf(db, org.org.id, () =>
      updateOrganization(ctx, { name: "Renamed", timezone: "Europe/London", currency: "MYR", locale: "en", businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" } }),
    );
    expect(again.entries[0]?.meta ?? null).toBeNull();
  });

  it("is all or nothing: a failure after the rebuild leaves the old rollups", async () => {
    const org = await makeOrg(db, "Rebuild rollback");
    const agent = org.users.agent.externalId!;
    await ingest(org, [{ id: "rb-1", type: "call", agent, occurredAt: "2026-06-01T10:00:00+08:00", answered: true, waitSeconds: 25 }]);
    const ctx = { db, actor: org.actors.admin };
    const sl = async () => (await getKpis(ctx, { from: "2026-06-01", to: "2026-06-30", agent, metrics: "service_level" })).rows[0]!.metrics.service_level;
    expect(await sl()).toEqual({ value: 0, n: 1 });
    const failed = await db
      .transaction(async (tx) => {
        expect(await rebuildKpiRollups(tx, org.org.id, { timeZone: "Asia/Kuala_Lumpur", serviceLevelSeconds: 30 }, { relocalize: true })).toEqual({ events: 1 });
        throw new Error("audit failed");
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe("audit failed");
    expect(await sl()).toEqual({ value: 0, n: 1 });
    // a request mixing a new T with a bad setting saves and rebuilds nothing
    await expect(updateKpiSettings(ctx, { serviceLevelSeconds: 30, kpis: { csat: { method: "bayes" } } })).rejects.toBeInstanceOf(ValidationError);
    expect((await getKpiSettings(ctx)).serviceLevelSeconds).toBe(20);
  });
});
