import { listDisputes, type DisputeRow } from "@/db/queries/payouts";
import type { DisputeState } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { DISPUTE_STATES } from "@/db/schema/money";
import type { Ctx } from "./context";

/** The disputes queue for HR (SPEC §6), open ones by default. */
export async function listDisputeQueue(ctx: Ctx, opts: { state?: string } = {}): Promise<DisputeRow[]> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "payouts.manage", { orgId });
  const state = DISPUTE_STATES.find((s) => s === opts.state) ?? ("open" satisfies DisputeState);
  return listDisputes(ctx.db, orgId, { state });
}
