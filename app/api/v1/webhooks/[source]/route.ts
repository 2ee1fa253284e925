import { readBytes } from "@/lib/http/api-route";
import { toErrorResponse } from "@/lib/http/errors";
import { MAX_WEBHOOK_BODY_BYTES, receiveWebhook } from "@/lib/server/receive-webhook";

export const dynamic = "force-dynamic";

/**
 * Signed helpdesk webhooks (SPEC §10): `POST /api/v1/webhooks/{zendesk|freshdesk}?org=<organization id>`. Not a
 * Bearer-key route: the HMAC signature over the raw body, made with the organization's secret, authenticates it
 * (receive-webhook). Answers 200 with the ingest result, like POST /api/v1/events.
 */
export async function POST(request: Request, route: { params: Promise<{ source: string }> }): Promise<Response> {
  try {
    const { source } = await route.params;
    // the raw bytes: the signature covers exactly these
    const body = await readBytes(request, MAX_WEBHOOK_BODY_BYTES);
    const orgId = new URL(request.url).searchParams.get("org");
    return Response.json(await receiveWebhook({ source, orgId, headers: request.headers, body }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
