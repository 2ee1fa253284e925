import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateEvent } from "../events";
import surveyResponse from "./fixtures/freshdesk-survey-response.json";
import ticketResolved from "./fixtures/freshdesk-ticket-resolved.json";
import { FRESHDESK_PAYLOAD_TEMPLATE, mapFreshdeskPayload, signFreshdeskPayload, verifyFreshdeskSignature } from "./freshdesk";
const SECRET = "whsec-test-0123456789abcdef";
const NOW = new Date("2026-03-03T03:00:00Z");
const nowSeconds = NOW.getTime() / 1000;

function mapped(body: unknown) {
  const result = mapFreshdeskPayload(body);
  if ("error" in result) throw new Error(result.error);
  return result.events;
}

describe("verifyFreshdeskSignature (Podium's relay scheme)", () => {
  const body = JSON.stringify(ticketResolved, null, 2);
  const signed = signFreshdeskPayload(SECRET, nowSeconds - 10, body);
  const input = { secret: SECRET, signature: signed.signature, timestamp: signed.timestamp, body, now: NOW };

  it('signs "sha256=" + hex HMAC-SHA256 of "<timestamp>.<raw body>"', () => {
    const expected = createHmac("sha256", SECRET).update(`${nowSeconds - 10}.${body}`).digest("hex");
    expect(signed).toEqual({ timestamp: String(nowSeconds - 10), signature: `sha256=${expected}` });
  });

  it("accepts a correct signature, in either hex case", () => {
    expect(verifyFreshdeskSignature(input)).toEqual({ ok: true });
    expect(verifyFreshdeskSignature({ ...input, signature: input.signature.toUpperCase().replace("SHA256=", "sha256=") })).toEqual({ ok: true });
  });

  it("refuses a changed body, another secret, a changed timestamp or a bare hex digest", () => {
    expect(verifyFreshdeskSignature({ ...input, body: body.replace("Resolved", "Closed") })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyFreshdeskSignature({ ...input, secret: "not the secret" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyFreshdeskSignature({ ...input, timestamp: String(nowSeconds - 11) })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyFreshdeskSignature({ ...input, signature: input.signature.slice("sha256=".length) })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses missing headers, a timestamp that is not Unix seconds, and one outside 5 minutes", () => {
    expect(verifyFreshdeskSignature({ ...input, timestamp: null })).toEqual({ ok: false, reason: "missing_signature" });
    expect(verifyFreshdeskSignature({ ...input, signature: "" })).toEqual({ ok: false, reason: "missing_signature" });
    expect(verifyFreshdeskSignature({ ...input, timestamp: NOW.toISOString() })).toEqual({ ok: false, reason: "bad_timestamp" });
    for (const [offset, ok] of [[-300, true], [300, true], [-301, false], [301, false]] as const) {
      const s = signFreshdeskPayload(SECRET, nowSeconds + offset, body);
      expect(verifyFreshdeskSignature({ ...input, ...s }), String(offset)).toEqual(ok ? { ok: true } : { ok: false, reason: "stale_timestamp" });
    }
  });
});

describe("mapFreshdeskPayload", () => {
  it("maps a resolved ticket with agent email, group and the relay's timestamps", () => {
    const events = mapped(structuredClone(ticketResolved));
    expect(events).toEqual([
      {
        id: "freshdesk:ticket:11:solved",
        type: "ticket",
        agent: "a.tan@example.com",
        queue: "Billing",
        channel: "voice",
        occurredAt: "2026-03-02T06:15:00Z",
        createdAt: "2026-03-02T01:30:00Z",
        solvedAt: "2026-03-02T06:15:00Z",
        firstReplyAt: "2026-03-02T01:42:00Z",
      },
    ]);
    expect(validateEvent(events[0]).ok).toBe(true);
  });

  it("maps a survey response to csat on 1–7 keyed by the rating id, with the ticket again (a duplicate downstream)", () => {
    const events = mapped(structuredClone(surveyResponse));
    expect(events.map((e) => e.id)).toEqual(["freshdesk:ticket:11:solved", "freshdesk:csat:9000000102"]);
    expect(events[1]).toEqual({
      id: "freshdesk:csat:9000000102",
      type: "survey",
      survey: "csat",
      score: 6,
      scale: { min: 1, max: 7 },
      contactId: "freshdesk:ticket:11:solved",
      agent: "a.tan@example.com",
      queue: "Billing",
      channel: "voice",
      occurredAt: "2026-03-03T10:00:00Z",
    });
    expect(events.map((e) => validateEvent(e).ok)).toEqual([true, true]);
  });

  it.each([
    [103, 7],
    [102, 6],
    [101, 5],
    ["100", 4],
    [-101, 3],
    [-102, 2],
    ["-103", 1],
  ])("puts rating code %s at %s", (code, score) => {
    const events = mapped({ freshdesk_webhook: { ticket_id: 3, ticket_status: "Open", ticket_satisfaction_rating: code, ticket_updated_at: "2026-03-03T00:00:00Z" } });
    expect(events).toEqual([expect.objectContaining({ id: "freshdesk:csat:ticket:3", score })]);
  });

  it("reads numeric statuses and sources the way Freshdesk's API sends them", () => {
    const events = mapped({ freshdesk_webhook: { ticket_id: 12, ticket_status: 5, ticket_source: 1, ticket_updated_at: "2026-03-03T00:00:00Z" } });
    expect(events).toEqual([expect.objectContaining({ id: "freshdesk:ticket:12:solved", channel: "email", solvedAt: "2026-03-03T00:00:00Z" })]);
    expect(mapped({ freshdesk_webhook: { ticket_id: 12, ticket_status: 2 } })).toEqual([]);
  });

  it("records nothing for an open ticket created from the template as Freshdesk renders it", () => {
    const rendered = FRESHDESK_PAYLOAD_TEMPLATE.replace("{{ticket.id}}", "40")
      .replace("{{ticket.status}}", "Open")
      .replace("{{ticket.source}}", "Email")
      .replace("{{ticket.agent.email}}", "")
      .replace("{{ticket.group.name}}", "")
      .replace("{{triggered_event}}", "{ticket_action:created}");
    expect(mapped(JSON.parse(rendered))).toEqual([]);
  });

  it.each([
    ["no freshdesk_webhook envelope", { ticket_id: 1 }],
    ["a missing ticket id", { freshdesk_webhook: { ticket_status: "Resolved" } }],
    ["an unknown rating code", { freshdesk_webhook: { ticket_id: 1, ticket_satisfaction_rating: "Awesome" } }],
    ["a JSON array", []],
  ])("answers an error for %s", (_label, body) => {
    expect(mapFreshdeskPayload(body)).toEqual({ error: expect.any(String) });
  });
});
