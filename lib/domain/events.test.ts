import { describe, expect, it } from "vitest";
import { validateEvent } from "./events";

const call = { id: "c-1", type: "call", agent: "becky", occurredAt: "2026-10-31T23:30:00+08:00", answered: true };

describe("validateEvent", () => {
  it("accepts a minimal call and fills unknown fields with null", () => {
    const r = validateEvent(call);
    expect(r.ok).toBe(true);
    if (r.ok && r.event.type === "call") {
      expect(r.event.talkSeconds).toBeNull();
      expect(r.event.queue).toBeNull();
    }
  });

  it.each([
    [{ ...call, occurredAt: "2026-10-31T23:30:00" }, "occurredAt: must be an ISO-8601 timestamp with an offset"],
    [{ ...call, waitSeconds: -1 }, "waitSeconds: must not be negative"],
    [{ ...call, answered: undefined }, "answered: is required (true or false)"],
    [{ ...call, type: "chat" }, "type: must be one of call, ticket, survey, qa_review, metric"],
    [{ ...call, id: "x".repeat(201) }, "id: must be at most 200 characters"],
    [{ id: "s", type: "survey", survey: "csat", score: 6, occurredAt: "2026-01-01T00:00:00Z" }, "score: must be between 1 and 5"],
    [{ id: "m", type: "metric", metric: "Upsells", value: 1, occurredAt: "2026-01-01T00:00:00Z" }, "metric: must match [a-z][a-z0-9_]{0,62}"],
  ])("rejects %o with a message naming the field", (raw, message) => {
    const r = validateEvent(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("; ")).toContain(message);
  });

  it("uses the survey's own scale when given", () => {
    expect(validateEvent({ id: "s", type: "survey", survey: "csat", score: 9, scale: { min: 0, max: 10 }, occurredAt: "2026-01-01T00:00:00Z" }).ok).toBe(true);
  });
});
