import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ForbiddenError } from "@/lib/errors";
import { createUser } from "@/lib/server/create-user";
import { getKpis } from "@/lib/server/get-kpis";
import { ingestEvents } from "@/lib/server/ingest-events";
import { listUnmatchedIdentities } from "@/lib/server/list-unmatched-identities";
import { updateUser } from "@/lib/server/update-user";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

/** SPEC §3.1: identities that match no agent are kept, listed for admins, and count once their agent exists. */
let database: TestDatabase;
let db: Db;
let org: TestOrg;
let other: TestOrg;

const call = (id: string, agent: string, day: string) => ({ id, type: "call", agent, queue: "billing", occurredAt: `${day}T10:00:00+08:00`, answered: true, talkSeconds: 200 });
const march = { from: "2026-03-01", to: "2026-03-31" };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  org = await makeOrg(db, "Unmatched");
  other = await makeOrg(db, "Unmatched other");
  const events = [
    call("u-1", "zd-agent-4711", "2026-03-02"),
    call("u-2", "zd-agent-4711", "2026-03-09"),
    call("u-3", "zd-agent-4711", "2026-03-03"),
    { id: "u-4", type: "metric", agent: "zd-agent-4711", occurredAt: "2026-03-12T20:00:00+08:00", metric: "upsells", value: 2 },
    { id: "u-5", type: "survey", agent: "New.Hire@Example.test", occurredAt: "2026-03-05T11:00:00+08:00", survey: "csat", score: 5 },
    call("u-6", org.users.agent.externalId!, "2026-03-02"),
    // abandoned: no agent at all, never an "identity"
    { id: "u-7", type: "call", agent: null, queue: "billing", occurredAt: "2026-03-02T10:00:00+08:00", answered: false },
  ];
  expect(await ingestEvents({ db, actor: system }, events, { source: "test", orgId: org.org.id })).toMatchObject({ accepted: 7, rejected: [] });
  await ingestEvents({ db, actor: system }, [call("o-1", "other-org-ghost", "2026-03-02")], { source: "test", orgId: other.org.id });
});
afterAll(async () => {
  await database?.close();
});

const admin = () => ({ db, actor: org.actors.admin });

describe("unmatched identities", () => {
  it("lists identities no agent has, most events first, with the last day seen", async () => {
    const { identities, total } = await listUnmatchedIdentities(admin());
    expect(identities).toEqual([
      { identity: "zd-agent-4711", events: 4, lastSeen: "2026-03-12", isEmail: false },
      { identity: "New.Hire@Example.test", events: 1, lastSeen: "2026-03-05", isEmail: true },
    ]);
    expect(total).toBe(2);
  });

  it("is for admins only, and only ever their own organization's", async () => {
    for (const who of ["agent", "manager", "hr"] as const) {
      await expect(listUnmatchedIdentities({ db, actor: org.actors[who] })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const theirs = await listUnmatchedIdentities({ db, actor: other.actors.admin });
    expect(theirs.identities.map((i) => i.identity)).toEqual(["other-org-ghost"]);
  });

  it("counts the events in queue totals but on no agent until the agent exists, then at once without re-sending", async () => {
    const metrics = "calls_answered,aht,csat,metric:upsells";
    const before = await getKpis(admin(), { ...march, groupBy: "agent", metrics });
    expect(before.rows.map((r) => r.key)).not.toContain("zd-agent-4711");
    const queue = await getKpis(admin(), { ...march, groupBy: "queue", metrics });
    expect(queue.rows.find((r) => r.key === "billing")?.metrics.calls_answered?.value).toBe(4);

    const ghost = await createUser(admin(), { email: "ghost@example.test", name: "Ghost Agent", role: "agent", externalId: "zd-agent-4711", teamId: org.teamA.id });
    expect((await listUnmatchedIdentities(admin())).identities.map((i) => i.identity)).toEqual(["New.Hire@Example.test"]);

    const after = await getKpis(admin(), { ...march, groupBy: "agent", metrics });
    const row = after.rows.find((r) => r.key === "zd-agent-4711");
    expect(row?.name).toBe("Ghost Agent");
    expect(row?.metrics).toMatchObject({ calls_answered: { value: 3, n: 3 }, aht: { value: 200, n: 3 }, "metric:upsells": { value: 2, n: 1 } });
    // and in their team's total, next to the agent already there
    const teams = await getKpis(admin(), { ...march, groupBy: "team", metrics });
    expect(teams.rows.find((r) => r.key === org.teamA.id)?.metrics.calls_answered?.value).toBe(4);

    // renaming the external id away makes the identity unmatched again: matching happens when KPIs are read
    await updateUser(admin(), { userId: ghost.id, name: "Ghost Agent", role: "agent", active: true, externalId: "ghost-renamed" });
    expect((await listUnmatchedIdentities(admin())).identities.map((i) => i.identity)).toContain("zd-agent-4711");
    await updateUser(admin(), { userId: ghost.id, name: "Ghost Agent", role: "agent", active: true, externalId: "zd-agent-4711" });
  });

  it("matches an email identity to an agent's email in any case", async () => {
    await createUser(admin(), { email: "new.hire@example.test", role: "agent", teamId: org.teamB.id });
    expect((await listUnmatchedIdentities(admin())).identities).toEqual([]);
    const kpis = await getKpis(admin(), { ...march, groupBy: "agent", metrics: "csat" });
    expect(kpis.rows.find((r) => r.key === "new.hire@example.test")?.metrics.csat).toEqual({ value: 100, n: 1 });
  });
});
