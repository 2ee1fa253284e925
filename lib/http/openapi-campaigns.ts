import { errorResponse, keyed } from "./openapi-parts";

/**
 * The campaign paths of the OpenAPI document (SPEC §5.1 and §10), kept beside openapi.ts so each feature's part
 * stays readable.
 */
const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };

export const campaignSchemas = {
  Award: {
    description: "points (amount) · leave (minutes) · cash (amountMinor, currency) · badge · reward (rewardId)",
    oneOf: [
      { type: "object", required: ["type", "amount"], properties: { type: { const: "points" }, amount: { type: "integer", minimum: 1 } } },
      { type: "object", required: ["type", "minutes"], properties: { type: { const: "leave" }, minutes: { type: "integer", minimum: 1 } } },
      { type: "object", required: ["type", "amountMinor", "currency"], properties: { type: { const: "cash" }, amountMinor: { type: "integer", minimum: 1 }, currency: { type: "string" } } },
      { type: "object", required: ["type", "badge"], properties: { type: { const: "badge" }, badge: { type: "string" } } },
      { type: "object", required: ["type", "rewardId"], properties: { type: { const: "reward" }, rewardId: { type: "string" } } },
    ],
  },
  Campaign: {
    type: "object",
    description:
      "Campaign and rule JSON, version 1 (product specification §5.1). Rule kinds: threshold, tiered, rank, per_unit, streak, recognition; metric is a KPI key or \"composite\". Unknown fields are refused. On write, `shadow` (boolean) runs a launched campaign hidden from agents; read-only fields returned by GET (id, version, status, createdAt, updatedAt, launchedAt) are ignored.",
    required: ["name", "schedule", "rule"],
    properties: {
      name: { type: "string" },
      description: { type: "string" },
      participants: { type: "object", properties: { teams: { type: "array", items: { type: "string", format: "uuid" } }, agents: { type: "array", items: { type: "string" } } } },
      schedule: { type: "object", required: ["period", "from", "to"], properties: { period: { enum: ["month", "week", "quarter", "custom"] }, from: { type: "string", format: "date" }, to: { type: "string", format: "date" } } },
      rule: { type: "object", required: ["kind", "metric"], properties: { kind: { enum: ["threshold", "tiered", "rank", "per_unit", "streak", "recognition"] }, metric: { type: "string" } }, additionalProperties: true },
      budget: { type: "object", properties: { currency: { type: "string" }, amountMinor: { type: "integer" }, policy: { enum: ["prorate", "rank_order"] } } },
      capPerAgent: { type: "array", items: ref("Award") },
      approval: { enum: ["auto", "manager", "hr"] },
      shadow: { type: "boolean" },
    },
  },
  CampaignResults: {
    type: "object",
    required: ["results", "totals"],
    properties: {
      from: { type: "string", format: "date" },
      to: { type: "string", format: "date" },
      results: {
        type: "array",
        items: {
          type: "object",
          required: ["agent", "value", "n", "rank", "awards", "explanation"],
          properties: {
            agent: { type: "string", description: "External id" },
            name: { type: "string" },
            value: { type: ["number", "null"] },
            n: { type: "integer" },
            rank: { type: ["integer", "null"] },
            status: { type: "string" },
            awards: { type: "array", items: ref("Award") },
            explanation: { type: "object", description: "Values and n used, thresholds, tiers or rank, gates, caps and budget effects: enough to recompute the awards" },
          },
        },
      },
      totals: { type: "object", properties: { points: { type: "integer" }, leaveMinutes: { type: "integer" }, cash: { type: "object", additionalProperties: { type: "integer" } } } },
    },
  },
};

export function campaignPaths() {
  const read = keyed("campaigns:read");
  const write = keyed("campaigns:write");
  const invalid = errorResponse("Invalid campaign JSON: `details.issues` lists the path of each problem");
  return {
    "/api/v1/campaigns": {
      post: {
        summary: "Create a campaign (draft)",
        ...write,
        requestBody: { required: true, content: { "application/json": { schema: ref("Campaign") } } },
        responses: { "201": json({ type: "object", properties: { id: { type: "string" }, version: { type: "integer" } } }, "Created"), "400": invalid, ...write.responses },
      },
      get: { summary: "Campaigns with status and the current period's cost", ...read, responses: { "200": json({ type: "object" }, "Campaigns"), ...read.responses } },
    },
    "/api/v1/campaigns/simulate": {
      post: {
        summary: "What-if: evaluate a campaign over a range, no side effects",
        ...read,
        requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["campaign", "from", "to"], properties: { campaign: ref("Campaign"), from: { type: "string", format: "date" }, to: { type: "string", format: "date" } } } } } },
        responses: { "200": json(ref("CampaignResults"), "Results per participant and totals"), "400": invalid, "422": errorResponse("The rule cannot be evaluated"), ...read.responses },
      },
    },
    "/api/v1/campaigns/{id}": {
      get: { summary: "One campaign", ...read, parameters: [idParam], responses: { "200": json(ref("Campaign"), "The campaign with id, version, status, shadow"), "404": errorResponse("Unknown campaign"), ...read.responses } },
      put: {
        summary: "Edit a campaign: a launched campaign's edit is a new rule version",
        ...write,
        parameters: [idParam],
        requestBody: { required: true, content: { "application/json": { schema: ref("Campaign") } } },
        responses: { "200": json({ type: "object", properties: { id: { type: "string" }, version: { type: "integer" } } }, "Saved"), "400": invalid, "404": errorResponse("Unknown campaign"), "409": errorResponse("Archived"), ...write.responses },
      },
    },
    "/api/v1/campaigns/{id}/launch": {
      post: { summary: "Draft → scheduled or active", ...write, parameters: [idParam], responses: { "200": json(ref("Campaign"), "Launched"), "404": errorResponse("Unknown campaign"), "409": errorResponse("Not a draft, or the schedule has ended"), ...write.responses } },
    },
    "/api/v1/campaigns/{id}/archive": {
      post: { summary: "Archive a campaign", ...write, parameters: [idParam], responses: { "200": json(ref("Campaign"), "Archived"), "404": errorResponse("Unknown campaign"), "409": errorResponse("Already archived"), ...write.responses } },
    },
    "/api/v1/campaigns/{id}/standings": {
      get: {
        summary: "Provisional results by the newest rule version",
        ...read,
        parameters: [idParam, { name: "from", in: "query", schema: { type: "string", format: "date" } }, { name: "to", in: "query", schema: { type: "string", format: "date" } }],
        responses: { "200": json(ref("CampaignResults"), "Results with campaignId, version, status, provisional"), "400": errorResponse("Bad dates"), "404": errorResponse("Unknown campaign"), "422": errorResponse("The rule cannot be evaluated"), ...read.responses },
      },
    },
    "/api/v1/campaigns/{id}/versions": {
      get: { summary: "Every rule version, newest first", ...read, parameters: [idParam], responses: { "200": json({ type: "object" }, "Versions"), "404": errorResponse("Unknown campaign"), ...read.responses } },
    },
  };
}
