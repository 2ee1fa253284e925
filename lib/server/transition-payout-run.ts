import { findRun, runBlockers, setRunState } from "@/db/queries/payouts";
import type { PayoutRunState } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { nextRunState, type RunAction } from "@/lib/domain/money/payout-states";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";

/** The moves HR makes by hand; `export` happens by exporting (export-payout-run.ts). */
export type ManualRunAction = Exclude<RunAction, "export">;

/**
 * Moves a payout run one step (SPEC §6): submit for review, back to draft, approve, mark paid. Approval needs every
 * line decided and no dispute open on the run's lines. Audited with who, when, before and after.
 */
export async function transitionPayoutRun(ctx: Ctx, id: string, action: ManualRunAction, opts: { orgId?: string } = {}): Promise<{ id: string; state: PayoutRunState }> {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "payouts.manage", { orgId });
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const run = await findRun(tx, orgId, id, { forUpdate: true });
    if (!run) throw new NotFoundError("Payout run not found");
    const next = nextRunState(run.state, action);
    if ("error" in next) throw new ConflictError(next.error);
    if (action === "approve") {
      const { pending, openDisputes } = await runBlockers(tx, run.id);
      if (pending > 0) throw new ConflictError(`${pending} line${pending === 1 ? " still waits" : "s still wait"} for approval: approve or reject ${pending === 1 ? "it" : "them"} first`);
      if (openDisputes > 0) throw new ConflictError(`${openDisputes} dispute${openDisputes === 1 ? " is" : "s are"} still open on this run: resolve ${openDisputes === 1 ? "it" : "them"} first`);
    }
    await setRunState(tx, run.id, next.to, now);
    await recordAudit(tx, ctx.actor, { orgId, action: `payout_run.${action}`, targetType: "payout_run", targetId: run.id, before: { state: run.state }, after: { state: next.to } });
    return { id: run.id, state: next.to };
  });
}
