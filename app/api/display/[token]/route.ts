import { toErrorResponse } from "@/lib/http/errors";
import { getDisplay } from "@/lib/server/get-display";

export const dynamic = "force-dynamic";

/**
 * TV mode's data (no sign-in; the display token is the credential, not part of the keyed API): `{ name,
 * rotateSeconds, boards }` with the top 10 rows of each of the link's boards (`?top` up to 50). 404 for a malformed,
 * unknown or revoked token; 400 for a bad `top`.
 */
export async function GET(request: Request, route: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await route.params;
    const top = new URL(request.url).searchParams.get("top");
    return Response.json(await getDisplay(token, top === null ? {} : { top }), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
