import { randomUUID } from "node:crypto";
import { agentBalance, appendEntries, lockAgentLedger } from "@/db/queries/ledger";
import { findRewardItem, insertRedemption, takeFromStock } from "@/db/queries/rewards";
import type { RedemptionState } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import { redeemSchema } from "@/lib/schemas/rewards";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";

/** Why a redemption was refused, for the UI to say it in the reader's language (`details.reason`). */
export type RedeemRefusal =
  | { reason: "unavailable" }
  | { reason: "out_of_stock" }
  | { reason: "not_enough_points"; balance: number; cost: number };

/**
 * The signed-in person spends their own points on a catalog item (SPEC §6), all in one transaction: their ledger is
 * locked first, so two redemptions can never both pass the balance check; one is taken from a limited stock; the
 * debit entry and the redemption are written with the audit row. A refusal writes nothing. Items that need no approval
 * are fulfilled at once; the others wait for HR.
 */
export async function redeemReward(ctx: Ctx, input: unknown): Promise<{ id: string; state: RedemptionState; points: number; balance: number }> {
  const orgId = orgOf(ctx.actor);
  // Points are spent by their owner only: never by an API key or on someone else's behalf.
  if (ctx.actor.kind !== "user") throw new ForbiddenError("Only a signed-in person can redeem their own points");
  const agentId = ctx.actor.userId;
  authorize(ctx.actor, "self.view", { orgId, ownerUserId: agentId });
  const { itemId } = parseInput(redeemSchema, input);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    await lockAgentLedger(tx, orgId, agentId);
    const item = await findRewardItem(tx, orgId, itemId, { forUpdate: true });
    if (!item) throw new NotFoundError("Reward not found");
    if (!item.active) throw new ConflictError("This reward is no longer available", { reason: "unavailable" } satisfies RedeemRefusal);
    if (item.stock !== null && item.stock <= 0) throw new ConflictError("Out of stock", { reason: "out_of_stock" } satisfies RedeemRefusal);
    const balance = await agentBalance(tx, orgId, agentId, "points");
    if (balance < item.pointsCost) {
      throw new UnprocessableError(`You have ${balance} points; this reward costs ${item.pointsCost}`, { reason: "not_enough_points", balance, cost: item.pointsCost } satisfies RedeemRefusal);
    }
    if (item.stock !== null && !(await takeFromStock(tx, orgId, item.id, now))) throw new ConflictError("Out of stock", { reason: "out_of_stock" } satisfies RedeemRefusal);

    // The id comes first so the debit can name its redemption, and a retried write of it is the same entry.
    const id = randomUUID();
    const [debit] = await appendEntries(tx, [
      { orgId, agentId, asset: "points", amount: -item.pointsCost, kind: "redemption", source: `redemption:${id}`, idempotencyKey: `redemption:${id}`, memo: item.name, createdAt: now },
    ]);
    const state: RedemptionState = item.requiresApproval ? "requested" : "fulfilled";
    await insertRedemption(tx, {
      id,
      orgId,
      itemId: item.id,
      itemName: item.name,
      agentId,
      points: item.pointsCost,
      state,
      debitEntryId: debit!.id,
      createdAt: now,
      decidedAt: state === "fulfilled" ? now : null,
    });
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: "reward.redeem",
      targetType: "redemption",
      targetId: id,
      after: { itemId: item.id, itemName: item.name, points: item.pointsCost, state, debitEntryId: debit!.id, stockLeft: item.stock === null ? null : item.stock - 1 },
    });
    return { id, state, points: item.pointsCost, balance: balance - item.pointsCost };
  });
}
