import { readJson, apiRoute } from "@/lib/http/api-route";
import { ValidationError } from "@/lib/errors";
import { ingestEvents } from "@/lib/server/ingest-events";

export const dynamic = "force-dynamic";

/** SPEC §3.2: at most 5 MiB per request. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Ingest a batch of canonical events (scope events:write). 200 means every accepted event is stored and counted. */
export const POST = apiRoute(async ({ ctx, request }) => {
  const body = await readJson(request, MAX_BODY_BYTES);
  const events = (body as { events?: unknown } | null)?.events;
  if (typeof body !== "object" || body === null || Array.isArray(body) || !Array.isArray(events)) {
    throw new ValidationError('The body must be { "events": [ … ] }', [{ path: "events", message: "must be an array of events" }]);
  }
  return ingestEvents(ctx, events, { source: "api" });
});
