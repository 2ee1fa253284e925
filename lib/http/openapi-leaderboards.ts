import { errorResponse, keyed } from "./openapi-parts";

/** The leaderboard paths of the OpenAPI document (SPEC §7 and §10). */
const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };

export const leaderboardSchemas = {
  LeaderboardInput: {
    type: "object",
    required: ["name", "metric", "period"],
    properties: {
      name: { type: "string" },
      metric: { type: "string", description: 'A KPI key of the catalogue, "composite" (with `composite`), or "points": points earned in the range (awards, adjustments and their reversals; never redemptions). A points board takes no composite, fairness or queue.' },
      composite: { type: "object", properties: { normalize: { enum: ["minmax", "zscore"] }, weights: { type: "object", additionalProperties: { type: "number" } } } },
      period: { enum: ["week", "month", "quarter", "custom"], description: "The current week, month or quarter in the organization's time zone, or custom dates" },
      from: { type: "string", format: "date" },
      to: { type: "string", format: "date" },
      teams: { type: "array", items: { type: "string", format: "uuid" }, description: "Only these teams' agents; absent: everyone" },
      queue: { type: "string", description: "Only events of this queue" },
      fairness: { type: "object", properties: { minSamples: { type: "integer" }, method: { enum: ["raw", "wilson", "bayes"] }, bayesWeight: { type: "number" } }, description: "Default: the organization's KPI settings" },
    },
  },
  Leaderboard: {
    type: "object",
    required: ["id", "name", "metric", "period", "rows"],
    properties: {
      id: { type: "string" },
      name: { type: "string" },
      metric: { type: "string" },
      direction: { enum: ["higher", "lower"] },
      period: { type: "object", properties: { kind: { type: "string" }, from: { type: "string", format: "date" }, to: { type: "string", format: "date" } } },
      rows: {
        type: "array",
        description: "Ranked rows best first (competition ranks 1, 1, 3), then agents below minSamples with rank null",
        items: {
          type: "object",
          required: ["rank", "agent", "name", "value", "n"],
          properties: {
            rank: { type: ["integer", "null"] },
            agent: { type: "string", description: "External id" },
            name: { type: "string" },
            value: { type: ["number", "null"] },
            n: { type: "integer" },
            score: { type: ["number", "null"], description: "The value the order rests on (the Wilson bound — lower, or upper where lower is better — or the Bayesian average, when the board uses one)" },
            change: { type: ["integer", "null"], description: "Places moved up since yesterday" },
          },
        },
      },
    },
  },
};

export function leaderboardPaths() {
  const read = keyed("leaderboards:read");
  const write = keyed("leaderboards:write");
  return {
    "/api/v1/leaderboards": {
      post: {
        summary: "Create a leaderboard",
        ...write,
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/LeaderboardInput" } } } },
        responses: { "201": json({ type: "object", properties: { id: { type: "string" } } }, "Created"), "400": errorResponse("Invalid board: `details.issues` names each field"), ...write.responses },
      },
      get: { summary: "The organization's leaderboards", ...read, responses: { "200": json({ type: "object" }, "Boards with today's range"), ...read.responses } },
    },
    "/api/v1/leaderboards/{id}": {
      get: {
        summary: "A board's ranking",
        ...read,
        parameters: [
          idParam,
          { name: "from", in: "query", schema: { type: "string", format: "date" } },
          { name: "to", in: "query", schema: { type: "string", format: "date" } },
          { name: "top", in: "query", description: "Only the first N ranked rows", schema: { type: "integer", minimum: 1 } },
        ],
        responses: { "200": json({ $ref: "#/components/schemas/Leaderboard" }, "Ranked rows"), "400": errorResponse("Bad dates or top"), "404": errorResponse("Unknown board"), ...read.responses },
      },
    },
  };
}
