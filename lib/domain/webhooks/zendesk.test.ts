import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateEvent } from "../events";
import commentAdded from "./fixtures/zendesk-event-comment-added.json";
import statusSolved from "./fixtures/zendesk-event-status-solved.json";
import triggerClosedBad from "./fixtures/zendesk-trigger-closed-bad.json";
import triggerSolvedGood from "./fixtures/zendesk-trigger-solved-good.json";
import { mapZendeskPayload, verifyZendeskSignature, ZENDESK_TRIGGER_TEMPLATE } from "./zendesk";

/** A fresh copy, free to change. */
const copy = <T>(value: T): T => structuredClone(value);
const SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
const NOW = new Date("2026-03-03T03:00:00Z");
/** Signed the way Zendesk documents it: base64(HMAC-SHA256(secret, timestamp + body)). */
const sign = (timestamp: string, body: string, secret = SECRET) => createHmac("sha256", secret).update(timestamp + body).digest("base64");

function mapped(body: unknown) {
  const result = mapZendeskPayload(body);
  if ("error" in result) throw new Error(result.error);
  return result.events;
}

describe("verifyZendeskSignature", () => {
  const body = JSON.stringify(triggerSolvedGood, null, 2);
  const timestamp = "2026-03-03T02:58:30Z";
  const input = { secret: SECRET, signature: sign(timestamp, body), timestamp, body, now: NOW };

  it("accepts base64 HMAC-SHA256 of timestamp + raw body", () => {
    expect(verifyZendeskSignature(input)).toEqual({ ok: true });
    expect(verifyZendeskSignature({ ...input, body: new TextEncoder().encode(body) })).toEqual({ ok: true });
  });

  it("refuses a changed body, another secret, or the parts signed in the other order", () => {
    expect(verifyZendeskSignature({ ...input, body: body.replace("81723", "81725") })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyZendeskSignature({ ...input, secret: "another secret" })).toEqual({ ok: false, reason: "bad_signature" });
    const swapped = createHmac("sha256", SECRET).update(body + timestamp).digest("base64");
    expect(verifyZendeskSignature({ ...input, signature: swapped })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a missing signature or timestamp", () => {
    expect(verifyZendeskSignature({ ...input, signature: null })).toEqual({ ok: false, reason: "missing_signature" });
    expect(verifyZendeskSignature({ ...input, timestamp: "  " })).toEqual({ ok: false, reason: "missing_signature" });
  });

  it("accepts timestamps up to 5 minutes either side of now and refuses older or later ones", () => {
    for (const [ts, ok] of [
      ["2026-03-03T02:55:00Z", true],
      ["2026-03-03T03:05:00Z", true],
      ["2026-03-03T02:54:59Z", false],
      ["2026-03-03T03:05:01Z", false],
    ] as const) {
      const result = verifyZendeskSignature({ ...input, timestamp: ts, signature: sign(ts, body) });
      expect(result, ts).toEqual(ok ? { ok: true } : { ok: false, reason: "stale_timestamp" });
    }
  });

  it("reads a Unix-seconds timestamp and refuses one that is not a time", () => {
    const unix = String(NOW.getTime() / 1000 - 30);
    expect(verifyZendeskSignature({ ...input, timestamp: unix, signature: sign(unix, body) })).toEqual({ ok: true });
    expect(verifyZendeskSignature({ ...input, timestamp: "yesterday", signature: sign("yesterday", body) })).toEqual({ ok: false, reason: "bad_timestamp" });
  });
});

describe("mapZendeskPayload: event webhooks", () => {
  it("records a ticket whose status changes to solved, with Zendesk ids as agent and queue", () => {
    const events = mapped(copy(statusSolved));
    expect(events).toEqual([
      {
        id: "zendesk:ticket:5158:solved",
        type: "ticket",
        agent: "8447388090494",
        queue: "8447320466430",
        channel: "email",
        occurredAt: "2026-03-02T05:40:11.672717030Z",
        createdAt: "2026-03-02T01:12:07Z",
        solvedAt: "2026-03-02T05:40:11.672717030Z",
        firstReplyAt: null,
      },
    ]);
    expect(validateEvent(events[0]).ok).toBe(true);
  });

  it("records nothing for other events or other status changes", () => {
    expect(mapped(copy(commentAdded))).toEqual([]);
    const reopened = copy(statusSolved);
    reopened.event = { current: "OPEN", previous: "SOLVED" };
    reopened.detail.status = "OPEN";
    expect(mapped(reopened)).toEqual([]);
  });

  it("counts closing a solved ticket as the same solve (same id)", () => {
    const closed = copy(statusSolved);
    closed.event = { current: "CLOSED", previous: "SOLVED" };
    expect(mapped(closed).map((e) => e.id)).toEqual(["zendesk:ticket:5158:solved"]);
  });
});

describe("mapZendeskPayload: the trigger template", () => {
  it("maps a solved ticket rated good to a ticket and a csat survey of 5 on 1–5", () => {
    const events = mapped(copy(triggerSolvedGood));
    expect(events).toEqual([
      {
        id: "zendesk:ticket:81723:solved",
        type: "ticket",
        agent: "a.tan@example.com",
        queue: "Billing",
        channel: "voice",
        occurredAt: "2026-03-03T02:45:10Z",
        createdAt: "2026-03-02T01:30:00Z",
        solvedAt: "2026-03-03T02:45:10Z",
        firstReplyAt: null,
      },
      {
        id: "zendesk:csat:ticket:81723",
        type: "survey",
        survey: "csat",
        score: 5,
        scale: { min: 1, max: 5 },
        contactId: "zendesk:ticket:81723:solved",
        agent: "a.tan@example.com",
        queue: "Billing",
        channel: "voice",
        occurredAt: "2026-03-03T02:45:10Z",
      },
    ]);
    expect(events.map((e) => validateEvent(e).ok)).toEqual([true, true]);
  });

  it("maps bad to 1, keys the survey by the rating id and prefers solved_at and first_reply_at when sent", () => {
    const [ticket, survey] = mapped(copy(triggerClosedBad));
    expect(ticket).toMatchObject({ id: "zendesk:ticket:81724:solved", occurredAt: "2026-03-02T09:20:00Z", solvedAt: "2026-03-02T09:20:00Z", firstReplyAt: "2026-03-02T00:05:00Z", channel: "email" });
    expect(survey).toMatchObject({ id: "zendesk:csat:35436", score: 1, agent: "b.lim@example.com", queue: "Returns" });
  });

  it("reads the rating in the Zendesk API shape too", () => {
    const body = { ticket: { id: 9, status: "open", satisfaction_rating: { id: 120447, score: "good", created_at: "2026-03-03T01:00:00Z" } } };
    expect(mapped(body)).toEqual([expect.objectContaining({ id: "zendesk:csat:120447", score: 5, occurredAt: "2026-03-03T01:00:00Z", agent: null, queue: null })]);
  });

  it("records no survey before a rating (offered, unoffered, empty) and no ticket before it is solved", () => {
    for (const rating of ["Offered", "unoffered", "", undefined]) {
      expect(mapped({ ticket: { id: "5", status: "Pending", satisfaction_rating: rating, updated_at: "2026-03-03T01:00:00Z" } })).toEqual([]);
    }
  });

  it("refuses an unrecognized rating instead of dropping it", () => {
    expect(mapZendeskPayload({ ticket: { id: "5", status: "Solved", satisfaction_rating: "Bom" } })).toEqual({ error: expect.stringMatching(/satisfaction_rating: expected good or bad/) });
  });

  it("produces a rendered template that parses and maps", () => {
    const values: Record<string, string> = {
      "ticket.id": "77",
      "ticket.status": "Solved",
      "ticket.created_at_with_timestamp": "2026-03-02T01:00:00Z",
      "ticket.updated_at_with_timestamp": "2026-03-02T03:00:00Z",
      "ticket.assignee.email": "c.wong@example.com",
      "ticket.group.name": "Support",
      "ticket.via": "Chat",
      "satisfaction.current_rating": "",
    };
    const rendered = ZENDESK_TRIGGER_TEMPLATE.replace(/\{\{([^}]+)\}\}/g, (_m, key: string) => values[key] ?? "MISSING");
    expect(rendered).not.toContain("MISSING");
    expect(mapped(JSON.parse(rendered))).toEqual([expect.objectContaining({ id: "zendesk:ticket:77:solved", agent: "c.wong@example.com", queue: "Support", channel: "chat" })]);
  });
});

describe("mapZendeskPayload: malformed payloads", () => {
  it.each([
    ["an array", []],
    ["a string", "hello"],
    ["an unknown shape", { hello: "world" }],
    ["an unrendered ticket id", { ticket: { id: "{{ticket.id}}", status: "Solved" } }],
    ["an event without detail", { type: "zen:event-type:ticket.status_changed" }],
  ])("answers an error for %s", (_label, body) => {
    expect(mapZendeskPayload(body)).toEqual({ error: expect.any(String) });
  });
});
