/**
 * The rewards catalog through the operations (SPEC §6): a redemption debits exactly the cost or writes nothing at all,
 * HR fulfils or rejects (points back by a reversal entry that names the debit, stock back), decisions happen once,
 * roles and organizations are kept apart, and the ledger itself refuses to be changed.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { sqlState } from "@/db/errors";
import { agentBalance, appendEntries } from "@/db/queries/ledger";
import { ledgerEntries, redemptions, rewardItems } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { createRewardItem } from "@/lib/server/create-reward-item";
import { fulfilRedemption } from "@/lib/server/fulfil-redemption";
import { listRedemptions } from "@/lib/server/list-redemptions";
import { listRewardItems } from "@/lib/server/list-reward-items";
import { redeemReward } from "@/lib/server/redeem-reward";
import { rejectRedemption } from "@/lib/server/reject-redemption";
import { seedRewards } from "@/lib/server/seed-rewards";
import { updateRewardItem } from "@/lib/server/update-reward-item";
import { auditOf } from "../helpers/audit";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg, type TestOrg } from "../helpers/fixtures";

let database: TestDatabase;
let db: Db;
let a: TestOrg;
let b: TestOrg;
let seq = 0;
const NOW = new Date("2026-03-10T04:00:00Z");
const ctxOf = (actor: UserActor) => ({ db, actor, now: () => NOW });

/** Points for a user, written the way an approved award is: an "award" entry. */
async function award(org: TestOrg, userId: string, points: number) {
  const key = `test-award:${seq++}`;
  await appendEntries(db, [{ orgId: org.org.id, agentId: userId, asset: "points", amount: points, kind: "award", source: key, idempotencyKey: key }]);
}

async function item(org: TestOrg, values: Record<string, unknown>) {
  return (await createRewardItem(ctxOf(org.actors.hr), { name: `Reward ${seq++}`, ...values })).id;
}

const stockOf = async (id: string) => (await db.select({ stock: rewardItems.stock }).from(rewardItems).where(eq(rewardItems.id, id)))[0]!.stock;
const entriesOf = (org: TestOrg, userId: string) =>
  db.select().from(ledgerEntries).where(and(eq(ledgerEntries.orgId, org.org.id), eq(ledgerEntries.agentId, userId)));
const redemptionsOf = (org: TestOrg, userId: string) =>
  db.select().from(redemptions).where(and(eq(redemptions.orgId, org.org.id), eq(redemptions.agentId, userId)));

/** Runs a refused step and checks that it wrote nothing: no redemption, no ledger entry, no audit row, stock as it was. */
async function refusedWithoutTrace(org: TestOrg, userId: string, itemId: string, step: () => Promise<unknown>): Promise<unknown> {
  const [entries, reds, stock] = [(await entriesOf(org, userId)).length, (await redemptionsOf(org, userId)).length, await stockOf(itemId)];
  const { error, entries: audit } = await auditOf(db, org.org.id, step);
  expect(error).toBeDefined();
  expect((await entriesOf(org, userId)).length).toBe(entries);
  expect((await redemptionsOf(org, userId)).length).toBe(reds);
  expect(await stockOf(itemId)).toBe(stock);
  expect(audit).toEqual([]);
  return error;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  a = await makeOrg(db, "Rewards A");
  b = await makeOrg(db, "Rewards B");
});
afterAll(async () => {
  await database?.close();
});

describe("redeeming a reward", () => {
  it("debits exactly the cost with a redemption entry, takes one from stock and waits for HR when it needs approval", async () => {
    const agent = a.users.agent.id;
    await award(a, agent, 700);
    const id = await item(a, { pointsCost: 500, stock: 3, requiresApproval: true });
    const { result, entries: audit } = await auditOf(db, a.org.id, () => redeemReward(ctxOf(a.actors.agent), { itemId: id }));
    expect(result).toMatchObject({ state: "requested", points: 500, balance: 200 });
    expect(await agentBalance(db, a.org.id, agent, "points")).toBe(200);
    expect(await stockOf(id)).toBe(2);

    const [redemption] = await db.select().from(redemptions).where(eq(redemptions.id, result!.id));
    expect(redemption).toMatchObject({ agentId: agent, itemId: id, points: 500, state: "requested", decidedAt: null });
    const [debit] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, redemption!.debitEntryId));
    expect(debit).toMatchObject({ agentId: agent, asset: "points", amount: -500, kind: "redemption", source: `redemption:${result!.id}`, idempotencyKey: `redemption:${result!.id}` });
    expect(audit.map((e) => [e.action, e.targetId])).toEqual([["reward.redeem", result!.id]]);
  });

  it("fulfils at once an item that needs no approval, and leaves unlimited stock unlimited", async () => {
    const agent = a.users.agentB.id;
    await award(a, agent, 100);
    const id = await item(a, { pointsCost: 40, stock: null, requiresApproval: false });
    const first = await redeemReward(ctxOf(a.actors.agentB), { itemId: id });
    const second = await redeemReward(ctxOf(a.actors.agentB), { itemId: id });
    expect([first.state, second.state]).toEqual(["fulfilled", "fulfilled"]);
    expect(await agentBalance(db, a.org.id, agent, "points")).toBe(20);
    expect(await stockOf(id)).toBeNull();
    const [row] = await db.select().from(redemptions).where(eq(redemptions.id, first.id));
    expect(row!.decidedAt).toEqual(NOW);
  });

  it("refuses more than the balance with the two figures, and writes nothing", async () => {
    const poor = await makeOrg(db, "Rewards poor");
    await award(poor, poor.users.agent.id, 120);
    const id = await item(poor, { pointsCost: 500, stock: 4 });
    const error = await refusedWithoutTrace(poor, poor.users.agent.id, id, () => redeemReward(ctxOf(poor.actors.agent), { itemId: id }));
    expect(error).toBeInstanceOf(UnprocessableError);
    expect((error as Error).message).toBe("You have 120 points; this reward costs 500");
    expect((error as UnprocessableError).details).toEqual({ reason: "not_enough_points", balance: 120, cost: 500 });
    expect(await agentBalance(db, poor.org.id, poor.users.agent.id, "points")).toBe(120);
  });

  it("refuses an item out of stock or taken out of the catalog, and writes nothing", async () => {
    const agent = a.users.agent.id;
    await award(a, agent, 1000);
    const soldOut = await item(a, { pointsCost: 10, stock: 0 });
    const error = await refusedWithoutTrace(a, agent, soldOut, () => redeemReward(ctxOf(a.actors.agent), { itemId: soldOut }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe("Out of stock");

    const lastOne = await item(a, { pointsCost: 10, stock: 1 });
    await redeemReward(ctxOf(a.actors.agent), { itemId: lastOne });
    expect(await stockOf(lastOne)).toBe(0);
    expect(await refusedWithoutTrace(a, agent, lastOne, () => redeemReward(ctxOf(a.actors.agent), { itemId: lastOne }))).toBeInstanceOf(ConflictError);

    const retired = await item(a, { pointsCost: 10 });
    await updateRewardItem(ctxOf(a.actors.hr), retired, { active: false });
    const gone = await refusedWithoutTrace(a, agent, retired, () => redeemReward(ctxOf(a.actors.agent), { itemId: retired }));
    expect(gone).toBeInstanceOf(ConflictError);
    expect((await listRewardItems(ctxOf(a.actors.agent))).items.map((i) => i.id)).not.toContain(retired);
    expect((await listRewardItems(ctxOf(a.actors.hr))).items.find((i) => i.id === retired)).toMatchObject({ active: false });
  });

  it("lets two concurrent redemptions spend the same points only once", async () => {
    const org = await makeOrg(db, "Rewards race");
    await award(org, org.users.agent.id, 500);
    const id = await item(org, { pointsCost: 400, requiresApproval: false });
    const results = await Promise.allSettled([redeemReward(ctxOf(org.actors.agent), { itemId: id }), redeemReward(ctxOf(org.actors.agent), { itemId: id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")?.reason).toBeInstanceOf(UnprocessableError);
    expect(await agentBalance(db, org.org.id, org.users.agent.id, "points")).toBe(100);
  });

  it("validates the item id and answers 404 for another organization's item", async () => {
    await expect(redeemReward(ctxOf(a.actors.agent), { itemId: "nope" })).rejects.toBeInstanceOf(ValidationError);
    const foreign = await item(b, { pointsCost: 1 });
    await award(a, a.users.agent.id, 10);
    await expect(redeemReward(ctxOf(a.actors.agent), { itemId: foreign })).rejects.toBeInstanceOf(NotFoundError);
    expect(await stockOf(foreign)).toBeNull();
  });
});

describe("deciding a redemption", () => {
  it("rejects with a reversal entry that names the debit, returns the points and the stock, once", async () => {
    const agent = a.users.agent.id;
    await award(a, agent, 300);
    const id = await item(a, { pointsCost: 250, stock: 2 });
    const before = await agentBalance(db, a.org.id, agent, "points");
    const redeemed = await redeemReward(ctxOf(a.actors.agent), { itemId: id });
    expect(await stockOf(id)).toBe(1);

    const { result, entries: audit } = await auditOf(db, a.org.id, () => rejectRedemption(ctxOf(a.actors.hr), redeemed.id, { note: "No tickets left this month" }));
    expect(result?.state).toBe("rejected");
    expect(await agentBalance(db, a.org.id, agent, "points")).toBe(before);
    expect(await stockOf(id)).toBe(2);
    const [row] = await db.select().from(redemptions).where(eq(redemptions.id, redeemed.id));
    expect(row).toMatchObject({ state: "rejected", note: "No tickets left this month", decidedBy: a.users.hr.id, reversalEntryId: result!.reversalEntryId });
    const [reversal] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, result!.reversalEntryId));
    expect(reversal).toMatchObject({ kind: "reversal", amount: 250, asset: "points", agentId: agent, correctsId: row!.debitEntryId, idempotencyKey: `redemption:${redeemed.id}:reversal` });
    expect(audit.map((e) => e.action)).toEqual(["redemption.reject"]);

    // the second decision, either way, is a conflict and changes nothing
    const entries = (await entriesOf(a, agent)).length;
    await expect(rejectRedemption(ctxOf(a.actors.hr), redeemed.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(fulfilRedemption(ctxOf(a.actors.admin), redeemed.id)).rejects.toThrow("This redemption is already rejected");
    expect((await entriesOf(a, agent)).length).toBe(entries);
    expect(await stockOf(id)).toBe(2);
  });

  it("fulfils a requested redemption, the points staying spent, once", async () => {
    const agent = a.users.agentB.id;
    await award(a, agent, 80);
    const before = await agentBalance(db, a.org.id, agent, "points");
    const id = await item(a, { pointsCost: 80, stock: 1 });
    const redeemed = await redeemReward(ctxOf(a.actors.agentB), { itemId: id });
    const { result, entries: audit } = await auditOf(db, a.org.id, () => fulfilRedemption(ctxOf(a.actors.admin), redeemed.id, { note: "Collect it at reception" }));
    expect(result).toEqual({ id: redeemed.id, state: "fulfilled" });
    expect(audit.map((e) => e.action)).toEqual(["redemption.fulfil"]);
    const [row] = await db.select().from(redemptions).where(eq(redemptions.id, redeemed.id));
    expect(row).toMatchObject({ state: "fulfilled", note: "Collect it at reception", decidedBy: a.users.admin.id, reversalEntryId: null });
    expect(await agentBalance(db, a.org.id, agent, "points")).toBe(before - 80);
    expect(await stockOf(id)).toBe(0);
    await expect(fulfilRedemption(ctxOf(a.actors.hr), redeemed.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(rejectRedemption(ctxOf(a.actors.hr), redeemed.id)).rejects.toThrow("This redemption is already fulfilled");
    expect(await agentBalance(db, a.org.id, agent, "points")).toBe(before - 80);
  });

  it("answers 404 for another organization's redemption", async () => {
    await award(b, b.users.agent.id, 10);
    const id = await item(b, { pointsCost: 10 });
    const foreign = await redeemReward(ctxOf(b.actors.agent), { itemId: id });
    await expect(fulfilRedemption(ctxOf(a.actors.hr), foreign.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(rejectRedemption(ctxOf(a.actors.hr), foreign.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRewardItem(ctxOf(a.actors.hr), id, { active: false })).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(redemptions).where(eq(redemptions.id, foreign.id));
    expect(row!.state).toBe("requested");
  });
});

describe("who may do what", () => {
  it("refuses agents and managers who fulfil, reject or manage the catalog (403)", async () => {
    await award(a, a.users.agent.id, 50);
    const id = await item(a, { pointsCost: 50 });
    const redeemed = await redeemReward(ctxOf(a.actors.agent), { itemId: id });
    for (const actor of [a.actors.agent, a.actors.manager]) {
      await expect(fulfilRedemption(ctxOf(actor), redeemed.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(rejectRedemption(ctxOf(actor), redeemed.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createRewardItem(ctxOf(actor), { name: "Free money", pointsCost: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateRewardItem(ctxOf(actor), id, { pointsCost: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listRedemptions(ctxOf(actor), { scope: "all" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const [row] = await db.select().from(redemptions).where(eq(redemptions.id, redeemed.id));
    expect(row!.state).toBe("requested");
  });

  it("shows each person only their own redemptions; HR sees the organization's queue by state", async () => {
    const mine = await listRedemptions(ctxOf(a.actors.agent));
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.agentId))).toEqual(new Set([a.users.agent.id]));
    const theirs = await listRedemptions(ctxOf(a.actors.agentB), { scope: "mine" });
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((r) => r.agentId === a.users.agentB.id)).toBe(true);

    const queue = await listRedemptions(ctxOf(a.actors.hr), { scope: "all", state: "requested" });
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((r) => r.state === "requested")).toBe(true);
    expect(new Set((await listRedemptions(ctxOf(a.actors.hr), { scope: "all" })).map((r) => r.agentId))).toEqual(new Set([a.users.agent.id, a.users.agentB.id]));
    // never another organization's
    const bQueue = await listRedemptions(ctxOf(b.actors.hr), { scope: "all" });
    expect(bQueue.length).toBeGreaterThan(0);
    expect(bQueue.every((r) => r.agentId === b.users.agent.id)).toBe(true);
  });

  it("shows agents active items and their balance, and HR every item", async () => {
    const catalog = await listRewardItems(ctxOf(a.actors.agent));
    expect(catalog.canManage).toBe(false);
    expect(catalog.balance).toBe(await agentBalance(db, a.org.id, a.users.agent.id, "points"));
    expect(catalog.items.every((i) => i.active)).toBe(true);
    expect((await listRewardItems(ctxOf(a.actors.hr))).canManage).toBe(true);
    expect((await listRewardItems(ctxOf(b.actors.hr))).items.every((i) => !catalog.items.some((c) => c.id === i.id))).toBe(true);
  });
});

describe("the catalog", () => {
  it("validates items with a message per field", async () => {
    const err = await createRewardItem(ctxOf(a.actors.hr), { name: "", pointsCost: "0", stock: "-1", description: "x".repeat(1001) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.fromEntries((err as ValidationError).issues.map((i) => [i.path, i.message]))).toEqual({
      name: "is required",
      pointsCost: "must be at least 1 point",
      stock: "must be 0 or more (leave it empty for unlimited)",
      description: "must be at most 1000 characters",
    });
    await expect(createRewardItem(ctxOf(a.actors.hr), { name: "Big", pointsCost: 1_000_001 })).rejects.toThrow("pointsCost: must be at most 1,000,000 points");
    await expect(createRewardItem(ctxOf(a.actors.hr), { name: "Half", pointsCost: "1.5" })).rejects.toThrow("pointsCost: must be a whole number");
  });

  it("audits updates with what changed", async () => {
    const id = await item(a, { pointsCost: 100, stock: 5 });
    const { entries } = await auditOf(db, a.org.id, () => updateRewardItem(ctxOf(a.actors.hr), id, { pointsCost: 120, stock: "" }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "reward_item.update", before: { pointsCost: 100, stock: 5 }, after: { pointsCost: 120, stock: null } });
    const { entries: off } = await auditOf(db, a.org.id, () => updateRewardItem(ctxOf(a.actors.hr), id, { active: false }));
    expect(off.map((e) => e.action)).toEqual(["reward_item.deactivate"]);
  });

  it("seeds the demo catalog once", async () => {
    const org = await makeOrg(db, "Rewards seed");
    expect(await seedRewards(db, org.org.id)).toBeGreaterThanOrEqual(8);
    expect(await seedRewards(db, org.org.id)).toBe(0);
    const items = (await listRewardItems(ctxOf(org.actors.hr))).items;
    expect(items.map((i) => i.name)).toContain("MYR 25 gift card");
    expect(items.some((i) => i.requiresApproval) && items.some((i) => !i.requiresApproval)).toBe(true);
  });
});

describe("the ledger", () => {
  it("refuses UPDATE and DELETE of its entries in the database itself", async () => {
    await award(a, a.users.agent.id, 5);
    const before = await agentBalance(db, a.org.id, a.users.agent.id, "points");
    for (const statement of [sql`update ledger_entries set amount = 0 where org_id = ${a.org.id}`, sql`delete from ledger_entries where org_id = ${a.org.id}`]) {
      const err = await db.execute(statement).then(() => null, (e: unknown) => e);
      expect(err).not.toBeNull();
      expect(sqlState(err)).toBe("42501");
    }
    expect(await agentBalance(db, a.org.id, a.users.agent.id, "points")).toBe(before);
  });
});
