import { lineConditions, runLines, type LineRow } from "@/db/queries/payouts";
import { authorize, can, lineApprovalScope, orgOf } from "@/lib/auth/policy";
import type { Ctx } from "./context";

/**
 * Lines waiting for approval that this person may decide (SPEC §9): HR and admins every one; managers the non-cash
 * lines of agents in their teams, except those of campaigns whose approval is HR's.
 */
export async function listApprovals(ctx: Ctx): Promise<LineRow[]> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "awards.approve", { orgId });
  const lines = await runLines(ctx.db, orgId, lineConditions.status("pending"));
  return lines.filter((l) => can(ctx.actor, "awards.approve", lineApprovalScope(orgId, l)));
}
