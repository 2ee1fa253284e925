import { listLeaderboardRows } from "@/db/queries/leaderboards";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { Leaderboard } from "@/db/schema";
import { organizationToday } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { boardRange } from "./leaderboard-view";

export type LeaderboardSummary = Pick<Leaderboard, "id" | "name" | "metric" | "composite" | "period" | "teamIds" | "queue" | "fairness"> & { from: string; to: string };

/** The organization's boards with the range each shows today. Everyone in the organization sees them (SPEC §9). */
export async function listLeaderboards(ctx: Ctx): Promise<LeaderboardSummary[]> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "leaderboards.view", { orgId });
  const [rows, { today }] = await Promise.all([listLeaderboardRows(ctx.db, orgId), organizationToday(ctx.db, orgId, nowOf(ctx))]);
  return rows.map((b) => ({ id: b.id, name: b.name, metric: b.metric, composite: b.composite, period: b.period, teamIds: b.teamIds, queue: b.queue, fairness: b.fairness, ...boardRange(b, today) }));
}
