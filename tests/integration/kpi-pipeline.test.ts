import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, getDatabase, type Db } from "@/db/client";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { GET as getKpisRoute } from "@/app/api/v1/kpis/route";
import { createUser } from "@/lib/server/create-user";
import { getKpis } from "@/lib/server/get-kpis";
import { ingestEvents } from "@/lib/server/ingest-events";
import { updateKpiSettings } from "@/lib/server/update-kpi-settings";
import { useAppDatabase, type AppDatabase } from "../helpers/app-db";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

let app: AppDatabase;
let db: Db;
let a: TestOrg;
let b: TestOrg;
let writeKey: string;
let readKey: string;
let otherKey: string;

beforeAll(async () => {
  app = await useAppDatabase();
  db = app.db;
  a = await makeOrg(db, "Pipeline A");
  b = await makeOrg(db, "Pipeline B");
  writeKey = (await a.apiKey(["events:write"])).key;
  readKey = (await a.apiKey(["kpis:read"])).key;
  otherKey = (await b.apiKey(["kpis:read"])).key;
});
afterAll(async () => {
  await app?.close();
});

const noParams = { params: Promise.resolve({}) };
const send = (key: string, body: unknown) =>
  postEvents(
    new Request("http://localhost/api/v1/events", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    noParams,
  );
const kpis = (key: string, query: string) =>
  getKpisRoute(new Request(`http://localhost/api/v1/kpis?${query}`, { headers: { authorization: `Bearer ${key}` } }), noParams);

let seq = 0;
const id = (p: string) => `${p}-${(seq++).toString(36)}`;

describe("POST /api/v1/events", () => {
  it("accepts the valid events of a mixed batch and rejects exactly the invalid ones, each with a message", async () => {
    const agent = a.users.agent.externalId!;
    const good = [
      { id: id("ok"), type: "call", agent, occurredAt: "2026-03-02T10:00:00+08:00", answered: true, talkSeconds: 100 },
      { id: id("ok"), type: "survey", agent, occurredAt: "2026-03-02T10:00:00+08:00", survey: "csat", score: 5 },
    ];
    const bad = [
      { id: id("bad"), type: "survey", agent, occurredAt: "2026-03-02T10:00:00+08:00", survey: "csat", score: 6 },
      { id: id("bad"), type: "call", agent, occurredAt: "2026-03-02T10:00:00+08:00", answered: true, talkSeconds: -5 },
      { id: id("bad"), type: "call", agent, occurredAt: "2026-03-02T10:00:00+08:00" },
      { id: id("bad"), type: "chat", agent, occurredAt: "2026-03-02T10:00:00+08:00" },
      { id: id("bad"), type: "call", agent, occurredAt: "2026-03-02T10:00:00", answered: false },
      { id: id("bad"), type: "metric", agent, occurredAt: "2026-03-02T10:00:00+08:00", metric: "Upsells!", value: 1 },
      { id: "x".repeat(201), type: "call", agent, occurredAt: "2026-03-02T10:00:00+08:00", answered: false },
    ];
    const events = [good[0], ...bad.slice(0, 4), good[1], ...bad.slice(4)];
    const res = await send(writeKey, { events });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; duplicates: number; rejected: { index: number; id: string; errors: string[] }[] };
    expect(body.accepted).toBe(2);
    expect(body.duplicates).toBe(0);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 6, 7, 8]);
    expect(body.rejected.map((r) => r.errors[0])).toEqual([
      "score: must be between 1 and 5",
      "talkSeconds: must not be negative",
      "answered: is required (true or false)",
      "type: must be one of call, ticket, survey, qa_review, metric",
      expect.stringMatching(/^occurredAt: must be an ISO-8601 timestamp with an offset/),
      "metric: must match [a-z][a-z0-9_]{0,62}",
      "id: must be at most 200 characters",
    ]);
  });

  it("answers 400 for a body that is not the envelope, 413 when too large, 403 without the scope", async () => {
    expect((await send(writeKey, { event: [] })).status).toBe(400);
    expect((await send(writeKey, [])).status).toBe(400);
    expect((await send(writeKey, "{nope")).status).toBe(400);
    const many = Array.from({ length: 5001 }, (_, i) => ({ id: `many-${i}`, type: "call", occurredAt: "2026-03-02T10:00:00Z", answered: false }));
    const tooMany = await send(writeKey, { events: many });
    expect(tooMany.status).toBe(413);
    expect(((await tooMany.json()) as { error: { message: string } }).error.message).toMatch(/5000 events/);
    const huge = await send(writeKey, { events: [{ id: "big", type: "call", queue: "x".repeat(6 * 1024 * 1024) }] });
    expect(huge.status).toBe(413);
    expect((await send(readKey, { events: [] })).status).toBe(403);
    // nothing of the refused batches was stored
    const r = await getKpis({ db, actor: system }, { from: "2026-03-01", to: "2026-03-31", groupBy: "org", metrics: "calls_offered" }).catch((e) => e);
    expect(r).toBeInstanceOf(Error); // the system actor names no org: refused, never another org's data
  });

  it("limits requests per key with 429 and Retry-After", async () => {
    const saved = process.env.PODIUM_API_RATE_LIMIT;
    process.env.PODIUM_API_RATE_LIMIT = "3/60";
    try {
      const key = (await a.apiKey(["events:write"])).key;
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await send(key, { events: [] }));
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(Number(statuses[3]!.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      if (saved === undefined) delete process.env.PODIUM_API_RATE_LIMIT;
      else process.env.PODIUM_API_RATE_LIMIT = saved;
    }
  });

  it("leaves every KPI unchanged when the same batch is sent three times with restarts in between", async () => {
    const agent = a.users.agentB.externalId!;
    const events = Array.from({ length: 40 }, (_, i) => ({
      id: `replay-${i}`,
      type: i % 2 ? "call" : "survey",
      agent,
      queue: "billing",
      occurredAt: `2026-04-${String((i % 28) + 1).padStart(2, "0")}T09:00:00+08:00`,
      ...(i % 2 ? { answered: i % 3 !== 0, waitSeconds: i, talkSeconds: 60 + i } : { survey: "csat", score: (i % 5) + 1 }),
    }));
    const query = "from=2026-04-01&to=2026-04-30&groupBy=agent&metrics=calls_offered,answer_rate,aht,csat,service_level";
    const results = [];
    for (let round = 0; round < 3; round++) {
      const res = (await (await send(writeKey, { events })).json()) as { accepted: number; duplicates: number };
      expect(res).toEqual(round === 0 ? { accepted: 40, duplicates: 0, rejected: [] } : { accepted: 0, duplicates: 40, rejected: [] });
      results.push(await (await kpis(readKey, query)).json());
      await closeDatabase(); // a restart: the next request opens the database again
      db = (await getDatabase()).db;
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    const row = (results[0] as { rows: { key: string; metrics: Record<string, { value: number; n: number }> }[] }).rows.find((r) => r.key === agent)!;
    expect(row.metrics.calls_offered).toEqual({ value: 20, n: 20 });
  });

  it("keeps the first body of an id sent again with a different body", async () => {
    const agent = a.users.agent.externalId!;
    const first = { id: "first-wins", type: "qa_review", agent, occurredAt: "2026-05-10T10:00:00+08:00", score: 80 };
    expect(await (await send(writeKey, { events: [first, { ...first, score: 10 }] })).json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await (await send(writeKey, { events: [{ ...first, score: 20 }] })).json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const res = await getKpis({ db, actor: a.actors.admin }, { from: "2026-05-01", to: "2026-05-31", metrics: "qa_score", agent });
    expect(res.rows).toEqual([{ key: agent, name: a.users.agent.name, metrics: { qa_score: { value: 80, n: 1 } } }]);
  });
});

describe("KPIs", () => {
  it("counts an unmatched identity once an agent with that external id exists", async () => {
    const ctx = { db, actor: a.actors.admin };
    const ev = { id: id("late-agent"), type: "call", agent: "new.hire", occurredAt: "2026-06-03T10:00:00+08:00", answered: true, talkSeconds: 30 };
    await ingestEvents(ctx, [ev], { source: "test" });
    const before = await getKpis(ctx, { from: "2026-06-01", to: "2026-06-30", metrics: "calls_answered" });
    expect(before.rows.find((r) => r.key === "new.hire")).toBeUndefined();
    await createUser({ db, actor: system }, { email: `new.hire.${Date.now()}@example.test`, name: "New Hire", role: "agent", externalId: "new.hire" }, { orgId: a.org.id });
    const after = await getKpis(ctx, { from: "2026-06-01", to: "2026-06-30", metrics: "calls_answered" });
    expect(after.rows.find((r) => r.key === "new.hire")?.metrics.calls_answered).toEqual({ value: 1, n: 1 });
  });

  it("puts events on their day in the organization's time zone, whatever their offset, at a month edge", async () => {
    const ctx = { db, actor: a.actors.admin };
    const agent = a.users.agent.externalId!;
    await ingestEvents(
      ctx,
      [
        { id: id("edge"), type: "qa_review", agent, occurredAt: "2026-10-31T23:30:00+08:00", score: 10 }, // Oct 31 in KL
        { id: id("edge"), type: "qa_review", agent, occurredAt: "2026-10-31T15:59:59Z", score: 20 }, // Oct 31 23:59:59 in KL
        { id: id("edge"), type: "qa_review", agent, occurredAt: "2026-10-31T16:00:00Z", score: 30 }, // Nov 1 00:00 in KL
        { id: id("edge"), type: "qa_review", agent, occurredAt: "2026-10-31T12:30:00-05:00", score: 40 }, // Nov 1 01:30 in KL
      ],
      { source: "test" },
    );
    const q = (from: string, to: string) => getKpis(ctx, { from, to, metrics: "qa_score", agent }).then((r) => r.rows[0]!.metrics.qa_score);
    expect(await q("2026-10-01", "2026-10-31")).toEqual({ value: 15, n: 2 });
    expect(await q("2026-11-01", "2026-11-30")).toEqual({ value: 35, n: 2 });
    expect(await q("2026-10-31", "2026-11-01")).toEqual({ value: 25, n: 4 });
    expect(await q("2026-11-02", "2026-11-30")).toEqual({ value: null, n: 0 });
  });

  it("groups by team, queue and org, and keeps unattributed events in queue and org totals only", async () => {
    const ctx = { db, actor: a.actors.admin };
    const [x, y] = [a.users.agent.externalId!, a.users.agentB.externalId!];
    await ingestEvents(
      ctx,
      [
        { id: id("g"), type: "call", agent: x, queue: "sales", occurredAt: "2026-07-01T10:00:00+08:00", answered: true, waitSeconds: 10 },
        { id: id("g"), type: "call", agent: y, queue: "sales", occurredAt: "2026-07-01T10:00:00+08:00", answered: true, waitSeconds: 30 },
        { id: id("g"), type: "call", agent: null, queue: "sales", occurredAt: "2026-07-01T10:00:00+08:00", answered: false },
        { id: id("g"), type: "call", agent: y, queue: "support", occurredAt: "2026-07-02T10:00:00+08:00", answered: true, waitSeconds: 5 },
      ],
      { source: "test" },
    );
    const range = { from: "2026-07-01", to: "2026-07-31", metrics: "calls_offered,service_level,abandon_rate" };
    const team = await getKpis(ctx, { ...range, groupBy: "team" });
    expect(team.rows.map((r) => [r.name, r.metrics.calls_offered])).toEqual([
      ["Team A", { value: 1, n: 1 }],
      ["Team B", { value: 2, n: 2 }],
    ]);
    const queue = await getKpis(ctx, { ...range, groupBy: "queue" });
    expect(queue.rows.map((r) => [r.key, r.metrics.service_level!.value, r.metrics.abandon_rate])).toEqual([
      ["sales", (1 / 3) * 100, { value: (1 / 3) * 100, n: 3 }],
      ["support", 100, { value: 0, n: 1 }],
    ]);
    const org = await getKpis(ctx, { ...range, groupBy: "org" });
    expect(org.rows).toEqual([{ key: a.org.id, name: a.org.name, metrics: expect.objectContaining({ calls_offered: { value: 4, n: 4 } }) }]);
  });

  it("counts every queued batch when more are waiting than one fold takes", async () => {
    const ctx = { db, actor: a.actors.admin };
    const agent = a.users.agentB.externalId!;
    for (let i = 0; i < 40; i++) {
      await ingestEvents(ctx, [{ id: id("backlog"), type: "qa_review", agent, occurredAt: "2026-09-09T10:00:00+08:00", score: i }], { source: "test" });
    }
    const r = await getKpis(ctx, { from: "2026-09-01", to: "2026-09-30", metrics: "qa_score", agent });
    expect(r.rows[0]!.metrics.qa_score).toEqual({ value: 19.5, n: 40 });
  });

  it("files a batch sent after the service-level threshold changed with the new threshold", async () => {
    const ctx = { db, actor: a.actors.admin };
    const agent = a.users.agent.externalId!;
    const call = (wait: number) => ({ id: id("sl"), type: "call", agent, occurredAt: "2026-08-04T10:00:00+08:00", answered: true, waitSeconds: wait });
    const q = () => getKpis(ctx, { from: "2026-08-01", to: "2026-08-31", metrics: "service_level", agent }).then((r) => r.rows[0]!.metrics.service_level);
    await ingestEvents(ctx, [call(15), call(25)], { source: "test" }); // T = 20: one of two within
    expect(await q()).toEqual({ value: 50, n: 2 });
    await updateKpiSettings(ctx, { serviceLevelSeconds: 30 }); // rebuilds: both within
    expect(await q()).toEqual({ value: 100, n: 2 });
    await ingestEvents(ctx, [call(28), call(35)], { source: "test" }); // filed with T = 30 although T = 20 was last seen
    expect(await q()).toEqual({ value: 75, n: 4 });
    await updateKpiSettings(ctx, { serviceLevelSeconds: 20 });
    expect(await q()).toEqual({ value: 25, n: 4 });
  });

  it("shows agents only their own KPIs and managers only their teams'", async () => {
    const range = { from: "2026-07-01", to: "2026-07-31", metrics: "calls_offered" };
    const mine = await getKpis({ db, actor: a.actors.agent }, range);
    expect(mine.rows.map((r) => r.key)).toEqual([a.users.agent.externalId]);
    await expect(getKpis({ db, actor: a.actors.agent }, { ...range, agent: a.users.agentB.externalId! })).rejects.toThrow(/may not see/);
    await expect(getKpis({ db, actor: a.actors.agent }, { ...range, groupBy: "org" })).rejects.toThrow(/own KPIs/);
    const managed = await getKpis({ db, actor: a.actors.manager }, range);
    expect(managed.rows.map((r) => r.key)).toEqual([a.users.agent.externalId]);
  });

  it("never shows another organization's events", async () => {
    const res = (await (await kpis(otherKey, "from=2026-07-01&to=2026-07-31&groupBy=org&metrics=calls_offered")).json()) as { rows: { metrics: { calls_offered: unknown } }[] };
    expect(res.rows[0]!.metrics.calls_offered).toEqual({ value: null, n: 0 });
    expect((await kpis(otherKey, `from=2026-07-01&to=2026-07-31&agent=${encodeURIComponent(a.users.agent.externalId!)}&metrics=calls_offered`)).status).toBe(404);
  });

  it("answers 400 naming an unknown metric or a bad date", async () => {
    const bad = async (q: string) => {
      const res = await kpis(readKey, q);
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await bad("from=2026-07-01&to=2026-07-31&metrics=csat,happiness")).toMatch(/metrics: unknown KPI "happiness"/);
    expect(await bad("from=2026-02-30&to=2026-07-31&metrics=csat")).toMatch(/^from: must be a date/);
    expect(await bad("from=2026-07-01&to=2026-06-30&metrics=csat")).toMatch(/^to: must not be before from/);
    expect(await bad("from=2026-07-01&to=2026-07-31&metrics=csat&groupBy=site")).toMatch(/^groupBy: must be one of/);
    expect(await bad("from=2026-07-01&to=2026-07-31")).toMatch(/^metrics: is required/);
  });
});
