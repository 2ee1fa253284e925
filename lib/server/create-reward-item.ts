import { insertRewardItem } from "@/db/queries/rewards";
import { authorize, orgOf } from "@/lib/auth/policy";
import { rewardItemSchema } from "@/lib/schemas/rewards";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";

/** A new item in the rewards catalog (SPEC §6) → `{ id }`. HR and admins (payouts.manage). */
export async function createRewardItem(ctx: Ctx, input: unknown, opts: { orgId?: string } = {}): Promise<{ id: string }> {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "payouts.manage", { orgId });
  const values = { ...parseInput(rewardItemSchema, input), active: true };
  return ctx.db.transaction(async (tx) => {
    const item = await insertRewardItem(tx, orgId, values, nowOf(ctx));
    await recordAudit(tx, ctx.actor, { orgId, action: "reward_item.create", targetType: "reward_item", targetId: item.id, after: values });
    return { id: item.id };
  });
}
