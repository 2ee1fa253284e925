import { flushAccessLog } from "@/lib/http/access-log";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from "@/lib/errors";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { jsonError, toErrorResponse } from "@/lib/http/errors";
import { createUser } from "@/lib/server/create-user";
import { revokeApiKey } from "@/lib/server/revoke-api-key";
import { GET as getAgent } from "@/app/api/v1/agents/[externalId]/route";
import { GET as getAgents } from "@/app/api/v1/agents/route";
import { useAppDatabase, type AppDatabase } from "../helpers/app-db";
import { auditAfter, lastAuditId } from "../helpers/audit";
import { makeOrg, type TestOrg } from "../helpers/fixtures";

let app: AppDatabase;
let db: Db;
let a: TestOrg;

beforeAll(async () => {
  app = await useAppDatabase();
  db = app.db;
  a = await makeOrg(db, "API shell");
});
afterAll(async () => {
  await app?.close();
});

const post = (body: string) => new Request("http://localhost/api/v1/echo", { method: "POST", body, headers: { "content-type": "application/json" } });
const noParams = { params: Promise.resolve({}) };

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("readJson", () => {
  it("parses a JSON body", async () => {
    expect(await readJson(post('{"events":[{"id":"x-1"}]}'))).toEqual({ events: [{ id: "x-1" }] });
  });

  it.each([
    ["malformed JSON", '{"events": [', /not valid JSON/],
    ["a trailing comma", '{"a": 1,}', /not valid JSON/],
    ["an empty body", "", /empty/],
    ["a blank body", "  \n ", /empty/],
  ])("turns %s into a ValidationError (400)", async (_label, body, message) => {
    const err = await thrown(readJson(post(body)));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).status).toBe(400);
    expect((err as ValidationError).message).toMatch(message);
  });

  it("answers 400 invalid_input, not 500, when a route reads a malformed body", async () => {
    const key = await a.apiKey(["events:write"]);
    const handler = apiRoute(async ({ request }) => ({ got: await readJson(request) }));
    const request = new Request("http://localhost/api/v1/echo", { method: "POST", body: "{nope", headers: { authorization: `Bearer ${key.key}` } });
    const res = await handler(request, noParams);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_input", message: expect.stringMatching(/not valid JSON/) } });
  });
});

describe("toErrorResponse", () => {
  const cases: [AppError, number, string][] = [
    [new ValidationError("name: is required", [{ path: "name", message: "is required" }]), 400, "invalid_input"],
    [new UnauthorizedError("A valid API key is required"), 401, "unauthorized"],
    [new ForbiddenError("Not allowed: org.admin"), 403, "forbidden"],
    [new NotFoundError("Team not found"), 404, "not_found"],
    [new ConflictError("name: taken", { issues: [{ path: "name", message: "taken" }] }), 409, "conflict"],
    [new PayloadTooLargeError("At most 5,000 events"), 413, "payload_too_large"],
    [new RateLimitedError("Slow down", 120), 429, "rate_limited"],
  ];

  it.each(cases.map((c) => [c[0].constructor.name, ...c] as const))("maps %s to %i %s in the API's error shape", async (_name, err, status, code) => {
    const res = toErrorResponse(err);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error).toEqual(err.details === undefined ? { code, message: err.message } : { code, message: err.message, details: err.details });
  });

  it("names every invalid field in a validation error's details", async () => {
    const res = toErrorResponse(new ValidationError("two problems", [{ path: "from", message: "bad date" }, { path: "metrics[1]", message: "unknown metric" }]));
    expect(await res.json()).toEqual({
      error: { code: "invalid_input", message: "two problems", details: { issues: [{ path: "from", message: "bad date" }, { path: "metrics[1]", message: "unknown metric" }] } },
    });
  });

  it("leaves details out when there are none", async () => {
    const body = (await toErrorResponse(new ValidationError("no issues")).json()) as { error: object };
    expect(body.error).not.toHaveProperty("details");
  });

  it("sets Retry-After on 429, and only there", () => {
    expect(toErrorResponse(new RateLimitedError("Slow down", 42)).headers.get("retry-after")).toBe("42");
    for (const [err] of cases.filter(([e]) => !(e instanceof RateLimitedError))) expect(toErrorResponse(err).headers.get("retry-after")).toBeNull();
  });

  it("turns any other error into a 500 without internals, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const err of [new Error("password=hunter2 at db.ts:42"), "a string", null]) {
        const res = toErrorResponse(err);
        expect(res.status).toBe(500);
        const text = await res.text();
        expect(text).not.toContain("hunter2");
        expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: expect.any(String) } });
      }
      expect(log).toHaveBeenCalledTimes(3);
    } finally {
      log.mockRestore();
    }
  });

  it("builds error responses with extra headers", async () => {
    const res = jsonError(418, "teapot", "I am a teapot", undefined, { "x-extra": "1" });
    expect(res.status).toBe(418);
    expect(res.headers.get("x-extra")).toBe("1");
    expect(await res.json()).toEqual({ error: { code: "teapot", message: "I am a teapot" } });
  });
});

describe("API calls are audited under the key's name", () => {
  // the access log is written in batches: earlier calls' rows must be in before a test takes its "before" mark
  beforeEach(() => flushAccessLog());
  const call = async <P,>(
    handler: (request: Request, route: { params: Promise<P> }) => Promise<Response>,
    url: string,
    authorization: string | undefined,
    params: P,
  ) => {
    const headers = new Headers();
    if (authorization) headers.set("authorization", authorization);
    return handler(new Request(url, { headers }), { params: Promise.resolve(params) });
  };

  it("records method, path and status for a successful call, and when the key was last used", async () => {
    const key = await a.apiKey(["kpis:read"]);
    const start = Date.now();
    const before = await lastAuditId(db, a.org.id);
    const res = await call(getAgents, "http://localhost/api/v1/agents?ignored=1", `Bearer ${key.key}`, {});
    expect(res.status).toBe(200);
    await flushAccessLog();
    const entries = await auditAfter(db, a.org.id, before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "api.request",
      actorType: "api_key",
      actorId: key.id,
      actorLabel: `API key "${key.name}"`,
      targetType: "api_key",
      targetId: key.id,
      meta: { method: "GET", path: "/api/v1/agents", status: 200 },
    });
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    expect(row!.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(start - 1000);
  });

  it("records refused and not-found calls made with a valid key, with their status", async () => {
    const wrongScope = await a.apiKey(["events:write"]);
    const right = await a.apiKey(["kpis:read"]);
    const before = await lastAuditId(db, a.org.id);
    expect((await call(getAgents, "http://localhost/api/v1/agents", `Bearer ${wrongScope.key}`, {})).status).toBe(403);
    const res = await call(getAgent, "http://localhost/api/v1/agents/nobody", `Bearer ${right.key}`, { externalId: "nobody" });
    expect(res.status).toBe(404);
    await flushAccessLog();
    const entries = await auditAfter(db, a.org.id, before);
    expect(entries.map((e) => [e.actorId, e.meta])).toEqual([
      [wrongScope.id, { method: "GET", path: "/api/v1/agents", status: 403 }],
      [right.id, { method: "GET", path: "/api/v1/agents/nobody", status: 404 }],
    ]);
  });

  it("records a call whose handler fails unexpectedly as a 500", async () => {
    const key = await a.apiKey(["kpis:read"]);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const before = await lastAuditId(db, a.org.id);
      const res = await apiRoute(async () => {
        throw new Error("boom");
      })(new Request("http://localhost/api/v1/explode", { method: "DELETE", headers: { authorization: `Bearer ${key.key}` } }), noParams);
      expect(res.status).toBe(500);
      await flushAccessLog();
      expect((await auditAfter(db, a.org.id, before)).map((e) => e.meta)).toEqual([{ method: "DELETE", path: "/api/v1/explode", status: 500 }]);
    } finally {
      log.mockRestore();
    }
  });

  it("passes a handler's own Response through and audits its status", async () => {
    const key = await a.apiKey(["events:write"]);
    const before = await lastAuditId(db, a.org.id);
    const res = await apiRoute(async () => new Response("created", { status: 201 }))(
      new Request("http://localhost/api/v1/things", { method: "POST", headers: { authorization: `Bearer ${key.key}` } }),
      noParams,
    );
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("created");
    await flushAccessLog();
    expect((await auditAfter(db, a.org.id, before)).map((e) => e.meta)).toEqual([{ method: "POST", path: "/api/v1/things", status: 201 }]);
  });

  it("finds an agent whose external id contains a percent sign", async () => {
    // Next.js decodes dynamic segments once before the handler: /api/v1/agents/100%25-club arrives as "100%-club".
    const externalId = `100%-club-${Date.now().toString(36)}`;
    await createUser({ db, actor: a.actors.admin }, { email: `pct-${Date.now().toString(36)}@api.example.test`, role: "agent", externalId, password: "a long password" });
    const key = await a.apiKey(["kpis:read"]);
    const res = await call(getAgent, `http://localhost/api/v1/agents/${encodeURIComponent(externalId)}`, `Bearer ${key.key}`, { externalId });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ externalId });
  });

  it("writes no audit row for a call without a valid key", async () => {
    const revoked = await a.apiKey(["kpis:read"]);
    await revokeApiKey({ db, actor: a.actors.admin }, { keyId: revoked.id });
    const before = await lastAuditId(db, a.org.id);
    for (const authorization of [undefined, "Bearer pdm_unknown", `Bearer ${revoked.key}`]) {
      const res = await call(getAgents, "http://localhost/api/v1/agents", authorization, {});
      expect(res.status).toBe(401);
    }
    await flushAccessLog();
    expect(await auditAfter(db, a.org.id, before)).toEqual([]);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, revoked.id));
    expect(row?.lastUsedAt).toBeNull();
  });
});
