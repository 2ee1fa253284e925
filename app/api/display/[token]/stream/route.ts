import { toErrorResponse } from "@/lib/http/errors";
import { topicStream } from "@/lib/realtime/stream";
import { subscribeDisplay } from "@/lib/server/get-display";

export const dynamic = "force-dynamic";

/**
 * TV mode, live: `event: display` with the JSON of `GET /api/display/{token}` at once and on every change; when the
 * link is revoked, `event: revoked` and the end. 404 for a malformed, unknown or revoked token; 400 for a bad `top`.
 */
export async function GET(request: Request, route: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await route.params;
    const top = new URL(request.url).searchParams.get("top");
    const { db, topic } = await subscribeDisplay(token, top === null ? {} : { top });
    return await topicStream(db, topic, request.signal);
  } catch (err) {
    return toErrorResponse(err);
  }
}
