import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { WEBHOOK_SOURCES, webhookSecrets, type WebhookSource } from "@/db/schema";
import type { SystemActor } from "@/lib/auth/actor";
import type { MapResult, Verification, VerifyFailure, VerifyInput } from "@/lib/domain/webhooks/common";
import { FRESHDESK_SIGNATURE_HEADER, FRESHDESK_TIMESTAMP_HEADER, mapFreshdeskPayload, verifyFreshdeskSignature } from "@/lib/domain/webhooks/freshdesk";
import { mapZendeskPayload, verifyZendeskSignature, ZENDESK_SIGNATURE_HEADER, ZENDESK_TIMESTAMP_HEADER } from "@/lib/domain/webhooks/zendesk";
import { NotFoundError, PayloadTooLargeError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { uuidSchema } from "@/lib/schemas/common";
import { ingestEvents, type IngestResult } from "./ingest-events";

/** A helpdesk delivery is one ticket update or survey response: 1 MiB is far above any real one. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

type Adapter = {
  signatureHeader: string;
  timestampHeader: string;
  verify(input: VerifyInput): Verification;
  map(payload: unknown): MapResult;
};

const ADAPTERS: Record<WebhookSource, Adapter> = {
  zendesk: { signatureHeader: ZENDESK_SIGNATURE_HEADER, timestampHeader: ZENDESK_TIMESTAMP_HEADER, verify: verifyZendeskSignature, map: mapZendeskPayload },
  freshdesk: { signatureHeader: FRESHDESK_SIGNATURE_HEADER, timestampHeader: FRESHDESK_TIMESTAMP_HEADER, verify: verifyFreshdeskSignature, map: mapFreshdeskPayload },
};

const WEBHOOK_ACTOR: SystemActor = { kind: "system", label: "webhook" };

/**
 * Checked against when the organization is unknown or has no secret for the source, so that such a request takes the
 * same path and gets the same answer as a wrong signature: the endpoint never tells whether an organization exists.
 */
const UNKNOWN_SECRET = randomBytes(32).toString("base64url");

export type WebhookDelivery = {
  source: string;
  /** The `org` query parameter of the webhook URL. */
  orgId: string | null;
  headers: { get(name: string): string | null };
  /** The raw body, byte for byte: the signature covers exactly these bytes. */
  body: Uint8Array;
};

/**
 * A signed helpdesk webhook → canonical events (SPEC §3, §10). Not an actor's operation: the caller is authenticated by
 * the HMAC signature made with the organization's secret for that source, within a 5-minute replay window, and the
 * events are then ingested as the system actor into that organization only. Event ids are derived from the vendor's
 * ids, so a redelivery (or a replay inside the window) is reported as duplicates and changes nothing.
 *
 * 404 unknown source · 400 no/invalid `org` parameter, a body that is not UTF-8 JSON or not a payload of the source ·
 * 401 unsigned, stale, or a signature that does not verify (unknown organization and missing secret included) ·
 * 413 body over 1 MiB. Events that fail validation are reported in `rejected`, as for the events API.
 */
export async function receiveWebhook(delivery: WebhookDelivery, opts: { db?: Db; now?: Date } = {}): Promise<IngestResult> {
  const now = opts.now ?? new Date();
  const source = WEBHOOK_SOURCES.find((s) => s === delivery.source);
  if (!source) throw new NotFoundError(`No webhook source "${delivery.source}"; use one of ${WEBHOOK_SOURCES.join(", ")}`);
  const adapter = ADAPTERS[source];
  if (!delivery.orgId) throw new ValidationError("The webhook URL needs ?org=<organization id>: copy it from Admin → Data sources");
  const orgIdCheck = uuidSchema.safeParse(delivery.orgId);
  if (!orgIdCheck.success) throw new ValidationError("org: must be an organization id (a UUID); copy the URL from Admin → Data sources");
  const orgId = orgIdCheck.data;
  if (delivery.body.byteLength > MAX_WEBHOOK_BODY_BYTES) throw new PayloadTooLargeError(`A webhook body holds at most ${MAX_WEBHOOK_BODY_BYTES} bytes`);

  const db = opts.db ?? (await getDb());
  const [row] = await db
    .select({ secret: webhookSecrets.secret })
    .from(webhookSecrets)
    .where(and(eq(webhookSecrets.orgId, orgId), eq(webhookSecrets.source, source)));
  const verification = adapter.verify({
    secret: row?.secret ?? UNKNOWN_SECRET,
    signature: delivery.headers.get(adapter.signatureHeader),
    timestamp: delivery.headers.get(adapter.timestampHeader),
    body: delivery.body,
    now,
  });
  if (!verification.ok) throw new UnauthorizedError(refusal(verification.reason, adapter, source));
  if (!row) throw new UnauthorizedError(refusal("bad_signature", adapter, source)); // unreachable unless the random secret is guessed

  // The delivery is genuine from here on: the admin page shows it as received even if its content is refused below.
  await db
    .update(webhookSecrets)
    .set({ lastReceivedAt: now })
    .where(and(eq(webhookSecrets.orgId, orgId), eq(webhookSecrets.source, source)));

  const mapped = adapter.map(parseJson(delivery.body));
  if ("error" in mapped) throw new ValidationError(mapped.error);
  return ingestEvents({ db, actor: WEBHOOK_ACTOR, now: () => now }, mapped.events, { source: `webhook:${source}`, orgId });
}

function refusal(reason: VerifyFailure, adapter: Adapter, source: WebhookSource): string {
  switch (reason) {
    case "missing_signature":
      return `The request is not signed: ${adapter.signatureHeader} and ${adapter.timestampHeader} are required`;
    case "bad_timestamp":
      return `${adapter.timestampHeader} is not a timestamp this source sends`;
    case "stale_timestamp":
      return `${adapter.timestampHeader} is more than 5 minutes from the server's time: a delayed or replayed request, or a wrong clock`;
    case "bad_signature":
      return `The signature could not be verified: check the webhook URL and the ${source} signing secret in Podium (Admin → Data sources)`;
  }
}

function parseJson(body: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new ValidationError("The request body is not UTF-8 text; expected JSON");
  }
  if (!text.trim()) throw new ValidationError("The request body is empty; expected JSON");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ValidationError(`The request body is not valid JSON: ${(err as Error).message}`);
  }
}
