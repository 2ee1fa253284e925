import { decideRedemptionRow } from "@/db/queries/rewards";
import { authorize, orgOf } from "@/lib/auth/policy";
import { decideRedemptionSchema } from "@/lib/schemas/rewards";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import { requestedRedemption } from "./redemption-decision";

/** HR hands over a requested reward (SPEC §6): the points stay spent. An optional note is shown to the agent. */
export async function fulfilRedemption(ctx: Ctx, id: string, input: unknown = {}): Promise<{ id: string; state: "fulfilled" }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "payouts.manage", { orgId });
  const { note } = parseInput(decideRedemptionSchema, input);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const redemption = await requestedRedemption(tx, orgId, id);
    await decideRedemptionRow(tx, orgId, redemption.id, { state: "fulfilled", note: note ?? null, decidedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null, decidedAt: now });
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: "redemption.fulfil",
      targetType: "redemption",
      targetId: redemption.id,
      before: { state: "requested" },
      after: { state: "fulfilled", note: note ?? null, agentId: redemption.agentId, itemName: redemption.itemName, points: redemption.points },
    });
    return { id: redemption.id, state: "fulfilled" as const };
  });
}
