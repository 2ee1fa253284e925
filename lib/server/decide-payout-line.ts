import { eq } from "drizzle-orm";
import { appendEntries } from "@/db/queries/ledger";
import { findLine, findRun } from "@/db/queries/payouts";
import { payoutLines, type LineStatus } from "@/db/schema";
import { authorize, lineApprovalScope, orgOf } from "@/lib/auth/policy";
import { linesEditable } from "@/lib/domain/money/payout-states";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { announceChange } from "@/lib/realtime/changes";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import { entryForLine } from "./payout-line-rows";

/**
 * Approves or rejects a pending line (SPEC §9: HR and admins any line; managers the non-cash lines of their own
 * teams, unless the campaign's approval is "hr"). Approval writes the line's ledger entry; rejection writes none. Lines of an approved run are final.
 */
export async function decidePayoutLine(
  ctx: Ctx,
  id: string,
  decision: "approve" | "reject",
  opts: { orgId?: string; /** the run the line must belong to (the API names both) */ runId?: string } = {},
): Promise<{ id: string; status: LineStatus }> {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "awards.approve", { orgId });
  const now = nowOf(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const line = await findLine(tx, orgId, id, { forUpdate: true });
    if (!line || (opts.runId !== undefined && line.runId !== opts.runId)) throw new NotFoundError("Payout line not found");
    authorize(ctx.actor, "awards.approve", lineApprovalScope(orgId, line));
    if (line.status !== "pending") throw new ConflictError(`This line is already ${line.status}`);
    if (line.runId) {
      const run = await findRun(tx, orgId, line.runId);
      if (run && !linesEditable(run.state)) throw new ConflictError(`The payout run is ${run.state.replace("_", " ")}: its lines can no longer change`);
    }
    const status: LineStatus = decision === "approve" ? "approved" : "rejected";
    let ledgerEntryId: string | null = null;
    if (status === "approved") {
      const corrected = line.correctsLineId ? await findLine(tx, orgId, line.correctsLineId) : undefined;
      const entry = entryForLine(line, corrected?.ledgerEntryId ?? null, now);
      if (entry) ledgerEntryId = (await appendEntries(tx, [entry]))[0]!.id;
    }
    const decidedBy = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    await tx.update(payoutLines).set({ status, ledgerEntryId, decidedBy, decidedAt: now }).where(eq(payoutLines.id, line.id));
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: `payout_line.${decision}`,
      targetType: "payout_line",
      targetId: line.id,
      before: { status: line.status },
      after: { status, amount: line.amount, awardType: line.awardType, currency: line.currency, ledgerEntryId },
    });
    return { id: line.id, status };
  });
  announceChange(ctx.db, orgId); // committed: points boards move
  return result;
}
