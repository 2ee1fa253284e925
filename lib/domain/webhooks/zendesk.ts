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
  type SurveyDraft,
  type TicketDraft,
  type Verification,
  type VerifyInput,
  type WebhookEvent,
} from "./common";

/**
 * Zendesk webhooks (docs/webhooks.md). Zendesk signs every request itself with the webhook's signing secret:
 *   X-Zendesk-Webhook-Signature           = base64(HMAC-SHA256(secret, timestamp + raw body))
 *   X-Zendesk-Webhook-Signature-Timestamp = the timestamp that was signed (ISO-8601, e.g. 2026-03-02T09:15:00Z)
 * Two payloads are understood: Zendesk's own event webhooks (`type: "zen:event-type:ticket.…"`) and the JSON body of
 * a trigger or automation that uses ZENDESK_TRIGGER_TEMPLATE below.
 */
export const ZENDESK_SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
export const ZENDESK_TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";

const ZENDESK_SCHEME: SignatureScheme = {
  parseSignedAt,
  // the timestamp exactly as sent, then the raw body
  sign: (secret, signedAt, body) => hmacSha256(secret, [signedAt, body]).toString("base64"),
};

export function verifyZendeskSignature(input: VerifyInput): Verification {
  return verifySignature(ZENDESK_SCHEME, input);
}

/** Zendesk sends ISO-8601; plain digits are read as Unix seconds, as some Zendesk tooling does. */
function parseSignedAt(value: string): number | null {
  if (/^\d{9,11}$/.test(value)) return Number(value) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The trigger/automation body an admin pastes into Zendesk (Admin Center → Objects and rules → Triggers → action
 * "Notify by webhook"). Zendesk renders the placeholders; an empty one becomes "". Optional extra keys that Podium also
 * reads when present: "solved_at", "first_reply_at" (ISO-8601 with offset) and "satisfaction_rating_id".
 */
export const ZENDESK_TRIGGER_TEMPLATE = `{
  "ticket": {
    "id": "{{ticket.id}}",
    "status": "{{ticket.status}}",
    "created_at": "{{ticket.created_at_with_timestamp}}",
    "updated_at": "{{ticket.updated_at_with_timestamp}}",
    "assignee_email": "{{ticket.assignee.email}}",
    "group_name": "{{ticket.group.name}}",
    "via": "{{ticket.via}}",
    "satisfaction_rating": "{{satisfaction.current_rating}}"
  }
}`;

/** Zendesk's good/bad rating on Podium's csat scale 1–5: good counts as satisfied (5), bad as dissatisfied (1). */
export const ZENDESK_CSAT_SCORES = { good: 5, bad: 1 } as const;
const CSAT_SCALE = { min: 1, max: 5 };

/** Parsed JSON of a verified request → canonical events (none for deliveries that record nothing, e.g. a new comment). */
export function mapZendeskPayload(payload: unknown): MapResult {
  if (!isObject(payload)) return { error: "Expected a JSON object" };
  if (typeof payload.type === "string" && payload.type.startsWith("zen:event-type:")) return mapEventWebhook(payload);
  if (isObject(payload.ticket)) return mapTrigger(payload.ticket);
  return {
    error: 'Not a Zendesk payload Podium understands: expected a Zendesk event (type "zen:event-type:ticket.…") or the trigger template ({ "ticket": { … } }, see docs/webhooks.md)',
  };
}

const SOLVED = new Set(["solved", "closed"]);
const isSolved = (status: unknown) => SOLVED.has(text(status)?.toLowerCase() ?? "");

/**
 * Event webhooks: a status change to solved (or closed) records the ticket. They carry Zendesk ids only, so the agent is
 * the assignee's Zendesk user id (set it as the agent's external id in Podium) and the queue is the group id.
 */
function mapEventWebhook(payload: Json): MapResult {
  const detail = isObject(payload.detail) ? payload.detail : null;
  if (!detail) return { error: "detail: expected the ticket object of the event" };
  const ticketId = vendorId(detail.id) ?? vendorId(typeof payload.subject === "string" ? payload.subject.replace(/^zen:ticket:/, "") : null);
  if (!ticketId) return { error: "detail.id: expected the ticket id" };
  if (payload.type !== "zen:event-type:ticket.status_changed") return { events: [] };
  const event = isObject(payload.event) ? payload.event : {};
  if (!isSolved(event.current ?? detail.status)) return { events: [] };
  const solvedAt = timestamp(payload.time) ?? timestamp(detail.updated_at);
  const via = isObject(detail.via) ? detail.via.channel : null;
  return { events: [ticketEvent(ticketId, { agent: text(detail.assignee_id), queue: text(detail.group_id), via, createdAt: detail.created_at, solvedAt, firstReplyAt: null })] };
}

function mapTrigger(ticket: Json): MapResult {
  const ticketId = vendorId(ticket.id);
  if (!ticketId) return { error: 'ticket.id: expected the ticket id ("{{ticket.id}}")' };
  const agent = text(ticket.assignee_email);
  const queue = text(ticket.group_name);
  const events: WebhookEvent[] = [];
  if (isSolved(ticket.status)) {
    const solvedAt = timestamp(ticket.solved_at) ?? timestamp(ticket.updated_at);
    events.push(ticketEvent(ticketId, { agent, queue, via: ticket.via, createdAt: ticket.created_at, solvedAt, firstReplyAt: timestamp(ticket.first_reply_at) }));
  }
  const rating = readRating(ticket.satisfaction_rating, ticket.satisfaction_rating_id);
  if ("error" in rating) return rating;
  if (rating.score !== null) {
    const survey: SurveyDraft = {
      id: `zendesk:csat:${rating.id ? rating.id : `ticket:${ticketId}`}`,
      type: "survey",
      survey: "csat",
      score: ZENDESK_CSAT_SCORES[rating.score],
      scale: CSAT_SCALE,
      contactId: ticketEventId(ticketId),
      agent,
      queue,
      channel: channelOf(ticket.via),
      occurredAt: rating.at ?? timestamp(ticket.updated_at),
    };
    events.push(survey);
  }
  return { events };
}

type Rating = { score: "good" | "bad" | null; id: string | null; at: string | null };

/**
 * `{{satisfaction.current_rating}}` renders as "Good, I'm satisfied" / "Bad, I'm unsatisfied" (or "Offered",
 * "Unoffered", "" before a rating); the Zendesk API shape `{ id, score, created_at }` is read too. Another text is
 * refused rather than silently dropped, so a misconfigured trigger shows up in Zendesk's webhook activity log.
 */
function readRating(value: unknown, idField: unknown): Rating | { error: string } {
  const object = isObject(value) ? value : null;
  const raw = text(object ? object.score : value)?.toLowerCase() ?? null;
  const id = vendorId(object?.id) ?? vendorId(idField);
  const at = object ? timestamp(object.updated_at) ?? timestamp(object.created_at) : null;
  if (raw === null || /^(un)?offered\b/.test(raw)) return { score: null, id, at };
  if (raw.startsWith("good")) return { score: "good", id, at };
  if (raw.startsWith("bad")) return { score: "bad", id, at };
  return { error: `ticket.satisfaction_rating: expected good or bad (or offered, unoffered, empty), got "${raw.slice(0, 40)}"` };
}

const ticketEventId = (ticketId: string) => `zendesk:ticket:${ticketId}:solved`;

/** One event per solved ticket: a re-solve after a reopen is the same id, so it is a duplicate and counts once. */
function ticketEvent(
  ticketId: string,
  f: { agent: string | null; queue: string | null; via: unknown; createdAt: unknown; solvedAt: string | null; firstReplyAt: string | null },
): TicketDraft {
  return {
    id: ticketEventId(ticketId),
    type: "ticket",
    agent: f.agent,
    queue: f.queue,
    channel: channelOf(f.via),
    occurredAt: f.solvedAt,
    createdAt: timestamp(f.createdAt),
    solvedAt: f.solvedAt,
    firstReplyAt: f.firstReplyAt,
  };
}
