import { createHmac, timingSafeEqual } from "node:crypto";
import type { CHANNELS } from "../events";

/**
 * What the helpdesk adapters share: HMAC and constant-time comparison, the replay window, and the small readers that
 * turn vendor JSON (where an empty placeholder renders as "" and ids arrive as strings or numbers) into canonical
 * event fields. Pure: the caller passes the clock in.
 */

/** A signed delivery is accepted only if its signed timestamp is within 5 minutes of now, either side. */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

export type VerifyInput = {
  /** The signing secret stored for the organization and source. */
  secret: string;
  /** The signature and timestamp headers as received (null when absent). */
  signature: string | null;
  timestamp: string | null;
  /** The raw request body, exactly as received: the signature covers these bytes, not re-serialized JSON. */
  body: Uint8Array | string;
  now: Date;
};

export type VerifyFailure = "missing_signature" | "bad_timestamp" | "stale_timestamp" | "bad_signature";
export type Verification = { ok: true } | { ok: false; reason: VerifyFailure };

export function hmacSha256(secret: string, parts: readonly (string | Uint8Array)[]): Buffer {
  const hmac = createHmac("sha256", secret);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}

/** Constant-time comparison of two strings (a length difference is not secret: it says nothing about the MAC). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

export function withinReplayWindow(signedAtMs: number, now: Date): boolean {
  return Math.abs(now.getTime() - signedAtMs) <= REPLAY_WINDOW_MS;
}

/** How a source signs: how its signed timestamp reads, and the signature it expects for a timestamp and body. */
export type SignatureScheme = {
  /** The signed timestamp header as epoch milliseconds, or null when it is not in the source's format. */
  parseSignedAt(value: string): number | null;
  sign(secret: string, signedAt: string, body: Uint8Array | string): string;
  /** How a received signature is compared (e.g. hex is case-insensitive). */
  normalize?(signature: string): string;
};

/** Every source's check, in one order: both headers present → timestamp readable → within the window → MAC matches. */
export function verifySignature(scheme: SignatureScheme, { secret, signature, timestamp: signedAt, body, now }: VerifyInput): Verification {
  if (!signature?.trim() || !signedAt?.trim()) return { ok: false, reason: "missing_signature" };
  const at = scheme.parseSignedAt(signedAt.trim());
  if (at === null) return { ok: false, reason: "bad_timestamp" };
  if (!withinReplayWindow(at, now)) return { ok: false, reason: "stale_timestamp" };
  const received = scheme.normalize ? scheme.normalize(signature.trim()) : signature.trim();
  return sameText(scheme.sign(secret, signedAt, body), received) ? { ok: true } : { ok: false, reason: "bad_signature" };
}

/** Where a source's webhook is received: the admin pastes this (with the host in front) into the helpdesk. */
export function webhookPath(source: string, orgId: string): string {
  return `/api/v1/webhooks/${encodeURIComponent(source)}?org=${encodeURIComponent(orgId)}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading vendor JSON

export type Json = Record<string, unknown>;
export type Channel = (typeof CHANNELS)[number];

/** The mapped events (validated later by ingestion, like any other source), or why the payload is not usable. */
export type MapResult = { events: WebhookEvent[] } | { error: string };

export type WebhookEvent = TicketDraft | SurveyDraft;
type Common = { id: string; agent: string | null; queue: string | null; channel: Channel | null; occurredAt: string | null };
export type TicketDraft = Common & { type: "ticket"; createdAt: string | null; firstReplyAt: string | null; solvedAt: string | null };
export type SurveyDraft = Common & { type: "survey"; survey: "csat"; score: number; scale: { min: number; max: number }; contactId: string | null };

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A text field: trimmed, and "" (an empty placeholder) or a missing value is null. Numbers are read as text. */
export function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const t = value.trim();
  return t === "" ? null : t;
}

/**
 * A vendor id (ticket, rating, user, group), which becomes part of an event id. Ids are numbers or number-like
 * strings; anything with spaces or braces (such as an unrendered "{{ticket.id}}" placeholder) is refused.
 */
export function vendorId(value: unknown): string | null {
  const t = text(value);
  return t !== null && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(t) ? t : null;
}

/** A timestamp as sent. Ingestion validates it (ISO-8601 with an offset) and rejects the event with a message if not. */
export const timestamp = text;

/**
 * The canonical channel for a vendor's channel or "via" text ("Phone call (incoming)", "web_service", "WhatsApp"…).
 * Unknown non-empty values are "other"; absent is null.
 */
export function channelOf(value: unknown): Channel | null {
  const v = text(value)?.toLowerCase();
  if (!v) return null;
  if (/voice|phone|call|talk/.test(v)) return "voice"; // before "mail": "voicemail" is a call
  if (/mail/.test(v)) return "email";
  if (/chat/.test(v)) return "chat";
  if (/messag|whatsapp|sms|wechat|telegram|viber|\bline\b/.test(v)) return "messaging";
  if (/facebook|twitter|instagram|social|\bx\b/.test(v)) return "social";
  return "other";
}
