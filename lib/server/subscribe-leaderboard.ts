import { authorize, orgOf } from "@/lib/auth/policy";
import { isAppError, NotFoundError } from "@/lib/errors";
import type { Snapshot, TopicSpec } from "@/lib/realtime/board-hub";
import { leaderboardQuerySchema } from "@/lib/schemas/leaderboards";
import { parseInput } from "@/lib/validation";
import { organizationToday } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { computeLeaderboardView, loadLeaderboard } from "./leaderboard-view";

/**
 * What a live board needs (SPEC §10 `GET /api/v1/leaderboards/{id}/stream?top`, and the signed-in UI's stream with
 * ?from&to&top): authorized like the GET (everyone in the organization may read boards), the query checked and the
 * board found (400, 404) before the stream opens. Every update sends `event: leaderboard` with the JSON of the GET;
 * a board deleted while watched sends `event: error` with the 404 body and ends.
 */
export async function subscribeLeaderboard(ctx: Ctx, id: string, query: Record<string, unknown> = {}): Promise<TopicSpec> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "leaderboards.view", { orgId });
  const q = parseInput(leaderboardQuerySchema, query);
  const board = await loadLeaderboard(ctx.db, orgId, id);
  const { db } = ctx;
  return {
    orgId,
    // Everyone who may read the board sees the same JSON: one computation serves them all.
    key: `leaderboard ${board.id} ${q.from ?? ""} ${q.to ?? ""} ${q.top ?? ""}`,
    compute: async () => {
      const current = await loadLeaderboard(db, orgId, board.id); // picks up edits
      const { org, today } = await organizationToday(db, orgId, nowOf(ctx));
      return { event: "leaderboard", data: JSON.stringify(await computeLeaderboardView(db, orgId, current, q, { today, timeZone: org.timezone })) };
    },
    onError: errorEvent,
  };
}

/** A failure after the stream opened, as the client sees it: the API's error body; a vanished board ends the stream. */
export function errorEvent(err: unknown): Snapshot | null {
  if (!isAppError(err)) return null;
  return { event: "error", data: JSON.stringify({ error: { code: err.code, message: err.message } }), final: err instanceof NotFoundError };
}
