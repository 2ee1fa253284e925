import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { appendEntries } from "@/db/queries/ledger";
import { findDispute, findLine, findRun } from "@/db/queries/payouts";
import { disputes, payoutLines, type DisputeState } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { linesEditable } from "@/lib/domain/money/payout-states";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { resolveDisputeSchema } from "@/lib/schemas/payouts";
import { parseInput } from "@/lib/validation";
import { announceChange } from "@/lib/realtime/changes";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import { entryForLine } from "./payout-line-rows";

/**
 * HR resolves an open dispute (SPEC §6). Accepted: an adjustment line of the given signed amount, in the disputed
 * line's unit, for the same agent, campaign and period, approved with its ledger entry; it goes into the disputed
 * line's run while that run is still in draft or review, otherwise into the next payout run. Rejected: nothing is
 * paid. Both keep HR's comment.
 */
export async function resolveDispute(ctx: Ctx, id: string, input: unknown): Promise<{ id: string; state: DisputeState; adjustmentLineId: string | null }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "payouts.manage", { orgId });
  const decision = parseInput(resolveDisputeSchema, input);
  const now = nowOf(ctx);
  const resolvedBy = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  const result = await ctx.db.transaction(async (tx) => {
    const dispute = await findDispute(tx, orgId, id, { forUpdate: true });
    if (!dispute) throw new NotFoundError("Dispute not found");
    if (dispute.state !== "open") throw new ConflictError(`This dispute is already ${dispute.state}`);
    const line = (await findLine(tx, orgId, dispute.lineId))!;
    let adjustmentLineId: string | null = null;
    if (decision.decision === "accept") {
      const run = line.runId ? await findRun(tx, orgId, line.runId) : undefined;
      const runId = run && linesEditable(run.state) ? run.id : null;
      adjustmentLineId = randomUUID();
      const adjustment = {
        id: adjustmentLineId,
        orgId,
        runId,
        periodId: line.periodId,
        lineType: "adjustment" as const,
        agentId: line.agentId,
        campaignId: line.campaignId,
        campaignName: line.campaignName,
        campaignVersion: line.campaignVersion,
        awardType: line.awardType,
        amount: decision.amount,
        currency: line.currency,
        label: line.label,
        status: "approved" as const,
        approval: "hr",
        teamIds: line.teamIds,
        explanation: null,
        reason: `dispute accepted: ${decision.comment}`,
        correctsLineId: line.id,
        decidedBy: resolvedBy,
        decidedAt: now,
        createdAt: now,
      };
      const entry = entryForLine(adjustment, line.ledgerEntryId, now);
      const ledgerEntryId = entry ? (await appendEntries(tx, [entry]))[0]!.id : null;
      await tx.insert(payoutLines).values({ ...adjustment, ledgerEntryId });
    }
    const state: DisputeState = decision.decision === "accept" ? "accepted" : "rejected";
    await tx.update(disputes).set({ state, resolution: decision.comment, adjustmentLineId, resolvedBy, resolvedAt: now }).where(eq(disputes.id, dispute.id));
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: `dispute.${decision.decision}`,
      targetType: "dispute",
      targetId: dispute.id,
      before: { state: "open" },
      after: { state, comment: decision.comment, ...(decision.decision === "accept" ? { amount: decision.amount, adjustmentLineId } : {}) },
    });
    return { id: dispute.id, state, adjustmentLineId };
  });
  announceChange(ctx.db, orgId); // committed: points boards move
  return result;
}
