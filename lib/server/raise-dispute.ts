import { disputes } from "@/db/schema";
import { findLine } from "@/db/queries/payouts";
import { authorize, orgOf } from "@/lib/auth/policy";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { raiseDisputeSchema } from "@/lib/schemas/payouts";
import { parseInput } from "@/lib/validation";
import { isUniqueViolation } from "@/db/errors";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";

/** An agent disputes one of their own lines, with a comment (SPEC §6). One open dispute per line at a time. */
export async function raiseDispute(ctx: Ctx, input: unknown): Promise<{ id: string }> {
  const orgId = orgOf(ctx.actor);
  if (ctx.actor.kind !== "user") throw new ForbiddenError("Only the agent a line pays can dispute it");
  const userId = ctx.actor.userId;
  const { lineId, comment } = parseInput(raiseDisputeSchema, input);
  const now = nowOf(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const line = await findLine(tx, orgId, lineId);
      // someone else's line is not found, exactly like another organization's
      if (!line || line.agentId !== userId) throw new NotFoundError("Payout line not found");
      authorize(ctx.actor, "self.view", { orgId, ownerUserId: line.agentId });
      const [row] = await tx.insert(disputes).values({ orgId, lineId, agentId: userId, comment, createdAt: now }).returning({ id: disputes.id });
      await recordAudit(tx, ctx.actor, { orgId, action: "dispute.open", targetType: "dispute", targetId: row!.id, after: { lineId, comment } });
      return { id: row!.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("This line already has an open dispute");
    throw err;
  }
}
