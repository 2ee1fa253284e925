/**
 * Signed helpdesk webhooks end to end (SPEC §3, §10): the route handler with the app's database, fixture payloads in
 * Zendesk's and Freshdesk's shapes, signed the way each scheme documents (docs/webhooks.md).
 */
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { foldPendingRollups } from "@/db/queries/events";
import { events, kpiDaily, webhookSecrets } from "@/db/schema";
import { signFreshdeskPayload } from "@/lib/domain/webhooks/freshdesk";
import { deleteWebhookSecret } from "@/lib/server/delete-webhook-secret";
import { listWebhookSources } from "@/lib/server/list-webhook-sources";
import { setWebhookSecret } from "@/lib/server/set-webhook-secret";
import { POST } from "@/app/api/v1/webhooks/[source]/route";
import { useAppDatabase, type AppDatabase } from "../helpers/app-db";
import { auditOf } from "../helpers/audit";
import { makeOrg, type TestOrg } from "../helpers/fixtures";

const FIXTURES = path.resolve(import.meta.dirname, "../../lib/domain/webhooks/fixtures");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

let app: AppDatabase;
let db: Db;
let a: TestOrg;
let b: TestOrg;
let zendeskSecret: string;
let freshdeskSecret: string;

beforeAll(async () => {
  app = await useAppDatabase();
  db = app.db;
  a = await makeOrg(db, "Webhooks A");
  b = await makeOrg(db, "Webhooks B");
  // Zendesk creates the secret and the admin pastes it; for the Freshdesk relay Podium generates one.
  zendeskSecret = "HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=";
  await setWebhookSecret({ db, actor: a.actors.admin }, { source: "zendesk", secret: zendeskSecret });
  freshdeskSecret = (await setWebhookSecret({ db, actor: a.actors.admin }, { source: "freshdesk" })).secret!;
});
afterAll(async () => {
  await app?.close();
});

type Signed = { headers: Record<string, string> };

/** Zendesk's scheme: base64(HMAC-SHA256(secret, timestamp + body)), ISO-8601 timestamp. */
function zendeskHeaders(body: string, secret = zendeskSecret, at = new Date()): Signed {
  const timestamp = at.toISOString();
  return {
    headers: {
      "X-Zendesk-Webhook-Signature": createHmac("sha256", secret).update(timestamp + body).digest("base64"),
      "X-Zendesk-Webhook-Signature-Timestamp": timestamp,
    },
  };
}

/** Podium's relay scheme for Freshdesk: sha256=hex(HMAC-SHA256(secret, "<unix seconds>.<body>")). */
function freshdeskHeaders(body: string, secret = freshdeskSecret, at = new Date()): Signed {
  const { timestamp, signature } = signFreshdeskPayload(secret, at.getTime() / 1000, body);
  return { headers: { "X-Podium-Timestamp": timestamp, "X-Podium-Signature": signature } };
}

async function deliver(source: string, body: string | Uint8Array<ArrayBuffer>, signed: Signed, orgId: string | null = a.org.id) {
  const url = `http://localhost/api/v1/webhooks/${source}${orgId === null ? "" : `?org=${orgId}`}`;
  const res = await POST(new Request(url, { method: "POST", headers: { "content-type": "application/json", ...signed.headers }, body }), {
    params: Promise.resolve({ source }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function storedIds(orgId: string, source: string): Promise<string[]> {
  const rows = await db.select({ id: events.id }).from(events).where(and(eq(events.orgId, orgId), eq(events.source, source)));
  return rows.map((r) => r.id).sort();
}

async function counted(orgId: string) {
  await foldPendingRollups(db, orgId);
  const [row] = await db
    .select({ solved: sql<string>`coalesce(sum(${kpiDaily.tickets_solved}), 0)`, csat: sql<string>`coalesce(sum(${kpiDaily.csat_n}), 0)` })
    .from(kpiDaily)
    .where(eq(kpiDaily.orgId, orgId));
  return { ticketsSolved: Number(row?.solved), csatSurveys: Number(row?.csat) };
}

describe("Zendesk", () => {
  it("stores and counts a signed trigger delivery, and answers a redelivery with duplicates", async () => {
    const body = fixture("zendesk-trigger-solved-good.json");
    const before = await counted(a.org.id);
    const first = await deliver("zendesk", body, zendeskHeaders(body));
    expect(first).toEqual({ status: 200, json: { accepted: 2, duplicates: 0, rejected: [] } });
    expect(await storedIds(a.org.id, "webhook:zendesk")).toEqual(["zendesk:csat:ticket:81723", "zendesk:ticket:81723:solved"]);
    expect(await counted(a.org.id)).toEqual({ ticketsSolved: before.ticketsSolved + 1, csatSurveys: before.csatSurveys + 1 });

    // Zendesk retries with a new timestamp and signature: the same ids are duplicates and change nothing.
    const again = await deliver("zendesk", body, zendeskHeaders(body));
    expect(again).toEqual({ status: 200, json: { accepted: 0, duplicates: 2, rejected: [] } });
    expect(await counted(a.org.id)).toEqual({ ticketsSolved: before.ticketsSolved + 1, csatSurveys: before.csatSurveys + 1 });
  });

  it("stores the csat score of a bad rating as 1 on 1–5", async () => {
    const body = fixture("zendesk-trigger-closed-bad.json");
    expect((await deliver("zendesk", body, zendeskHeaders(body))).json).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const [row] = await db.select().from(events).where(and(eq(events.orgId, a.org.id), eq(events.id, "zendesk:csat:35436")));
    expect(row?.payload).toMatchObject({ type: "survey", survey: "csat", score: 1, scale: { min: 1, max: 5 }, agent: "b.lim@example.com", queue: "Returns" });
  });

  it("maps Zendesk's own event webhooks: a solve is stored, a comment records nothing", async () => {
    const solved = fixture("zendesk-event-status-solved.json");
    expect((await deliver("zendesk", solved, zendeskHeaders(solved))).json).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const comment = fixture("zendesk-event-comment-added.json");
    expect(await deliver("zendesk", comment, zendeskHeaders(comment))).toEqual({ status: 200, json: { accepted: 0, duplicates: 0, rejected: [] } });
    expect(await storedIds(a.org.id, "webhook:zendesk")).toContain("zendesk:ticket:5158:solved");
  });

  it("reports an event with a timestamp without offset in rejected, like the events API", async () => {
    const body = JSON.stringify({ ticket: { id: "90001", status: "Solved", created_at: "2026-03-02 09:00", updated_at: "2026-03-02T10:00:00Z" } });
    expect((await deliver("zendesk", body, zendeskHeaders(body))).json).toEqual({
      accepted: 0,
      duplicates: 0,
      rejected: [{ index: 0, id: "zendesk:ticket:90001:solved", errors: [expect.stringMatching(/^createdAt: must be an ISO-8601 timestamp with an offset/)] }],
    });
  });
});

describe("Freshdesk (signed by the relay)", () => {
  it("stores a resolved ticket, then a survey response with the ticket as a duplicate", async () => {
    const resolved = fixture("freshdesk-ticket-resolved.json");
    expect(await deliver("freshdesk", resolved, freshdeskHeaders(resolved))).toEqual({ status: 200, json: { accepted: 1, duplicates: 0, rejected: [] } });
    const survey = fixture("freshdesk-survey-response.json");
    expect(await deliver("freshdesk", survey, freshdeskHeaders(survey))).toEqual({ status: 200, json: { accepted: 1, duplicates: 1, rejected: [] } });
    expect(await storedIds(a.org.id, "webhook:freshdesk")).toEqual(["freshdesk:csat:9000000102", "freshdesk:ticket:11:solved"]);
    const [row] = await db.select().from(events).where(and(eq(events.orgId, a.org.id), eq(events.id, "freshdesk:csat:9000000102")));
    expect(row?.payload).toMatchObject({ score: 6, scale: { min: 1, max: 7 }, contactId: "freshdesk:ticket:11:solved" });
  });

  it("marks the source as received on the admin page", async () => {
    const sources = await listWebhookSources({ db, actor: a.actors.admin }, { baseUrl: "https://podium.example/" });
    expect(sources.map((s) => [s.source, s.configured, s.lastReceivedAt instanceof Date])).toEqual([
      ["zendesk", true, true],
      ["freshdesk", true, true],
    ]);
    expect(sources[1]?.url).toBe(`https://podium.example/api/v1/webhooks/freshdesk?org=${a.org.id}`);
  });
});

describe("refusals", () => {
  const body = JSON.stringify({ ticket: { id: "70001", status: "Solved", created_at: "2026-03-02T01:00:00Z", updated_at: "2026-03-02T02:00:00Z" } });
  const minutes = (m: number) => new Date(Date.now() + m * 60_000);

  async function expectRefused(answer: { status: number; json: Record<string, unknown> }, status: number, code: string) {
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    expect(await storedIds(a.org.id, "webhook:zendesk")).not.toContain("zendesk:ticket:70001:solved");
    return (answer.json.error as { message: string }).message;
  }

  it("answers 401 for a bad, missing or stale signature and stores nothing", async () => {
    await expectRefused(await deliver("zendesk", body, zendeskHeaders(body, "some other secret")), 401, "unauthorized");
    await expectRefused(await deliver("zendesk", body, zendeskHeaders(body.replace("70001", "70002"))), 401, "unauthorized");
    expect(await expectRefused(await deliver("zendesk", body, { headers: {} }), 401, "unauthorized")).toMatch(/X-Zendesk-Webhook-Signature/);
    expect(await expectRefused(await deliver("zendesk", body, zendeskHeaders(body, zendeskSecret, minutes(-6))), 401, "unauthorized")).toMatch(/5 minutes/);
    expect(await expectRefused(await deliver("zendesk", body, zendeskHeaders(body, zendeskSecret, minutes(6))), 401, "unauthorized")).toMatch(/5 minutes/);
    const freshdesk = fixture("freshdesk-ticket-resolved.json");
    expect((await deliver("freshdesk", freshdesk, zendeskHeaders(freshdesk))).status).toBe(401); // another source's scheme
    expect((await deliver("freshdesk", freshdesk, freshdeskHeaders(freshdesk, zendeskSecret))).status).toBe(401); // another source's secret
  });

  it("answers an unknown organization and one without a secret exactly like a wrong signature", async () => {
    const wrong = await expectRefused(await deliver("zendesk", body, zendeskHeaders(body, "some other secret")), 401, "unauthorized");
    const unknownOrg = await expectRefused(await deliver("zendesk", body, zendeskHeaders(body), randomUUID()), 401, "unauthorized");
    const noSecret = await expectRefused(await deliver("zendesk", body, zendeskHeaders(body), b.org.id), 401, "unauthorized");
    expect(unknownOrg).toBe(wrong);
    expect(noSecret).toBe(wrong);
    // Even a stale request gets the answer a known organization would get: the checks before the secret do not depend on it.
    const staleUnknown = await deliver("zendesk", body, zendeskHeaders(body, zendeskSecret, minutes(-10)), randomUUID());
    const staleKnown = await deliver("zendesk", body, zendeskHeaders(body, zendeskSecret, minutes(-10)));
    expect(staleUnknown).toEqual(staleKnown);
    expect(await storedIds(b.org.id, "webhook:zendesk")).toEqual([]);
  });

  it("answers 400 for a signed body that is not JSON or not a payload of the source, and stores nothing", async () => {
    for (const bad of ['{"ticket": {', "", "[1, 2]", '{"hello": "world"}', '{"ticket": {"id": "{{ticket.id}}"}}']) {
      await expectRefused(await deliver("zendesk", bad, zendeskHeaders(bad)), 400, "invalid_input");
    }
    const notUtf8 = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const headers = (() => {
      const timestamp = new Date().toISOString();
      const signature = createHmac("sha256", zendeskSecret).update(timestamp).update(notUtf8).digest("base64");
      return { headers: { "X-Zendesk-Webhook-Signature": signature, "X-Zendesk-Webhook-Signature-Timestamp": timestamp } };
    })();
    await expectRefused(await deliver("zendesk", notUtf8, headers), 400, "invalid_input");
  });

  it("answers 400 without the org parameter, 404 for an unknown source and 413 over 1 MiB", async () => {
    await expectRefused(await deliver("zendesk", body, zendeskHeaders(body), null), 400, "invalid_input");
    await expectRefused(await deliver("zendesk", body, zendeskHeaders(body), "not-a-uuid"), 400, "invalid_input");
    await expectRefused(await deliver("intercom", body, zendeskHeaders(body)), 404, "not_found");
    const huge = JSON.stringify({ ticket: { id: "1", note: "x".repeat(1024 * 1024) } });
    await expectRefused(await deliver("zendesk", huge, zendeskHeaders(huge)), 413, "payload_too_large");
  });
});

describe("secret management", () => {
  it("refuses the old secret after a rotation, and everything after removal; audits without the secret", async () => {
    const org = await makeOrg(db, "Webhooks rotation");
    const ctx = { db, actor: org.actors.admin };
    const first = (await setWebhookSecret(ctx, { source: "freshdesk" })).secret!;
    const body = fixture("freshdesk-ticket-resolved.json");
    expect((await deliver("freshdesk", body, freshdeskHeaders(body, first), org.org.id)).status).toBe(200);

    const rotated = await auditOf(db, org.org.id, () => setWebhookSecret(ctx, { source: "freshdesk" }));
    const second = rotated.result!.secret!;
    expect(second).not.toBe(first);
    expect(rotated.entries.map((e) => [e.action, e.after])).toEqual([["webhook.secret.set", { source: "freshdesk", generated: true }]]);
    expect(JSON.stringify(rotated.entries)).not.toContain(second);
    expect((await deliver("freshdesk", body, freshdeskHeaders(body, first), org.org.id)).status).toBe(401);
    expect((await deliver("freshdesk", body, freshdeskHeaders(body, second), org.org.id)).json).toEqual({ accepted: 0, duplicates: 1, rejected: [] });

    const pasted = await setWebhookSecret(ctx, { source: "zendesk", secret: "  zendesk-signing-secret-0123456789  " });
    expect(pasted).toMatchObject({ generated: false, secret: null });
    const [row] = await db.select().from(webhookSecrets).where(and(eq(webhookSecrets.orgId, org.org.id), eq(webhookSecrets.source, "zendesk")));
    expect(row?.secret).toBe("zendesk-signing-secret-0123456789");

    const removed = await auditOf(db, org.org.id, () => deleteWebhookSecret(ctx, { source: "freshdesk" }));
    expect(removed.entries.map((e) => e.action)).toEqual(["webhook.secret.delete"]);
    expect((await deliver("freshdesk", body, freshdeskHeaders(body, second), org.org.id)).status).toBe(401);
    await expect(deleteWebhookSecret(ctx, { source: "freshdesk" })).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a pasted secret that is too short or has spaces", async () => {
    const ctx = { db, actor: b.actors.admin };
    await expect(setWebhookSecret(ctx, { source: "zendesk", secret: "short" })).rejects.toMatchObject({ status: 400, issues: [{ path: "secret", message: "must be at least 16 characters" }] });
    await expect(setWebhookSecret(ctx, { source: "zendesk", secret: "has a space in the middle" })).rejects.toMatchObject({ status: 400 });
    await expect(setWebhookSecret(ctx, { source: "intercom" as "zendesk" })).rejects.toMatchObject({ status: 400 });
  });
});
