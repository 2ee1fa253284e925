import { API_SCOPES } from "@/db/schema";
import { campaignPaths, campaignSchemas } from "./openapi-campaigns";
import { leaderboardPaths, leaderboardSchemas } from "./openapi-leaderboards";
import { payoutPaths, payoutSchemas } from "./openapi-payouts";
import { realtimePaths } from "./openapi-realtime";
import { errorResponse, keyed } from "./openapi-parts";

/**
 * The OpenAPI 3.1 description of /api/v1. Each feature adds its paths here when it adds its routes; the authorization
 * suite checks that every route handler under app/api is listed.
 */
export function openApiDocument(baseUrl: string) {
  const agentsRead = keyed("kpis:read");
  return {
    openapi: "3.1.0",
    info: {
      title: "Podium API",
      version: "1",
      description:
        "Incentives and leaderboards for contact-center teams. Authenticate with `Authorization: Bearer <API key>`; keys belong to one organization and carry scopes. Every call made with a key is audited under the key's name.",
    },
    servers: [{ url: baseUrl }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: `Scopes: ${API_SCOPES.join(", ")}` },
      },
      schemas: {
        ...campaignSchemas,
        ...leaderboardSchemas,
        ...payoutSchemas,
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
            },
          },
        },
        IngestResult: {
          type: "object",
          description: "What a batch did: events stored, ids already stored (the first body wins), and each rejected event with its index and messages",
          required: ["accepted", "duplicates", "rejected"],
          properties: {
            accepted: { type: "integer" },
            duplicates: { type: "integer" },
            rejected: {
              type: "array",
              items: { type: "object", properties: { index: { type: "integer" }, id: { type: ["string", "null"] }, errors: { type: "array", items: { type: "string" } } } },
            },
          },
        },
        Event: {
          type: "object",
          description: "A canonical event, version 1 (see the product specification §3.1). Unknown fields are null or absent, never 0.",
          required: ["id", "type", "occurredAt"],
          properties: {
            id: { type: "string", minLength: 1, maxLength: 200 },
            type: { enum: ["call", "ticket", "survey", "qa_review", "metric"] },
            agent: { type: ["string", "null"], description: "The agent's external id or email" },
            queue: { type: ["string", "null"] },
            channel: { enum: ["voice", "email", "chat", "social", "messaging", "other", null] },
            occurredAt: { type: "string", format: "date-time", description: "ISO-8601 with an offset" },
          },
          additionalProperties: true,
        },
        Agent: {
          type: "object",
          required: ["externalId", "name", "email", "active", "teams"],
          properties: {
            externalId: { type: "string", description: "The id source systems use for this agent in events" },
            name: { type: "string" },
            email: { type: "string", format: "email" },
            active: { type: "boolean" },
            teams: { type: "array", items: { type: "object", properties: { id: { type: "string", format: "uuid" }, name: { type: "string" } } } },
          },
        },
      },
    },
    paths: {
      "/api/health": {
        get: {
          summary: "Liveness and database reachability",
          security: [],
          responses: {
            "200": {
              description: "Healthy",
              content: {
                "application/json": {
                  schema: { type: "object", properties: { status: { const: "ok" }, database: { enum: ["pglite", "postgres"] } } },
                },
              },
            },
            "503": { description: "The database is unreachable" },
          },
        },
      },
      "/api/v1/agents": {
        get: {
          summary: "The agent directory of the key's organization",
          ...agentsRead,
          responses: {
            "200": {
              description: "Agents",
              content: { "application/json": { schema: { type: "object", properties: { agents: { type: "array", items: { $ref: "#/components/schemas/Agent" } } } } } },
            },
            ...agentsRead.responses,
          },
        },
      },
      "/api/v1/agents/{externalId}": {
        get: {
          summary: "One agent by external id",
          parameters: [{ name: "externalId", in: "path", required: true, schema: { type: "string" } }],
          ...agentsRead,
          responses: {
            "200": { description: "The agent", content: { "application/json": { schema: { $ref: "#/components/schemas/Agent" } } } },
            "404": errorResponse("No such agent in the key's organization"),
            ...agentsRead.responses,
          },
        },
      },
      "/api/v1/events": {
        post: {
          summary: "Ingest canonical events (at most 5,000 events or 5 MiB per request)",
          description:
            "Each event is validated on its own. The same id sent again is a duplicate and changes nothing (the first body wins). A 200 means every accepted event is stored and counted; a client that got no answer can send the same batch again safely.",
          ...keyed("events:write"),
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "object", required: ["events"], properties: { events: { type: "array", maxItems: 5000, items: { $ref: "#/components/schemas/Event" } } } } } },
          },
          responses: {
            "200": {
              description: "Accepted, duplicate and rejected counts",
              content: { "application/json": { schema: { $ref: "#/components/schemas/IngestResult" } } },
            },
            "400": errorResponse("The body is not { events: [...] }"),
            "413": errorResponse("More than 5,000 events or 5 MiB"),
            "429": errorResponse("Too many requests for this key; see Retry-After"),
            ...keyed("events:write").responses,
          },
        },
      },
      "/api/v1/kpis": {
        get: {
          summary: "KPIs over an inclusive day range in the organization's time zone",
          ...agentsRead,
          parameters: [
            { name: "from", in: "query", required: true, schema: { type: "string", format: "date" } },
            { name: "to", in: "query", required: true, schema: { type: "string", format: "date" } },
            { name: "groupBy", in: "query", schema: { enum: ["agent", "team", "queue", "org"], default: "agent" } },
            { name: "metrics", in: "query", required: true, description: "KPI keys separated by commas, e.g. csat,aht,metric:upsells. points_earned (the points awarded in the range, from the ledger; n = entries) groups by agent, team or org only", schema: { type: "string" } },
            { name: "team", in: "query", schema: { type: "string", format: "uuid" } },
            { name: "queue", in: "query", schema: { type: "string" } },
            { name: "agent", in: "query", description: "An agent's external id", schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "One row per group; value is null when n = 0",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      from: { type: "string" },
                      to: { type: "string" },
                      groupBy: { type: "string" },
                      rows: {
                        type: "array",
                        items: {
                          type: "object",
                          properties: {
                            key: { type: "string" },
                            name: { type: "string" },
                            metrics: { type: "object", additionalProperties: { type: "object", properties: { value: { type: ["number", "null"] }, n: { type: "integer" } } } },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
            "400": errorResponse("An unknown metric or a bad date, named in the message"),
            ...agentsRead.responses,
          },
        },
      },
      "/api/v1/webhooks/{source}": {
        post: {
          summary: "Receive a signed helpdesk webhook (Zendesk, Freshdesk) as canonical events",
          description:
            "No API key: the request is authenticated by an HMAC-SHA256 signature over the raw body made with the organization's secret for the source (Admin → Data sources), and refused outside a 5-minute window around the signed timestamp. zendesk: `X-Zendesk-Webhook-Signature` = base64(HMAC(secret, timestamp + body)) and `X-Zendesk-Webhook-Signature-Timestamp`, as Zendesk signs. freshdesk: `X-Podium-Signature` = `sha256=` + hex(HMAC(secret, `<X-Podium-Timestamp>.<body>`)) and `X-Podium-Timestamp` (Unix seconds), added by a relay. Event ids come from the vendor's ids, so a redelivery is reported as duplicates. Payload formats: docs/webhooks.md.",
          security: [],
          parameters: [
            { name: "source", in: "path", required: true, schema: { enum: ["zendesk", "freshdesk"] } },
            { name: "org", in: "query", required: true, description: "The organization's id, as in the URL shown on Admin → Data sources", schema: { type: "string", format: "uuid" } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", description: "The vendor's payload (see docs/webhooks.md)" } } } },
          responses: {
            "200": {
              description: "Accepted, duplicate and rejected counts of the events the delivery mapped to (none for updates that record nothing)",
              content: { "application/json": { schema: { $ref: "#/components/schemas/IngestResult" } } },
            },
            "400": errorResponse("No or malformed org parameter, a body that is not JSON, or not a payload of this source"),
            "401": errorResponse("Unsigned, a timestamp outside 5 minutes, or a signature that does not verify (also for an unknown organization or one without a secret for the source)"),
            "404": errorResponse("Unknown source"),
            "413": errorResponse("Body over 1 MiB"),
          },
        },
      },
      ...campaignPaths(),
      ...leaderboardPaths(),
      ...realtimePaths(),
      ...payoutPaths(),
      "/api/v1/openapi.json": { get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1 document" } } } },
    },
  };
}
