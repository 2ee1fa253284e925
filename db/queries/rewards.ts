import { and, asc, count, desc, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { redemptions, rewardItems, users, type Redemption, type RedemptionState, type RewardItem } from "../schema";
import { isUuid } from "./rows";


export type RewardItemValues = Pick<RewardItem, "name" | "description" | "pointsCost" | "stock" | "requiresApproval" | "active">;

export async function findRewardItem(q: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<RewardItem | undefined> {
  if (!isUuid(id)) return undefined;
  const base = q.select().from(rewardItems).where(and(eq(rewardItems.orgId, orgId), eq(rewardItems.id, id)));
  const [row] = opts.forUpdate ? await base.for("update") : await base;
  return row;
}

/** The catalog, by name (reward_items_org_idx); `activeOnly` for what agents may redeem. */
export async function listRewardItemRows(q: Queryable, orgId: string, opts: { activeOnly?: boolean } = {}): Promise<RewardItem[]> {
  const where = opts.activeOnly ? and(eq(rewardItems.orgId, orgId), eq(rewardItems.active, true)) : eq(rewardItems.orgId, orgId);
  return q.select().from(rewardItems).where(where).orderBy(asc(rewardItems.name), asc(rewardItems.id));
}

export async function countRewardItems(q: Queryable, orgId: string): Promise<number> {
  const [row] = await q.select({ n: count() }).from(rewardItems).where(eq(rewardItems.orgId, orgId));
  return Number(row?.n ?? 0);
}

export async function insertRewardItem(q: Queryable, orgId: string, values: RewardItemValues, now: Date): Promise<RewardItem> {
  const [row] = await q.insert(rewardItems).values({ orgId, ...values, createdAt: now, updatedAt: now }).returning();
  return row!;
}

export async function updateRewardItemRow(q: Queryable, orgId: string, id: string, values: Partial<RewardItemValues>, now: Date): Promise<RewardItem> {
  const [row] = await q
    .update(rewardItems)
    .set({ ...values, updatedAt: now })
    .where(and(eq(rewardItems.orgId, orgId), eq(rewardItems.id, id)))
    .returning();
  return row!;
}

/**
 * Takes one from a limited stock, in the statement itself (`stock > 0`), so two redemptions can never take the last
 * one twice. → false when none was left. Items with unlimited stock (null) are not touched.
 */
export async function takeFromStock(q: Queryable, orgId: string, id: string, now: Date): Promise<boolean> {
  const rows = await q
    .update(rewardItems)
    .set({ stock: sql`${rewardItems.stock} - 1`, updatedAt: now })
    .where(and(eq(rewardItems.orgId, orgId), eq(rewardItems.id, id), gt(rewardItems.stock, 0)))
    .returning({ id: rewardItems.id });
  return rows.length === 1;
}

/** Puts one back (a rejected redemption); unlimited items stay unlimited. */
export async function returnToStock(q: Queryable, orgId: string, id: string, now: Date): Promise<void> {
  await q
    .update(rewardItems)
    .set({ stock: sql`${rewardItems.stock} + 1`, updatedAt: now })
    .where(and(eq(rewardItems.orgId, orgId), eq(rewardItems.id, id), isNotNull(rewardItems.stock)));
}

export async function insertRedemption(q: Queryable, values: typeof redemptions.$inferInsert): Promise<Redemption> {
  const [row] = await q.insert(redemptions).values(values).returning();
  return row!;
}

export async function findRedemption(q: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<Redemption | undefined> {
  if (!isUuid(id)) return undefined;
  const base = q.select().from(redemptions).where(and(eq(redemptions.orgId, orgId), eq(redemptions.id, id)));
  const [row] = opts.forUpdate ? await base.for("update") : await base;
  return row;
}

export type RedemptionRow = Redemption & { agentName: string; agentEmail: string };

/**
 * Redemptions newest first, with who redeemed; one agent's (redemptions_agent_idx) or the organization's queue,
 * optionally in one state (redemptions_org_idx).
 */
export async function listRedemptionRows(
  q: Queryable,
  orgId: string,
  filter: { agentId?: string; state?: RedemptionState; limit: number },
): Promise<RedemptionRow[]> {
  const conds = [eq(redemptions.orgId, orgId)];
  if (filter.agentId) conds.push(eq(redemptions.agentId, filter.agentId));
  if (filter.state) conds.push(eq(redemptions.state, filter.state));
  const rows = await q
    .select({ redemption: redemptions, agentName: users.name, agentEmail: users.email })
    .from(redemptions)
    .innerJoin(users, eq(users.id, redemptions.agentId))
    .where(and(...conds))
    .orderBy(desc(redemptions.createdAt), desc(redemptions.id))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r.redemption, agentName: r.agentName, agentEmail: r.agentEmail }));
}

export async function decideRedemptionRow(
  q: Queryable,
  orgId: string,
  id: string,
  values: { state: Exclude<RedemptionState, "requested">; note: string | null; decidedBy: string | null; decidedAt: Date; reversalEntryId?: string | null },
): Promise<Redemption> {
  const [row] = await q
    .update(redemptions)
    .set(values)
    .where(and(eq(redemptions.orgId, orgId), eq(redemptions.id, id), eq(redemptions.state, "requested")))
    .returning();
  return row!;
}
