import { listRedemptionRows } from "@/db/queries/rewards";
import type { RedemptionState } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import { redemptionFilterSchema } from "@/lib/schemas/rewards";
import { parseInput } from "@/lib/validation";
import type { Ctx } from "./context";

export type RedemptionView = {
  id: string;
  itemId: string;
  itemName: string;
  agentId: string;
  agentName: string;
  points: number;
  state: RedemptionState;
  note: string | null;
  createdAt: string;
  decidedAt: string | null;
};

/**
 * Redemptions, newest first. `scope: "mine"` (the default): the signed-in person's own, for everyone. `scope: "all"`:
 * the organization's queue, optionally in one state, for HR and admins (payouts.manage) only.
 */
export async function listRedemptions(ctx: Ctx, input: unknown = {}): Promise<RedemptionView[]> {
  const orgId = orgOf(ctx.actor);
  const filter = parseInput(redemptionFilterSchema, input);
  let agentId: string | undefined;
  if (filter.scope === "all") authorize(ctx.actor, "payouts.manage", { orgId });
  else {
    if (ctx.actor.kind !== "user") throw new ForbiddenError("Only a signed-in person has their own redemptions");
    agentId = ctx.actor.userId;
    authorize(ctx.actor, "self.view", { orgId, ownerUserId: agentId });
  }
  const rows = await listRedemptionRows(ctx.db, orgId, { agentId, state: filter.state, limit: filter.limit });
  return rows.map((r) => ({
    id: r.id,
    itemId: r.itemId,
    itemName: r.itemName,
    agentId: r.agentId,
    agentName: r.agentName,
    points: r.points,
    state: r.state,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}
