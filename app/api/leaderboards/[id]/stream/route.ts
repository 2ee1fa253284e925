import { toErrorResponse } from "@/lib/http/errors";
import { requireCtx } from "@/lib/auth/session";
import { topicStream } from "@/lib/realtime/stream";
import { subscribeLeaderboard } from "@/lib/server/subscribe-leaderboard";

export const dynamic = "force-dynamic";

/**
 * The live board for the signed-in web app (EventSource sends the session cookie): the same events as the API's
 * stream, with ?from&to&top. 401 without a session, 404 unknown board, 400 bad query.
 */
export async function GET(request: Request, route: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const ctx = await requireCtx();
    const { id } = await route.params;
    const search = new URL(request.url).searchParams;
    const query = Object.fromEntries([...search.entries()].filter(([k]) => k === "from" || k === "to" || k === "top"));
    return await topicStream(ctx.db, await subscribeLeaderboard(ctx, id, query), request.signal);
  } catch (err) {
    return toErrorResponse(err);
  }
}
