/**
 * Campaigns end to end through the operations (SPEC §5, §5.1, §10): validation with paths, versions, lifecycle,
 * stored rules validated again on load, what-if without side effects, standings that equal simulate, and the
 * evaluation inputs (KPIs per participant, previous period, streak days) read from the rollups.
 */
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, campaignVersions, campaigns } from "@/db/schema";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { archiveCampaign } from "@/lib/server/archive-campaign";
import { createCampaign } from "@/lib/server/create-campaign";
import { getCampaign } from "@/lib/server/get-campaign";
import { getCampaignStandings } from "@/lib/server/get-campaign-standings";
import { getMyIncentives } from "@/lib/server/get-my-incentives";
import { ingestEvents } from "@/lib/server/ingest-events";
import { launchCampaign } from "@/lib/server/launch-campaign";
import { listCampaignVersions } from "@/lib/server/list-campaign-versions";
import { listCampaigns } from "@/lib/server/list-campaigns";
import { replayCampaign } from "@/lib/server/replay-campaign";
import { simulateCampaign } from "@/lib/server/simulate-campaign";
import { updateCampaign } from "@/lib/server/update-campaign";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

let database: TestDatabase;
let db: Db;
let a: TestOrg;
let b: TestOrg;
let seq = 0;
const id = (p: string) => `${p}-${(seq++).toString(36)}`;
// "Today" for these tests: mid-February 2026 in Kuala Lumpur (the fixtures' time zone).
const NOW = new Date("2026-02-15T04:00:00Z");
const ctxOf = (actor: TestOrg["actors"][keyof TestOrg["actors"]]) => ({ db, actor, now: () => NOW });

/**
 * January 2026: agent A answers 3 calls a day with CSAT 5, 5, 4 (all top-two); agent B 2 calls a day with CSAT 5 and 2
 * (half top-two). December 2025: both have CSAT 50%. Weekends off for agent A.
 */
async function seed(org: TestOrg) {
  const agentA = org.users.agent.externalId!;
  const agentB = org.users.agentB.externalId!;
  const events: Record<string, unknown>[] = [];
  for (let d = 1; d <= 31; d++) {
    const day = `2026-01-${String(d).padStart(2, "0")}`;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      for (const [k, score] of [5, 5, 4].entries()) {
        const at = `${day}T0${k + 1}:00:00+08:00`;
        events.push({ id: id("c"), type: "call", agent: agentA, occurredAt: at, answered: true, waitSeconds: 10, talkSeconds: 200 });
        events.push({ id: id("s"), type: "survey", survey: "csat", agent: agentA, occurredAt: at, score });
        events.push({ id: id("t"), type: "ticket", agent: agentA, occurredAt: at, createdAt: at, solvedAt: at });
      }
    }
    for (const [k, score] of [5, 2].entries()) {
      const at = `${day}T1${k}:00:00+08:00`;
      events.push({ id: id("c"), type: "call", agent: agentB, occurredAt: at, answered: true, waitSeconds: 30, talkSeconds: 300 });
      events.push({ id: id("s"), type: "survey", survey: "csat", agent: agentB, occurredAt: at, score });
    }
  }
  for (let d = 1; d <= 31; d++) {
    const at = `2025-12-${String(d).padStart(2, "0")}T10:00:00+08:00`;
    for (const agent of [agentA, agentB]) {
      events.push({ id: id("s"), type: "survey", survey: "csat", agent, occurredAt: at, score: d % 2 ? 5 : 1 });
    }
  }
  for (let i = 0; i < events.length; i += 1000) {
    await ingestEvents({ db, actor: system }, events.slice(i, i + 1000), { source: "test", orgId: org.org.id });
  }
}

function tiered(org: TestOrg, overrides: Partial<CampaignDocument> = {}): CampaignDocument {
  return {
    name: "CSAT tiers",
    participants: { teams: [org.teamA.id, org.teamB.id] },
    schedule: { period: "month", from: "2026-01-01", to: "2026-03-31" },
    rule: {
      kind: "tiered",
      metric: "csat",
      op: "gte",
      fairness: { minSamples: 20, method: "raw" },
      tiers: [
        { value: 50, award: { type: "points", amount: 50 } },
        { value: 90, award: { type: "points", amount: 100 } },
        { value: 95, award: { type: "leave", minutes: 480 } },
      ],
    },
    approval: "auto",
    ...overrides,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  a = await makeOrg(db, "Campaigns A");
  b = await makeOrg(db, "Campaigns B");
  await seed(a);
});
afterAll(async () => {
  await database?.close();
});

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a refusal");
}

describe("campaign validation", () => {
  it("refuses tiers out of order, unknown KPIs, weights that add to nothing and empty prizes, each at its path", async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [
        { ...tiered(a), rule: { ...tiered(a).rule, tiers: [{ value: 90, award: { type: "points", amount: 1 } }, { value: 85, award: { type: "points", amount: 2 } }] } },
        "rule.tiers[1].value",
        /must be greater than rule\.tiers\[0\]\.value/,
      ],
      [{ ...tiered(a), rule: { kind: "threshold", metric: "happiness", op: "gte", target: 1, award: { type: "points", amount: 1 } } }, "rule.metric", /unknown KPI "happiness"/],
      [
        { ...tiered(a), rule: { kind: "rank", metric: "composite", composite: { normalize: "minmax", weights: { csat: 0, aht: 0 } }, top: 3, prizes: [{ type: "points", amount: 1 }], ties: "share" } },
        "rule.composite.weights",
        /add up to a positive number/,
      ],
      [{ ...tiered(a), rule: { kind: "rank", metric: "csat", top: 3, prizes: [], ties: "share" } }, "rule.prizes", /at least one prize/],
      [{ ...tiered(a), rule: { kind: "per_unit", metric: "csat", per: 1, award: { type: "points", amount: 1 } } }, "rule.metric", /count KPI/],
      [{ ...tiered(a), schedule: { period: "month", from: "2026-02-01", to: "2026-01-01" } }, "schedule.to", /before schedule\.from/],
      [{ ...tiered(a), rule: { ...tiered(a).rule, tier: [] } }, "rule", /Unrecognized key/i],
      [{ ...tiered(a), participants: { agents: ["nobody-here"] } }, "participants.agents[0]", /no agent with external id "nobody-here"/],
    ];
    for (const [body, path, message] of cases) {
      const err = await refusal(createCampaign(ctxOf(a.actors.admin), body));
      expect(err, path).toBeInstanceOf(ValidationError);
      const issue = (err as ValidationError).issues.find((i) => i.path === path);
      expect(issue?.message, `${path} in ${JSON.stringify((err as ValidationError).issues)}`).toMatch(message);
    }
    expect(Number((await db.select({ n: count() }).from(campaigns).where(eq(campaigns.orgId, a.org.id)))[0]!.n)).toBe(0);
  });
});

describe("campaign versions and lifecycle", () => {
  it("edits a draft in place, versions every edit once launched, and keeps each version as it was", async () => {
    const admin = ctxOf(a.actors.admin);
    const { id: cid, version } = await createCampaign(admin, tiered(a));
    expect(version).toBe(1);
    const read = await getCampaign(admin, cid);
    expect(read).toMatchObject({ id: cid, version: 1, status: "draft", shadow: false, name: "CSAT tiers" });

    // GET → PUT round-trips: read-only fields are ignored
    expect(await updateCampaign(admin, cid, { ...read, name: "CSAT tiers (draft 2)" })).toEqual({ id: cid, version: 1, changed: true });
    expect(await updateCampaign(admin, cid, { ...read, name: "CSAT tiers (draft 2)" })).toEqual({ id: cid, version: 1, changed: false });

    expect(await launchCampaign(admin, cid)).toMatchObject({ status: "active", version: 1 });
    await expect(launchCampaign(admin, cid)).rejects.toBeInstanceOf(ConflictError);
    const v2 = await updateCampaign(admin, cid, { ...tiered(a), name: "CSAT tiers v2", shadow: true });
    expect(v2).toEqual({ id: cid, version: 2, changed: true });
    expect(await getCampaign(admin, cid)).toMatchObject({ version: 2, status: "active", shadow: true, name: "CSAT tiers v2" });

    const versions = await listCampaignVersions(admin, cid);
    expect(versions.map((v) => [v.version, v.document.name])).toEqual([
      [2, "CSAT tiers v2"],
      [1, "CSAT tiers (draft 2)"],
    ]);
    expect(versions[0]!.createdBy).toBe(a.actors.admin.email);

    const standings = await getCampaignStandings(admin, cid);
    expect(standings).toMatchObject({ campaignId: cid, version: 2, from: "2026-02-01", to: "2026-02-28", provisional: true });

    await archiveCampaign(admin, cid);
    await expect(updateCampaign(admin, cid, tiered(a))).rejects.toBeInstanceOf(ConflictError);
    expect(await getCampaign(admin, cid)).toMatchObject({ status: "archived" });

    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.targetId, cid)));
    expect(actions.map((r) => r.action).sort()).toEqual(["campaign.archive", "campaign.create", "campaign.launch", "campaign.update", "campaign.update"]);
  });

  it("launches a campaign that starts later as scheduled, and refuses one whose schedule has ended", async () => {
    const admin = ctxOf(a.actors.admin);
    const later = await createCampaign(admin, tiered(a, { schedule: { period: "month", from: "2026-04-01", to: "2026-06-30" } }));
    expect(await launchCampaign(admin, later.id)).toMatchObject({ status: "scheduled" });
    const past = await createCampaign(admin, tiered(a, { schedule: { period: "month", from: "2025-01-01", to: "2025-12-31" } }));
    const err = await refusal(launchCampaign(admin, past.id));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/schedule ended on 2025-12-31/);
  });

  it("validates a stored rule again when loading it, and fails closed with the paths", async () => {
    const admin = ctxOf(a.actors.admin);
    const { id: cid } = await createCampaign(admin, tiered(a));
    // a document that slipped past validation (an older version of the code, a manual edit)
    await db
      .update(campaignVersions)
      .set({ document: sql`jsonb_set(${campaignVersions.document}, '{rule,tiers,1,value}', '10')` })
      .where(eq(campaignVersions.campaignId, cid));
    const err = await refusal(getCampaignStandings(admin, cid, { from: "2026-01-01", to: "2026-01-31" }));
    expect(err).toBeInstanceOf(UnprocessableError);
    expect(err.message).toMatch(/rule\.tiers\[1\]\.value/);
    await expect(launchCampaign(admin, cid)).rejects.toBeInstanceOf(UnprocessableError);
    const listed = (await listCampaigns(admin)).find((c) => c.id === cid);
    expect(listed?.cost).toBeNull(); // a draft: not evaluated in the list
  });
});

describe("evaluation through the operations", () => {
  it("simulates with no side effects, and equals the standings of the same launched campaign", async () => {
    const admin = ctxOf(a.actors.admin);
    const before = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.orgId, a.org.id));
    const sim = await simulateCampaign(admin, { campaign: tiered(a), from: "2026-01-01", to: "2026-01-31" });
    expect(await db.select({ n: count() }).from(auditLog).where(eq(auditLog.orgId, a.org.id))).toEqual(before);

    const agentA = a.users.agent.externalId!;
    const agentB = a.users.agentB.externalId!;
    const rowA = sim.results.find((r) => r.agent === agentA)!;
    const rowB = sim.results.find((r) => r.agent === agentB)!;
    // A: 22 weekdays × 3 surveys, all top-two → 100% over 66 → the 95% tier pays a leave day
    expect(rowA).toMatchObject({ value: 100, n: 66, awards: [{ type: "leave", minutes: 480 }] });
    // B: 31 days × (5, 2) → 50% over 62 → the 50% tier
    expect(rowB).toMatchObject({ value: 50, n: 62, awards: [{ type: "points", amount: 50 }] });
    expect(sim.totals).toEqual({ points: 50, leaveMinutes: 480, cash: {} });
    // nobody else in the org takes part: the teams' agents only
    expect(sim.results.map((r) => r.agent).sort()).toEqual([agentA, agentB].sort());

    const { id: cid } = await createCampaign(admin, tiered(a));
    await launchCampaign(admin, cid);
    const standings = await getCampaignStandings(admin, cid, { from: "2026-01-01", to: "2026-01-31" });
    expect(standings.results).toEqual(sim.results);
    expect(standings.totals).toEqual(sim.totals);
  });

  it("reads the previous period for improvement and each day for streaks", async () => {
    const admin = ctxOf(a.actors.admin);
    const agentA = a.users.agent.externalId!;
    const improvement = await simulateCampaign(admin, {
      campaign: tiered(a, { rule: { kind: "threshold", metric: "csat", compare: "improvement", op: "gte", target: 40, award: { type: "points", amount: 10 } } }),
      from: "2026-01-01",
      to: "2026-01-31",
    });
    // December: 16 of 31 top-two (odd days) = 51.6%; January 100% → +48.4 points
    const rowA = improvement.results.find((r) => r.agent === agentA)!;
    expect(rowA.value).toBeCloseTo(100 - (16 / 31) * 100, 6);
    expect(rowA.awards).toEqual([{ type: "points", amount: 10 }]);

    const streak = await simulateCampaign(admin, {
      campaign: tiered(a, {
        rule: { kind: "streak", metric: "csat", every: "day", count: 5, condition: { metric: "csat", op: "gte", value: 90, minSamples: 2 }, award: { type: "points", amount: 100 } },
      }),
      from: "2026-01-01",
      to: "2026-01-31",
    });
    // A works every weekday with 100%: weekends are days off (no data), so January is one run of 22 days → 4 streaks
    const streakA = streak.results.find((r) => r.agent === agentA)!;
    expect(streakA.awards).toEqual([{ type: "points", amount: 400 }]);
    // B never reaches 90% on a day
    expect(streak.results.find((r) => r.agent !== agentA)!.awards).toEqual([]);
  });

  it("replays a monthly campaign period by period with fairness analytics", async () => {
    const admin = ctxOf(a.actors.admin);
    const replay = await replayCampaign(admin, { campaign: tiered(a), from: "2025-12-01", to: "2026-01-31" });
    expect(replay.periods.map((p) => [p.period.from, p.period.to])).toEqual([
      ["2025-12-01", "2025-12-31"],
      ["2026-01-01", "2026-01-31"],
    ]);
    expect(replay.analytics.periods).toBe(2);
    expect(replay.analytics.participants).toBe(2);
    // December: both 51.6% over 31 → 50 points each; January: A a leave day, B 50 points
    expect(replay.analytics.totals).toEqual({ points: 150, leaveMinutes: 480, cash: {} });
    expect(replay.analytics.repeatWinners.map((t) => t.agent).sort()).toEqual([a.users.agent.externalId, a.users.agentB.externalId].sort());
  });
});

describe("my incentives", () => {
  it("shows an agent their active, visible campaigns with result, progress and explanation — nobody else's rows", async () => {
    const admin = ctxOf(a.actors.admin);
    const agentA = a.users.agent.externalId!;
    // February so far: agent A has 10 CSAT surveys, 9 of them top-two (90%)
    const feb = Array.from({ length: 10 }, (_, i) => ({ id: id("feb"), type: "survey", survey: "csat", agent: agentA, occurredAt: `2026-02-${String(i + 2).padStart(2, "0")}T10:00:00+08:00`, score: i === 0 ? 2 : 5 }));
    await ingestEvents({ db, actor: system }, feb, { source: "test", orgId: a.org.id });
    const threshold = tiered(a, {
      name: "CSAT 90",
      schedule: { period: "month", from: "2026-02-01", to: "2026-12-31" },
      rule: { kind: "threshold", metric: "csat", op: "gte", target: 90, fairness: { minSamples: 5, method: "raw" }, award: { type: "points", amount: 100 } },
    });
    const visible = await createCampaign(admin, threshold);
    await launchCampaign(admin, visible.id);
    const shadow = await createCampaign(admin, { ...threshold, name: "CSAT 90 (shadow)", shadow: true });
    await launchCampaign(admin, shadow.id);
    const draft = await createCampaign(admin, { ...threshold, name: "CSAT 90 (draft)" });
    const rank = await createCampaign(admin, tiered(a, { name: "Top CSAT", schedule: threshold.schedule, rule: { kind: "rank", metric: "csat", top: 1, prizes: [{ type: "points", amount: 10 }], ties: "all" } }));
    await launchCampaign(admin, rank.id);

    const mine = await getMyIncentives(ctxOf(a.actors.agent));
    expect(mine.today).toBe("2026-02-15");
    const names = mine.incentives.map((i) => i.campaign.name);
    expect(names).toContain("CSAT 90");
    expect(names).not.toContain("CSAT 90 (shadow)");
    expect(names).not.toContain("CSAT 90 (draft)");
    expect(mine.incentives.map((i) => i.campaign.id)).not.toContain(draft.id);

    const csat = mine.incentives.find((i) => i.campaign.id === visible.id)!;
    expect(csat.period).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(csat.pace).toEqual({ elapsedDays: 15, totalDays: 28 });
    expect(csat.result).toMatchObject({ agent: agentA, value: 90, n: 10, awards: [{ type: "points", amount: 100 }], status: "awarded" });
    expect(csat.result!.explanation.outcome).toMatchObject({ kind: "threshold", target: 90, reached: true });
    // 9 of 10: one more low rating in the next 10 keeps 18 of 20 = 90%, two would not
    expect(csat.progress).toMatchObject({ current: 90, target: 90, reached: true, fraction: 1, needed: { kind: "max_misses", misses: 1, within: 10 } });

    const top = mine.incentives.find((i) => i.campaign.id === rank.id)!;
    expect(top.standing).toEqual({ participants: 2, ranked: 1, places: 1, cutoff: 90 });
    expect(top.result).toMatchObject({ rank: 1, awards: [{ type: "points", amount: 10 }] });
    expect(JSON.stringify(mine)).not.toContain(a.users.agentB.externalId!); // only one's own row leaves

    // agent B takes part too, without data this month: not enough data, and what is needed first
    const theirs = await getMyIncentives(ctxOf(a.actors.agentB));
    const b90 = theirs.incentives.find((i) => i.campaign.id === visible.id)!;
    expect(b90.result).toMatchObject({ status: "not_enough_data", awards: [] });
    expect(b90.progress?.needed).toEqual({ kind: "more_samples", samples: 5 });
    // people who are not agents have no incentives
    expect((await getMyIncentives(ctxOf(a.actors.hr))).incentives).toEqual([]);
  });
});

describe("campaign access", () => {
  it("lets a manager run campaigns of their own teams only", async () => {
    const manager = ctxOf(a.actors.manager);
    const own = await createCampaign(manager, tiered(a, { participants: { teams: [a.teamA.id] } }));
    expect(await getCampaign(manager, own.id)).toMatchObject({ id: own.id });
    await expect(createCampaign(manager, tiered(a))).rejects.toBeInstanceOf(ForbiddenError); // team B too
    await expect(createCampaign(manager, tiered(a, { participants: {} }))).rejects.toBeInstanceOf(ForbiddenError); // everyone
    const hrs = await createCampaign(ctxOf(a.actors.hr), tiered(a));
    await expect(getCampaign(manager, hrs.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listCampaigns(manager)).map((c) => c.id)).not.toContain(hrs.id);
    await expect(updateCampaign(manager, own.id, tiered(a))).rejects.toBeInstanceOf(ForbiddenError); // widening to team B
    await expect(simulateCampaign(ctxOf(a.actors.agent), { campaign: tiered(a), from: "2026-01-01", to: "2026-01-31" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("never reaches another organization's campaign", async () => {
    const { id: cid } = await createCampaign(ctxOf(a.actors.admin), tiered(a));
    await expect(getCampaign(ctxOf(b.actors.admin), cid)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCampaign(ctxOf(b.actors.admin), cid, tiered(b))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCampaignStandings(ctxOf(b.actors.admin), cid)).rejects.toBeInstanceOf(NotFoundError);
    // org A's team ids mean nothing in org B
    const err = await refusal(createCampaign(ctxOf(b.actors.admin), tiered(a)));
    expect((err as ValidationError).issues[0]).toMatchObject({ path: "participants.teams[0]" });
  });
});
