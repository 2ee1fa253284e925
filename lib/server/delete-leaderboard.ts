import { deleteLeaderboardRow, findLeaderboard } from "@/db/queries/leaderboards";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { announceChange } from "@/lib/realtime/changes";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

/** Removes a board. Display links keep their other boards; a link left with none shows nothing. */
export async function deleteLeaderboard(ctx: Ctx, id: string): Promise<void> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "leaderboards.manage", { orgId });
  await ctx.db.transaction(async (tx) => {
    const board = await findLeaderboard(tx, orgId, id);
    if (!board) throw new NotFoundError("Leaderboard not found");
    await deleteLeaderboardRow(tx, orgId, id);
    await recordAudit(tx, ctx.actor, { orgId, action: "leaderboard.delete", targetType: "leaderboard", targetId: id, before: { name: board.name, metric: board.metric } });
  });
  announceChange(ctx.db, orgId); // committed: its open streams end, displays drop it
}
