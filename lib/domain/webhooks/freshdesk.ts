import {
  channelOf,
  hmacSha256,
  isObject,
  text,
  timestamp,
  vendorId,
  verifySignature,
  type Json,
  type MapResult,
  type SignatureScheme,
  type Verification,
  type VerifyInput,
  type WebhookEvent,
} from "./common";

/**
 * Freshdesk webhooks (docs/webhooks.md). Freshdesk's automation "Trigger webhook" action cannot sign a request, so
 * deliveries come through a small relay (or a Freshdesk serverless app) that holds the secret and signs Podium's
 * scheme, the same one Stripe and Slack use:
 *   X-Podium-Timestamp = Unix time in seconds when the relay signed
 *   X-Podium-Signature = "sha256=" + hex(HMAC-SHA256(secret, "<X-Podium-Timestamp>.<raw body>"))
 * The body is Freshdesk's `{ "freshdesk_webhook": { "ticket_…": … } }` (FRESHDESK_PAYLOAD_TEMPLATE).
 */
export const FRESHDESK_SIGNATURE_HEADER = "X-Podium-Signature";
export const FRESHDESK_TIMESTAMP_HEADER = "X-Podium-Timestamp";

const FRESHDESK_SCHEME: SignatureScheme = {
  parseSignedAt: (value) => (/^\d{9,11}$/.test(value) ? Number(value) * 1000 : null),
  sign: (secret, signedAt, body) => `sha256=${hmacSha256(secret, [signedAt.trim(), ".", body]).toString("hex")}`,
  normalize: (signature) => signature.toLowerCase(),
};

export function signFreshdeskPayload(secret: string, unixSeconds: number, body: Uint8Array | string): { timestamp: string; signature: string } {
  const timestamp = String(Math.floor(unixSeconds));
  return { timestamp, signature: FRESHDESK_SCHEME.sign(secret, timestamp, body) };
}

export function verifyFreshdeskSignature(input: VerifyInput): Verification {
  return verifySignature(FRESHDESK_SCHEME, input);
}

/**
 * The "Advanced" JSON content for Freshdesk's "Trigger webhook" action, pointed at the relay. The ticket_… keys are
 * the names Freshdesk uses in its own `freshdesk_webhook` payloads. Freshdesk renders dates without a UTC offset, so
 * before signing, the relay adds the timestamps from the ticket API (ISO-8601 UTC) and, for a survey response, the
 * rating (FRESHDESK_RELAY_FIELDS).
 */
export const FRESHDESK_PAYLOAD_TEMPLATE = `{
  "freshdesk_webhook": {
    "ticket_id": "{{ticket.id}}",
    "ticket_status": "{{ticket.status}}",
    "ticket_source": "{{ticket.source}}",
    "ticket_agent_email": "{{ticket.agent.email}}",
    "ticket_group_name": "{{ticket.group.name}}",
    "triggered_event": "{{triggered_event}}"
  }
}`;

/** What the relay adds inside `freshdesk_webhook`, and where it reads it in Freshdesk's API v2. All optional. */
export const FRESHDESK_RELAY_FIELDS = {
  ticket_created_at: "GET /api/v2/tickets/{id}?include=stats → created_at",
  ticket_resolved_at: "… → stats.resolved_at",
  ticket_first_responded_at: "… → stats.first_responded_at",
  ticket_satisfaction_rating: "GET /api/v2/surveys/satisfaction_ratings → the ticket's rating: ratings.default_question (103 … -103)",
  ticket_satisfaction_rating_id: "… → id",
  ticket_satisfaction_rated_at: "… → created_at",
} as const;

/**
 * Freshdesk's rating codes (satisfaction-ratings API: 103 extremely happy … -103 extremely unhappy) on a csat scale of
 * 1–7, one point per step, so the csat KPI's top two points are "very happy" and "extremely happy". Classic 3-point
 * surveys use 103 / 100 / -103 and land on 7 / 4 / 1.
 */
export const FRESHDESK_CSAT_SCORES: Readonly<Record<string, number>> = { "-103": 1, "-102": 2, "-101": 3, "100": 4, "101": 5, "102": 6, "103": 7 };
const CSAT_SCALE = { min: 1, max: 7 };

/** Statuses by name or by Freshdesk's numeric code (4 resolved, 5 closed). */
const SOLVED = new Set(["resolved", "closed", "4", "5"]);
/** Freshdesk's numeric source codes, for relays that forward the API value. */
const SOURCES: Readonly<Record<string, string>> = { "1": "email", "2": "portal", "3": "phone", "7": "chat", "9": "feedback widget", "10": "outbound email" };

export function mapFreshdeskPayload(payload: unknown): MapResult {
  if (!isObject(payload) || !isObject(payload.freshdesk_webhook)) {
    return { error: 'Not a Freshdesk payload Podium understands: expected { "freshdesk_webhook": { "ticket_id": … } } (see docs/webhooks.md)' };
  }
  const t: Json = payload.freshdesk_webhook;
  const ticketId = vendorId(t.ticket_id);
  if (!ticketId) return { error: 'freshdesk_webhook.ticket_id: expected the ticket id ("{{ticket.id}}")' };
  const agent = text(t.ticket_agent_email);
  const queue = text(t.ticket_group_name);
  const source = text(t.ticket_source);
  const channel = channelOf(source === null ? null : (SOURCES[source] ?? source));
  const ticketEventId = `freshdesk:ticket:${ticketId}:solved`;
  const events: WebhookEvent[] = [];

  if (SOLVED.has(text(t.ticket_status)?.toLowerCase() ?? "")) {
    // One event per resolved ticket: resolving it again after a reopen is a duplicate and counts once.
    const solvedAt = timestamp(t.ticket_resolved_at) ?? timestamp(t.ticket_closed_at) ?? timestamp(t.ticket_updated_at);
    events.push({
      id: ticketEventId,
      type: "ticket",
      agent,
      queue,
      channel,
      occurredAt: solvedAt,
      createdAt: timestamp(t.ticket_created_at),
      solvedAt,
      firstReplyAt: timestamp(t.ticket_first_responded_at),
    });
  }

  const rating = text(t.ticket_satisfaction_rating);
  if (rating !== null) {
    const score = FRESHDESK_CSAT_SCORES[rating];
    if (score === undefined) {
      return { error: `freshdesk_webhook.ticket_satisfaction_rating: expected one of Freshdesk's rating codes 103, 102, 101, 100, -101, -102, -103; got "${rating.slice(0, 40)}"` };
    }
    const ratingId = vendorId(t.ticket_satisfaction_rating_id);
    events.push({
      id: `freshdesk:csat:${ratingId ?? `ticket:${ticketId}`}`,
      type: "survey",
      survey: "csat",
      score,
      scale: CSAT_SCALE,
      contactId: ticketEventId,
      agent,
      queue,
      channel,
      occurredAt: timestamp(t.ticket_satisfaction_rated_at) ?? timestamp(t.ticket_updated_at),
    });
  }
  return { events };
}
