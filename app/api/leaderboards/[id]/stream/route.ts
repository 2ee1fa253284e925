import { toErrorResponse } from "@/lib/http/errors";
import { requireRequestCtx } from "@/lib/auth/session";
import { topicStream } from "@/lib/realtime/stream";
import { subscribeLeaderboard } from "@/lib/server/subscribe-leaderboard";

export const dynamic = "force-dynamic";

/**
 * The live board for the signed-in web app (EventSource sends the session cookie): the same events as the API's
 * stream, with ?from&to&top. 401 without a session, 404 unknown board, 400 bad query. The session is read from the
 * request itself, as server.mjs also calls this handler outside Next's request scope (lib/http/direct-routes.ts).
 */
export async function GET(request: Request, route: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const ctx = await requireRequestCtx(request);
    const { id } = await route.params;
    const search = new URL(request.url).searchParams;
    const query = Object.fromEntries([...search.entries()].filter(([k]) => k === "from" || k === "to" || k === "top"));
    return await topicStream(ctx.db, await subscribeLeaderboard(ctx, id, query), request.signal);
  } catch (err) {
    return toErrorResponse(err);
  }
}
