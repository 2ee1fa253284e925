/**
 * Employee of the month (SPEC §8.2): a recognition campaign shortlists the best each period, the manager picks the
 * winner from the shortlist, and the close pays the award to the pick — once, and the pick is frozen after it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { ConflictError, ForbiddenError, UnprocessableError, ValidationError } from "@/lib/errors";
import { closePeriod } from "@/lib/server/close-period";
import { createCampaign } from "@/lib/server/create-campaign";
import { getCampaignStandings } from "@/lib/server/get-campaign-standings";
import { getPayoutRun } from "@/lib/server/get-payout-run";
import { ingestEvents } from "@/lib/server/ingest-events";
import { launchCampaign } from "@/lib/server/launch-campaign";
import { listAudit } from "@/lib/server/list-audit";
import { getRecognitionPicks } from "@/lib/server/get-recognition-picks";
import { pickRecognitionWinner } from "@/lib/server/pick-recognition-winner";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

let database: TestDatabase;
let db: Db;
let o: TestOrg;
let campaignId: string;
// "Today": 10 February 2026 in Kuala Lumpur: January has ended and waits for its pick; February runs.
const NOW = new Date("2026-02-10T04:00:00Z");
type AnyActor = TestOrg["actors"][keyof TestOrg["actors"]];
const ctxOf = (actor: AnyActor) => ({ db, actor, now: () => NOW });
const JANUARY = { from: "2026-01-01", to: "2026-01-31" };

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  o = await makeOrg(db, "Recognition");
  // January: agent a 3 CSAT surveys a day, all 5 (100 %); agent b 2 a day, 5 and 2 (50 %)
  const events: Record<string, unknown>[] = [];
  for (let d = 1; d <= 28; d++) {
    const day = `2026-01-${String(d).padStart(2, "0")}`;
    for (const k of [1, 2, 3]) events.push({ id: `r-a-${d}-${k}`, type: "survey", survey: "csat", agent: o.users.agent.externalId, occurredAt: `${day}T0${k}:00:00+08:00`, score: 5 });
    for (const [k, score] of [5, 2].entries()) events.push({ id: `r-b-${d}-${k}`, type: "survey", survey: "csat", agent: o.users.agentB.externalId, occurredAt: `${day}T1${k}:00:00+08:00`, score });
  }
  await ingestEvents({ db, actor: system }, events, { source: "test", orgId: o.org.id });
  const doc: CampaignDocument = {
    name: "Employee of the month",
    participants: { teams: [o.teamA.id, o.teamB.id] },
    schedule: { period: "month", from: "2026-01-01", to: "2026-12-31" },
    rule: { kind: "recognition", metric: "csat", fairness: { minSamples: 10, method: "raw" }, shortlist: 2, award: { type: "points", amount: 300 } },
    approval: "auto",
  };
  campaignId = (await createCampaign(ctxOf(o.actors.admin), doc)).id;
  await launchCampaign(ctxOf(o.actors.admin), campaignId);
});
afterAll(async () => {
  await database?.close();
});

describe("employee of the month", () => {
  it("lists the current period and the ended one with their shortlists, nobody picked yet", async () => {
    const view = await getRecognitionPicks(ctxOf(o.actors.hr), campaignId);
    expect(view).toMatchObject({ name: "Employee of the month", shortlistSize: 2, award: { type: "points", amount: 300 } });
    expect(view.periods.map((p) => [p.from, p.to, p.state])).toEqual([
      ["2026-02-01", "2026-02-28", "open"],
      ["2026-01-01", "2026-01-31", "ended"],
    ]);
    const january = view.periods[1]!;
    expect(january.shortlist.map((s) => [s.agent, s.rank, s.picked, s.awards])).toEqual([
      [o.users.agent.externalId, 1, false, []],
      [o.users.agentB.externalId, 2, false, []],
    ]);
    expect(january.pick).toBeNull();
    expect(view.periods[0]!.shortlist).toEqual([]); // no February data yet
  });

  it("refuses picks that are not the manager's to make, not on the shortlist, or not of a period of the campaign", async () => {
    const pick = (actor: AnyActor, input: unknown) => pickRecognitionWinner(ctxOf(actor), campaignId, input);
    const b = o.users.agentB.externalId!;
    expect(await refusal(pick(o.actors.agent, { ...JANUARY, agent: b }))).toBeInstanceOf(ForbiddenError);
    // the manager runs team A only; this campaign covers teams A and B
    expect(await refusal(pick(o.actors.manager, { ...JANUARY, agent: b }))).toBeInstanceOf(ForbiddenError);
    const nobody = await refusal(pick(o.actors.hr, { ...JANUARY, agent: "nobody" }));
    expect(nobody).toBeInstanceOf(UnprocessableError);
    expect(nobody.message).toMatch(/nobody is not on the shortlist of 2026-01-01 – 2026-01-31/);
    const notAPeriod = await refusal(pick(o.actors.hr, { from: "2026-01-02", to: "2026-01-31", agent: b }));
    expect(notAPeriod).toBeInstanceOf(ValidationError);
    expect(notAPeriod.message).toMatch(/^from: is not the start of one of this campaign's periods/);
    expect(await refusal(pick(o.actors.hr, { from: "2026-03-01", to: "2026-03-31", agent: b }))).toBeInstanceOf(ConflictError);
    expect((await refusal(pick(o.actors.hr, { from: "2026-01-01", agent: b }))).message).toMatch(/to: is required/);
    const other = await makeOrg(db, "Recognition other");
    expect(await refusal(pick(other.actors.admin, { ...JANUARY, agent: b }))).toBeInstanceOf(Error); // another organization's campaign: not found
  });

  it("pays the pick at the close, and freezes the pick once its pay period is closed", async () => {
    const b = o.users.agentB.externalId!;
    const picked = await pickRecognitionWinner(ctxOf(o.actors.hr), campaignId, { ...JANUARY, agent: b, reason: "Covered the billing queue all month" });
    expect(picked.pick).toMatchObject({ agent: b, name: "agent b", reason: "Covered the billing queue all month" });
    expect(picked.shortlist.find((s) => s.agent === b)).toMatchObject({ picked: true, awards: [{ type: "points", amount: 300 }] });
    // changing one's mind is fine until the close; the standings follow the pick
    await pickRecognitionWinner(ctxOf(o.actors.admin), campaignId, { ...JANUARY, agent: o.users.agent.externalId });
    await pickRecognitionWinner(ctxOf(o.actors.admin), campaignId, { ...JANUARY, agent: b });
    const standings = await getCampaignStandings(ctxOf(o.actors.hr), campaignId, JANUARY);
    expect(standings.results.filter((r) => r.awards.length > 0).map((r) => r.agent)).toEqual([b]);
    const audit = await listAudit(ctxOf(o.actors.admin), { action: "campaign.recognition_pick" });
    expect(audit.entries.length).toBe(3);

    const { payoutRunId } = await closePeriod(ctxOf(o.actors.hr), JANUARY);
    const run = await getPayoutRun(ctxOf(o.actors.hr), payoutRunId);
    expect(run.lines.map((l) => [l.agentName, l.campaignName, l.awardType, l.amount, l.status])).toEqual([["agent b", "Employee of the month", "points", 300, "approved"]]);
    const after = await refusal(pickRecognitionWinner(ctxOf(o.actors.hr), campaignId, { ...JANUARY, agent: o.users.agent.externalId }));
    expect(after).toBeInstanceOf(ConflictError);
    expect(after.message).toMatch(/is closed: the pick can no longer change/);
    expect((await getRecognitionPicks(ctxOf(o.actors.hr), campaignId)).periods[1]).toMatchObject({ state: "closed", pick: { agent: b } });
  });

  it("has nothing to pick in campaigns of other kinds", async () => {
    const { id } = await createCampaign(ctxOf(o.actors.admin), {
      name: "Not recognition",
      participants: { teams: [o.teamA.id] },
      schedule: { period: "month", from: "2026-01-01", to: "2026-12-31" },
      rule: { kind: "threshold", metric: "csat", op: "gte", target: 90, award: { type: "points", amount: 1 } },
      approval: "auto",
    });
    expect(await refusal(getRecognitionPicks(ctxOf(o.actors.hr), id))).toBeInstanceOf(UnprocessableError);
  });
});
