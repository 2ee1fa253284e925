import { apiRoute } from "@/lib/http/api-route";
import { topicStream } from "@/lib/realtime/stream";
import { subscribeLeaderboard } from "@/lib/server/subscribe-leaderboard";

export const dynamic = "force-dynamic";

/**
 * Server-sent events (SPEC §10, scope leaderboards:read): `event: leaderboard` with the JSON of
 * `GET /api/v1/leaderboards/{id}?top` at once and whenever it changes (coalesced). 404 unknown board, 400 bad `top`,
 * both before the stream opens.
 */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const top = new URL(request.url).searchParams.get("top");
  const topic = await subscribeLeaderboard(ctx, params.id, top === null ? {} : { top });
  return topicStream(ctx.db, topic, request.signal);
});
