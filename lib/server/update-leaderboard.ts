import { findLeaderboard, updateLeaderboardRow } from "@/db/queries/leaderboards";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import type { LeaderboardInput } from "@/lib/schemas/leaderboards";
import { announceChange } from "@/lib/realtime/changes";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import { leaderboardValues } from "./leaderboard-input";

/** Changes a board's definition; open views recompute with it at once. */
export async function updateLeaderboard(ctx: Ctx, id: string, input: LeaderboardInput | unknown): Promise<{ id: string }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "leaderboards.manage", { orgId });
  const result = await ctx.db.transaction(async (tx) => {
    const before = await findLeaderboard(tx, orgId, id);
    if (!before) throw new NotFoundError("Leaderboard not found");
    const values = await leaderboardValues(tx, orgId, input);
    await updateLeaderboardRow(tx, orgId, id, values, nowOf(ctx));
    const { id: _id, orgId: _org, createdAt: _c, updatedAt: _u, createdBy: _b, ...old } = before;
    await recordAudit(tx, ctx.actor, { orgId, action: "leaderboard.update", targetType: "leaderboard", targetId: id, before: old, after: values });
    return { id };
  });
  announceChange(ctx.db, orgId); // committed: open views of the board recompute with the new definition
  return result;
}
