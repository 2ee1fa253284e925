import { jsonError } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** Unknown API paths answer in the API's JSON error shape rather than an HTML page. */
function notFound(request: Request) {
  return jsonError(404, "not_found", `No API endpoint ${request.method} ${new URL(request.url).pathname}`);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
