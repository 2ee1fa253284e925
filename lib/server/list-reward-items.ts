import { agentBalance } from "@/db/queries/ledger";
import { listRewardItemRows } from "@/db/queries/rewards";
import type { RewardItem } from "@/db/schema";
import { authorize, can, orgOf } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import type { Ctx } from "./context";

export type RewardItemView = Pick<RewardItem, "id" | "name" | "description" | "pointsCost" | "stock" | "requiresApproval" | "active">;

export type RewardCatalog = {
  items: RewardItemView[];
  /** The signed-in person's points balance: the sum of their ledger entries. */
  balance: number;
  /** HR and admins manage the catalog and see inactive items too. */
  canManage: boolean;
};

/** The rewards catalog as the signed-in person sees it: active items and their own points (SPEC §6); HR sees all items. */
export async function listRewardItems(ctx: Ctx): Promise<RewardCatalog> {
  const orgId = orgOf(ctx.actor);
  if (ctx.actor.kind !== "user") throw new ForbiddenError("The rewards catalog is for signed-in people");
  const userId = ctx.actor.userId;
  authorize(ctx.actor, "self.view", { orgId, ownerUserId: userId });
  const canManage = can(ctx.actor, "payouts.manage", { orgId });
  const [rows, balance] = await Promise.all([listRewardItemRows(ctx.db, orgId, { activeOnly: !canManage }), agentBalance(ctx.db, orgId, userId, "points")]);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, description: r.description, pointsCost: r.pointsCost, stock: r.stock, requiresApproval: r.requiresApproval, active: r.active })),
    balance,
    canManage,
  };
}
