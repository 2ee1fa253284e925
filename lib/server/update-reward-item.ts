import { findRewardItem, updateRewardItemRow } from "@/db/queries/rewards";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { rewardItemUpdateSchema } from "@/lib/schemas/rewards";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";

/**
 * Changes a catalog item: only the fields given (HR, admins). `active: false` takes it out of the catalog; items are
 * never deleted, because redemptions keep pointing at them. Redemptions already made keep the name and cost they had.
 */
export async function updateRewardItem(ctx: Ctx, id: string, input: unknown): Promise<{ id: string }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "payouts.manage", { orgId });
  const changes = Object.fromEntries(Object.entries(parseInput(rewardItemUpdateSchema, input)).filter(([, v]) => v !== undefined));
  return ctx.db.transaction(async (tx) => {
    const before = await findRewardItem(tx, orgId, id, { forUpdate: true });
    if (!before) throw new NotFoundError("Reward not found");
    await updateRewardItemRow(tx, orgId, id, changes, nowOf(ctx));
    const old = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]]));
    const action = changes.active === false && before.active ? "reward_item.deactivate" : changes.active === true && !before.active ? "reward_item.activate" : "reward_item.update";
    await recordAudit(tx, ctx.actor, { orgId, action, targetType: "reward_item", targetId: id, before: old, after: changes });
    return { id };
  });
}
