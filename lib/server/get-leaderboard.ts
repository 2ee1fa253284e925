import { authorize, orgOf } from "@/lib/auth/policy";
import { localDay } from "@/lib/domain/calendar";
import { cachedView } from "@/lib/realtime/view-cache";
import { leaderboardQuerySchema } from "@/lib/schemas/leaderboards";
import { parseInput } from "@/lib/validation";
import { organizationToday } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { computeLeaderboardView, loadLeaderboard, type LeaderboardView } from "./leaderboard-view";

type Cached = { view: LeaderboardView; timeZone: string; today: string };

/**
 * A board's ranking (SPEC §10 `GET /api/v1/leaderboards/{id}?from&to&top`): ranked rows best first, then the agents
 * below minSamples with `rank: null`. Everyone in the organization may read boards.
 *
 * In a running server the view comes from the in-process view cache (lib/realtime/view-cache), looked up only after
 * authorization and only within the caller's organization, so a cached read costs no query at all. It is dropped by
 * every accepted event, board edit or deletion of the organization (on any instance: NOTIFY), recomputed when the
 * organization's day has turned, and refreshed every few seconds at most for changes that announce nothing (team
 * membership, KPI settings).
 */
export async function getLeaderboard(ctx: Ctx, id: string, query: Record<string, unknown> = {}): Promise<LeaderboardView> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "leaderboards.view", { orgId });
  const q = parseInput(leaderboardQuerySchema, query);
  const now = nowOf(ctx);
  const key = `leaderboard ${id} ${q.from ?? ""} ${q.to ?? ""} ${q.top ?? ""}`;
  const cached = await cachedView<Cached>(
    ctx.db,
    orgId,
    key,
    async () => {
      const board = await loadLeaderboard(ctx.db, orgId, id);
      const { org, today } = await organizationToday(ctx.db, orgId, now);
      return { view: await computeLeaderboardView(ctx.db, orgId, board, q, { today, timeZone: org.timezone }), timeZone: org.timezone, today };
    },
    (c) => localDay(now, c.timeZone) === c.today,
  );
  return cached.view;
}
