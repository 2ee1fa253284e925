/**
 * Leaderboards through the operations (SPEC §7, §10): a board equals the KPIs it ranks, scopes, fairness from the
 * organization's settings, movement since yesterday, validation with paths, and display links that open only their
 * own boards and stop the moment they are revoked.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { appendEntries, type NewEntry } from "@/db/queries/ledger";
import { users } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { flushAccessLog } from "@/lib/http/access-log";
import { createDisplayLink } from "@/lib/server/create-display-link";
import { createLeaderboard } from "@/lib/server/create-leaderboard";
import { createUser } from "@/lib/server/create-user";
import { getKpis } from "@/lib/server/get-kpis";
import { getLeaderboard } from "@/lib/server/get-leaderboard";
import { ingestEvents } from "@/lib/server/ingest-events";
import { listLeaderboards } from "@/lib/server/list-leaderboards";
import { displayViews, openDisplay } from "@/lib/server/open-display";
import { revokeDisplayLink } from "@/lib/server/revoke-display-link";
import { updateKpiSettings } from "@/lib/server/update-kpi-settings";
import { POST as postBoard } from "@/app/api/v1/leaderboards/route";
import { useAppDatabase } from "../helpers/app-db";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

let database: TestDatabase;
let db: Db;
let a: TestOrg;
let b: TestOrg;
let seq = 0;
const id = (p: string) => `${p}-${(seq++).toString(36)}`;
// Today: Wednesday 2026-02-18 in Kuala Lumpur
const NOW = new Date("2026-02-18T04:00:00Z");
const ctxOf = (actor: TestOrg["actors"][keyof TestOrg["actors"]]) => ({ db, actor, now: () => NOW });
let agents: string[] = [];

/** February so far, per agent i of 0…3: CSAT top-two rate falls with i; agent 3 has only 2 surveys. Calls in two queues. */
async function seed() {
  const extra = [];
  for (const name of ["Cara", "Dev"]) {
    extra.push((await createUser({ db, actor: system }, { email: `${name.toLowerCase()}.${Date.now()}@example.test`, name, role: "agent", externalId: name.toLowerCase(), teamId: a.teamB.id }, { orgId: a.org.id })).id);
  }
  agents = [a.users.agent.externalId!, a.users.agentB.externalId!, "cara", "dev"];
  const events: Record<string, unknown>[] = [];
  for (const [i, agent] of agents.entries()) {
    const surveys = i === 3 ? 2 : 10;
    for (let k = 0; k < surveys; k++) {
      const day = `2026-02-${String(2 + (k % 15)).padStart(2, "0")}`;
      events.push({ id: id("s"), type: "survey", survey: "csat", agent, occurredAt: `${day}T10:00:00+08:00`, score: k < 10 - 2 * i ? 5 : 2 });
      events.push({ id: id("c"), type: "call", agent, queue: k % 2 ? "billing" : "sales", occurredAt: `${day}T09:00:00+08:00`, answered: true, talkSeconds: 100 + 50 * i, waitSeconds: 5 });
    }
  }
  await ingestEvents({ db, actor: system }, events, { source: "test", orgId: a.org.id });
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  a = await makeOrg(db, "Boards A");
  b = await makeOrg(db, "Boards B");
  await seed();
});
afterAll(async () => {
  await database?.close();
});

describe("a leaderboard", () => {
  it("ranks exactly the KPIs of its agents, tied agents 1, 1, 3, too few samples last with rank null", async () => {
    const admin = ctxOf(a.actors.admin);
    const { id: boardId } = await createLeaderboard(admin, { name: "CSAT this month", metric: "csat", period: "month", fairness: { minSamples: 5, method: "raw" } });
    const board = await getLeaderboard(ctxOf(a.actors.agent), boardId);
    expect(board.period).toEqual({ kind: "month", from: "2026-02-01", to: "2026-02-28" });
    const kpis = await getKpis(admin, { from: "2026-02-01", to: "2026-02-28", groupBy: "agent", metrics: "csat" });
    for (const row of board.rows) {
      const k = kpis.rows.find((r) => r.key === row.agent)!;
      expect({ value: row.value, n: row.n }, row.agent).toEqual(k.metrics.csat);
    }
    // agent: 10/10, agentB: 8/10, cara: 6/10, dev: 2 surveys (below 5)
    expect(board.rows.map((r) => [r.agent, r.rank])).toEqual([
      [agents[0], 1],
      [agents[1], 2],
      [agents[2], 3],
      [agents[3], null],
    ]);
    expect(board).toMatchObject({ ranked: 3, participants: 4, direction: "higher" });
    // top: the first N ranked rows only
    expect((await getLeaderboard(admin, boardId, { top: "2" })).rows.map((r) => r.agent)).toEqual(agents.slice(0, 2));
  });

  it("takes the direction from the KPI, scopes to teams or a queue, and ranks composites", async () => {
    const admin = ctxOf(a.actors.admin);
    const aht = await createLeaderboard(admin, { name: "AHT", metric: "aht", period: "week", teams: [a.teamB.id] });
    const ahtBoard = await getLeaderboard(admin, aht.id, { from: "2026-02-01", to: "2026-02-28" });
    // team B: agentB (150 s), cara (200 s), dev (250 s); shortest first
    expect(ahtBoard.rows.map((r) => [r.agent, r.rank, r.value])).toEqual([
      [agents[1], 1, 150],
      [agents[2], 2, 200],
      [agents[3], 3, 250],
    ]);
    expect(ahtBoard.scope.teams).toEqual([{ id: a.teamB.id, name: "Team B" }]);

    const queue = await createLeaderboard(admin, { name: "Sales calls", metric: "calls_answered", period: "custom", from: "2026-02-01", to: "2026-02-28", queue: "sales" });
    const sales = await getLeaderboard(admin, queue.id);
    const byQueue = await getKpis(admin, { from: "2026-02-01", to: "2026-02-28", groupBy: "agent", metrics: "calls_answered", queue: "sales" });
    for (const row of sales.rows) expect({ value: row.value, n: row.n }).toEqual(byQueue.rows.find((r) => r.key === row.agent)!.metrics.calls_answered);

    const composite = await createLeaderboard(admin, { name: "Balanced", metric: "composite", composite: { normalize: "minmax", weights: { csat: 1, aht: 1 } }, period: "month" });
    const balanced = await getLeaderboard(admin, composite.id);
    expect(balanced.rows[0]).toMatchObject({ agent: agents[0], rank: 1, value: 100 }); // best CSAT and shortest AHT
  });

  it("uses the organization's KPI settings for fairness unless the board has its own", async () => {
    const admin = ctxOf(a.actors.admin);
    const { id: boardId } = await createLeaderboard(admin, { name: "CSAT (org settings)", metric: "csat", period: "month" });
    expect((await getLeaderboard(admin, boardId)).ranked).toBe(4);
    await updateKpiSettings(admin, { kpis: { csat: { minSamples: 5, method: "wilson" } } });
    const board = await getLeaderboard(admin, boardId);
    expect(board.fairness).toMatchObject({ minSamples: 5, method: "wilson" });
    expect(board.ranked).toBe(3);
    expect(board.rows[0]!.score).toBeLessThan(board.rows[0]!.value!); // ordered by the Wilson lower bound
  });

  it("shows movement since yesterday", async () => {
    const admin = ctxOf(a.actors.admin);
    const { id: boardId } = await createLeaderboard(admin, { name: "Calls today", metric: "calls_answered", period: "month", fairness: { minSamples: 0, method: "raw" } });
    // today dev answers 20 calls and climbs from last to first
    await ingestEvents(
      { db, actor: system },
      Array.from({ length: 20 }, () => ({ id: id("today"), type: "call", agent: "dev", occurredAt: "2026-02-18T09:00:00+08:00", answered: true })),
      { source: "test", orgId: a.org.id },
    );
    const rows = (await getLeaderboard(admin, boardId)).rows;
    expect(rows[0]).toMatchObject({ agent: "dev", rank: 1, change: 3 });
    expect(rows.find((r) => r.agent === agents[0])).toMatchObject({ rank: 2, change: -1 });
  });

  it("refuses a bad board at the field, and unknown boards are not found", async () => {
    const admin = ctxOf(a.actors.admin);
    const cases: Array<[unknown, string, RegExp]> = [
      [{ name: "X", metric: "happiness", period: "month" }, "metric", /unknown KPI "happiness"/],
      [{ name: "X", metric: "points", period: "month", composite: { normalize: "zscore", weights: { csat: 1 } } }, "composite", /only used when metric is "composite"/],
      [{ name: "X", metric: "points", period: "month", fairness: { minSamples: 5, method: "raw" } }, "fairness", /does not apply to a points board/],
      [{ name: "X", metric: "points", period: "month", queue: "sales" }, "queue", /does not apply to a points board/],
      [{ name: "X", metric: "csat", period: "custom", from: "2026-02-01" }, "to", /required for a custom period/],
      [{ name: "X", metric: "csat", period: "month", teams: [b.teamA.id] }, "teams[0]", /no team/],
      [{ name: "X", metric: "composite", period: "month" }, "composite", /required/],
    ];
    for (const [input, path, message] of cases) {
      const err = await createLeaderboard(admin, input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, path).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues.find((i) => i.path === path)?.message, JSON.stringify((err as ValidationError).issues)).toMatch(message);
    }
    await expect(getLeaderboard(admin, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLeaderboard(admin, "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
    const { id: boardId } = await createLeaderboard(admin, { name: "Ours", metric: "csat", period: "month" });
    await expect(getLeaderboard(ctxOf(b.actors.admin), boardId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLeaderboard(admin, boardId, { from: "2026-02-10" })).rejects.toBeInstanceOf(ValidationError);
    expect((await listLeaderboards(ctxOf(b.actors.agent))).map((x) => x.id)).not.toContain(boardId);
  });
});

describe("a points board", () => {
  let n = 0;
  const entry = (agentId: string, amount: number, kind: NewEntry["kind"], at: string, more: Partial<NewEntry> = {}): NewEntry => ({
    orgId: a.org.id,
    agentId,
    asset: "points",
    amount,
    kind,
    source: "test",
    idempotencyKey: `points-board-${n++}`,
    createdAt: new Date(at),
    ...more,
  });
  let cara: string;
  let dev: string;

  beforeAll(async () => {
    const people = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.orgId, a.org.id));
    cara = people.find((u) => u.name === "Cara")!.id;
    dev = people.find((u) => u.name === "Dev")!.id;
    const agent = a.users.agent.id;
    const agentB = a.users.agentB.id;
    // Kuala Lumpur is UTC+8: the custom range 1–10 February runs from 2026-01-31T16:00Z to 2026-02-10T16:00Z.
    const [award] = await appendEntries(db, [entry(cara, 200, "award", "2026-02-03T10:00:00+08:00")]);
    const [spent] = await appendEntries(db, [entry(agentB, -300, "redemption", "2026-02-06T10:00:00+08:00")]);
    await appendEntries(db, [
      entry(agent, 500, "award", "2026-02-10T23:30:00+08:00"), // the last day, late at night: counts
      entry(agent, 100, "award", "2026-02-11T00:30:00+08:00"), // the next day: does not
      entry(agent, 300, "award", "2026-01-31T23:30:00+08:00"), // the day before: does not
      entry(agentB, 400, "award", "2026-02-05T10:00:00+08:00"),
      entry(agentB, -50, "adjustment", "2026-02-07T10:00:00+08:00"),
      entry(agentB, 300, "reversal", "2026-02-08T10:00:00+08:00", { correctsId: spent!.id }), // points returned: not earned
      entry(agentB, 999, "award", "2026-02-05T10:00:00+08:00", { asset: "leave_minutes" }), // not points
      entry(cara, -200, "reversal", "2026-02-04T10:00:00+08:00", { correctsId: award!.id }), // takes the award back
      entry(dev, 1000, "award", "2026-02-18T09:00:00+08:00"), // today
    ]);
    // another organization's points never reach this one's boards
    await appendEntries(db, [{ ...entry(b.users.agent.id, 5000, "award", "2026-02-05T10:00:00+08:00"), orgId: b.org.id }]);
  });

  it("ranks the points earned in its range by the organization's calendar days, redemptions aside", async () => {
    const admin = ctxOf(a.actors.admin);
    const { id: boardId } = await createLeaderboard(admin, { name: "Points, early February", metric: "points", period: "custom", from: "2026-02-01", to: "2026-02-10" });
    const board = await getLeaderboard(ctxOf(a.actors.agent), boardId);
    expect(board).toMatchObject({ metric: "points", direction: "higher", fairness: { minSamples: 0, method: "raw" }, scope: { queue: null } });
    const row = (agent: string) => board.rows.find((r) => r.agent === agent);
    expect(row(agents[0]!)).toMatchObject({ rank: 1, value: 500, n: 1 });
    expect(row(agents[1]!)).toMatchObject({ rank: 2, value: 350, n: 2 });
    // everyone is ranked: cara's award was reversed (0 from 2 entries), dev earned nothing in the range
    expect(row("cara")).toMatchObject({ rank: 3, value: 0, n: 2 });
    expect(row("dev")).toMatchObject({ rank: 3, value: 0, n: 0 });
    expect(board.ranked).toBe(board.participants);
    expect(board.rows.every((r) => r.rank !== null)).toBe(true);
    // points_earned, the KPI of these points, makes the same board
    const { id: sameId } = await createLeaderboard(admin, { name: "Points earned, early February", metric: "points_earned", period: "custom", from: "2026-02-01", to: "2026-02-10" });
    const same = await getLeaderboard(ctxOf(a.actors.agent), sameId);
    expect(same.metric).toBe("points");
    expect(same.rows).toEqual(board.rows);
  });

  it("follows its teams, moves with today's points, and shows on a wall screen", async () => {
    const admin = ctxOf(a.actors.admin);
    const { id: boardId } = await createLeaderboard(admin, { name: "Team B points", metric: "points", period: "month", teams: [a.teamB.id] });
    const board = await getLeaderboard(admin, boardId);
    // team B: agentB, cara, dev; dev's 1,000 points today lift dev from last (tied) to first
    expect(board.rows.map((r) => [r.agent, r.rank, r.value, r.change])).toEqual([
      ["dev", 1, 1000, 1],
      [agents[1], 2, 350, -1],
      ["cara", 3, 0, -1],
    ]);
    const link = await createDisplayLink(admin, { name: "Points wall", boards: [boardId] });
    const [view] = await displayViews(db, await openDisplay(db, link.token), NOW);
    expect(view!.rows.map((r) => r.agent)).toEqual(["dev", agents[1], "cara"]);
  });
});

describe("POST /api/v1/leaderboards", () => {
  it("creates a points board, and refuses one with a queue at its path", async () => {
    const app = await useAppDatabase();
    try {
      const org = await makeOrg(app.db, "Points API");
      const { key } = await org.apiKey(["leaderboards:write"]);
      const post = (body: unknown) =>
        postBoard(new Request("http://localhost/api/v1/leaderboards", { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } }), {
          params: Promise.resolve({}),
        });
      const created = await post({ name: "Points this month", metric: "points", period: "month" });
      expect(created.status).toBe(201);
      expect(await created.json()).toEqual({ id: expect.any(String) });
      const refused = await post({ name: "Points in sales", metric: "points", period: "month", queue: "sales" });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).toMatch(/queue.*does not apply to a points board/);
    } finally {
      await flushAccessLog(); // API calls are audited in batches: written before the database closes
      await app.close();
    }
  });
});

describe("display links (TV mode)", () => {
  it("open their own boards only, and stop at once when revoked", async () => {
    const admin = ctxOf(a.actors.admin);
    const shown = await createLeaderboard(admin, { name: "On the wall", metric: "csat", period: "month" });
    const hidden = await createLeaderboard(admin, { name: "Not on the wall", metric: "aht", period: "month" });
    const link = await createDisplayLink(ctxOf(a.actors.manager), { name: "Floor 2", boards: [shown.id], rotateSeconds: 15 });
    expect(link.token).toMatch(/^pdd_[A-Za-z0-9_-]{43}$/);

    const display = await openDisplay(db, link.token);
    expect(display).toMatchObject({ orgId: a.org.id, name: "Floor 2", rotateSeconds: 15 });
    expect(display.boards.map((x) => x.id)).toEqual([shown.id]);
    const views = await displayViews(db, display, NOW);
    expect(views.map((v) => v.name)).toEqual(["On the wall"]);
    expect(views[0]!.rows.length).toBeLessThanOrEqual(10);
    expect(JSON.stringify(views)).not.toContain(hidden.id);

    for (const bad of ["", "pdd_short", "pdm_" + "A".repeat(43), link.token.slice(0, -1) + (link.token.endsWith("A") ? "B" : "A")]) {
      await expect(openDisplay(db, bad), bad).rejects.toBeInstanceOf(NotFoundError);
    }
    // another organization's manager cannot revoke it; its own can, and then it opens nothing
    await expect(revokeDisplayLink(ctxOf(b.actors.admin), link.id)).rejects.toBeInstanceOf(NotFoundError);
    await revokeDisplayLink(admin, link.id);
    await expect(openDisplay(db, link.token)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cannot be made for another organization's boards", async () => {
    const theirs = await createLeaderboard(ctxOf(b.actors.admin), { name: "B's board", metric: "csat", period: "month" });
    await expect(createDisplayLink(ctxOf(a.actors.admin), { name: "Sneaky", boards: [theirs.id] })).rejects.toBeInstanceOf(NotFoundError);
  });
});
