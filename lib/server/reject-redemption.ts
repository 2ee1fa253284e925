import { appendEntries } from "@/db/queries/ledger";
import { decideRedemptionRow, returnToStock } from "@/db/queries/rewards";
import { authorize, orgOf } from "@/lib/auth/policy";
import { decideRedemptionSchema } from "@/lib/schemas/rewards";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import { requestedRedemption } from "./redemption-decision";

/**
 * HR turns down a requested reward (SPEC §6): the points come back by a reversal entry that names the debit (the
 * ledger is never changed), and a limited item gets its unit back. An optional note tells the agent why.
 */
export async function rejectRedemption(ctx: Ctx, id: string, input: unknown = {}): Promise<{ id: string; state: "rejected"; reversalEntryId: string }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "payouts.manage", { orgId });
  const { note } = parseInput(decideRedemptionSchema, input);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const redemption = await requestedRedemption(tx, orgId, id);
    const [reversal] = await appendEntries(tx, [
      {
        orgId,
        agentId: redemption.agentId,
        asset: "points",
        amount: redemption.points,
        kind: "reversal",
        source: `redemption:${redemption.id}`,
        idempotencyKey: `redemption:${redemption.id}:reversal`,
        correctsId: redemption.debitEntryId,
        memo: note ?? `rejected: ${redemption.itemName}`,
        createdAt: now,
      },
    ]);
    await returnToStock(tx, orgId, redemption.itemId, now);
    await decideRedemptionRow(tx, orgId, redemption.id, {
      state: "rejected",
      note: note ?? null,
      decidedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      decidedAt: now,
      reversalEntryId: reversal!.id,
    });
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: "redemption.reject",
      targetType: "redemption",
      targetId: redemption.id,
      before: { state: "requested" },
      after: { state: "rejected", note: note ?? null, agentId: redemption.agentId, itemName: redemption.itemName, points: redemption.points, reversalEntryId: reversal!.id },
    });
    return { id: redemption.id, state: "rejected" as const, reversalEntryId: reversal!.id };
  });
}
