import { API_SCOPES } from "@/db/schema";

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const keyed = (scope: string) => ({
  security: [{ apiKey: [scope] }],
  responses: {
    "401": errorResponse("Missing, unknown or revoked API key"),
    "403": errorResponse(`The key lacks the ${scope} scope`),
  },
});

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
      "/api/v1/openapi.json": { get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1 document" } } } },
    },
  };
}
