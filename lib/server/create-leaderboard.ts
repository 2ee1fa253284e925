import { insertLeaderboard } from "@/db/queries/leaderboards";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { LeaderboardInput } from "@/lib/schemas/leaderboards";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import { leaderboardValues } from "./leaderboard-input";

/** A new leaderboard (SPEC §7, §10) → `{ id }`. Managers, HR and admins, and keys with leaderboards:write. */
export async function createLeaderboard(ctx: Ctx, input: LeaderboardInput | unknown, opts: { orgId?: string } = {}): Promise<{ id: string }> {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "leaderboards.manage", { orgId });
  return ctx.db.transaction(async (tx) => {
    const values = await leaderboardValues(tx, orgId, input);
    const board = await insertLeaderboard(tx, orgId, values, ctx.actor.kind === "user" ? ctx.actor.userId : null, nowOf(ctx));
    await recordAudit(tx, ctx.actor, { orgId, action: "leaderboard.create", targetType: "leaderboard", targetId: board.id, after: values });
    return { id: board.id };
  });
}
