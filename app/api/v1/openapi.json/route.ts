import { openApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-dynamic";

/** Public: the API's own description (no data). */
export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin));
}
