import { errorResponse, keyed } from "./openapi-parts";

/**
 * The live leaderboard stream of the OpenAPI document (SPEC §10). The TV-mode routes (`/api/display/{token}` and its
 * stream) are deliberately absent: they are opened by a display link, not an API key, and are not part of the API.
 */
export function realtimePaths() {
  const read = keyed("leaderboards:read");
  return {
    "/api/v1/leaderboards/{id}/stream": {
      get: {
        summary: "A board's ranking, live (server-sent events)",
        description:
          "A `text/event-stream`: `event: leaderboard` with `data:` the same JSON as `GET /api/v1/leaderboards/{id}?top`, sent at once and again whenever it changes (changes are coalesced; unchanged rankings are not resent). A comment line every 15 s keeps the connection open. A board deleted while watched sends `event: error` with the error body and ends the stream. Streams end after 30 minutes and on server shutdown: reconnect (EventSource does) and the current state comes at once.",
        ...read,
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          { name: "top", in: "query", description: "Only the first N ranked rows", schema: { type: "integer", minimum: 1 } },
        ],
        responses: {
          "200": { description: "The event stream", content: { "text/event-stream": { schema: { type: "string" } } } },
          "400": errorResponse("A bad `top`"),
          "404": errorResponse("Unknown board"),
          "422": errorResponse("The board cannot be ranked as defined"),
          ...read.responses,
        },
      },
    },
  };
}
