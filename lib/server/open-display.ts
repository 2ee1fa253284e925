import type { Db } from "@/db/client";
import { findDisplayLinkByHash, findLeaderboard } from "@/db/queries/leaderboards";
import type { Leaderboard } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { organizationToday } from "./campaign-load";
import { displayTokenHash } from "./display-token";
import { computeLeaderboardView, type LeaderboardView } from "./leaderboard-view";

export type Display = { linkId: string; orgId: string; name: string; rotateSeconds: number; boards: Leaderboard[] };

/**
 * What a display token opens (TV mode, no sign-in): its link and boards, nothing else. A malformed, unknown or
 * revoked token is a 404 — the same answer for all three, so a guess learns nothing. Checked on every request and
 * every stream update, so a revoked link stops at once.
 */
export async function openDisplay(db: Db, token: string): Promise<Display> {
  const hash = displayTokenHash(token);
  const link = hash ? await findDisplayLinkByHash(db, hash) : undefined;
  if (!link) throw new NotFoundError("This display link is unknown or has been revoked");
  const boards: Leaderboard[] = [];
  for (const id of link.boardIds) {
    const board = await findLeaderboard(db, link.orgId, id);
    if (board) boards.push(board);
  }
  return { linkId: link.id, orgId: link.orgId, name: link.name, rotateSeconds: link.rotateSeconds, boards };
}

/** The current ranking of every board of a display (top `top` rows each), in the link's order. */
export async function displayViews(db: Db, display: Display, now: Date, top = 10): Promise<LeaderboardView[]> {
  const { org, today } = await organizationToday(db, display.orgId, now);
  const views: LeaderboardView[] = [];
  for (const board of display.boards) views.push(await computeLeaderboardView(db, display.orgId, board, { top }, { today, timeZone: org.timezone }));
  return views;
}
