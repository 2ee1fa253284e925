import { authorize, orgOf } from "@/lib/auth/policy";
import { cachedView } from "@/lib/realtime/view-cache";
import { leaderboardQuerySchema } from "@/lib/schemas/leaderboards";
import { parseInput } from "@/lib/validation";
import { organizationToday } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { computeLeaderboardView, loadLeaderboard, type LeaderboardView } from "./leaderboard-view";

/**
 * A board's ranking (SPEC §10 `GET /api/v1/leaderboards/{id}?from&to&top`): ranked rows best first, then the agents
 * below minSamples with `rank: null`. Everyone in the organization may read boards.
 *
 * In a running server the computed view comes from the in-process view cache (lib/realtime/view-cache): dropped by
 * every accepted event or board change of the organization, keyed by the board's last edit and the organization's
 * day, so only changes that announce nothing (team membership, KPI settings) can show a few seconds late.
 */
export async function getLeaderboard(ctx: Ctx, id: string, query: Record<string, unknown> = {}): Promise<LeaderboardView> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "leaderboards.view", { orgId });
  const q = parseInput(leaderboardQuerySchema, query);
  const board = await loadLeaderboard(ctx.db, orgId, id);
  const { today } = await organizationToday(ctx.db, orgId, nowOf(ctx));
  const key = `leaderboard ${board.id} ${board.updatedAt.getTime()} ${today} ${q.from ?? ""} ${q.to ?? ""} ${q.top ?? ""}`;
  return cachedView(ctx.db, orgId, key, () => computeLeaderboardView(ctx.db, orgId, board, q, today));
}
