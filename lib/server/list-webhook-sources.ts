import { eq } from "drizzle-orm";
import { WEBHOOK_SOURCES, webhookSecrets } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { webhookPath } from "@/lib/domain/webhooks/common";
import { FRESHDESK_PAYLOAD_TEMPLATE, FRESHDESK_SIGNATURE_HEADER } from "@/lib/domain/webhooks/freshdesk";
import { ZENDESK_SIGNATURE_HEADER, ZENDESK_TRIGGER_TEMPLATE } from "@/lib/domain/webhooks/zendesk";
import type { Ctx } from "./context";

/** What the admin pastes into each helpdesk besides the URL: the request body template, and the header that signs it. */
const SETUP = {
  zendesk: { template: ZENDESK_TRIGGER_TEMPLATE, signatureHeader: ZENDESK_SIGNATURE_HEADER },
  freshdesk: { template: FRESHDESK_PAYLOAD_TEMPLATE, signatureHeader: FRESHDESK_SIGNATURE_HEADER },
} as const;

/**
 * Every helpdesk source Podium can receive, configured or not, with the URL and body template to paste into the
 * helpdesk (`baseUrl` is the site's origin as the admin reaches it; without it the URL is a path). Secrets are never
 * returned.
 */
export async function listWebhookSources(ctx: Ctx, input: { baseUrl?: string } = {}) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const rows = await ctx.db
    .select({ source: webhookSecrets.source, createdAt: webhookSecrets.createdAt, lastReceivedAt: webhookSecrets.lastReceivedAt })
    .from(webhookSecrets)
    .where(eq(webhookSecrets.orgId, orgId));
  const base = (input.baseUrl ?? "").replace(/\/+$/, "");
  return WEBHOOK_SOURCES.map((source) => {
    const row = rows.find((r) => r.source === source);
    return {
      source,
      configured: row !== undefined,
      secretCreatedAt: row?.createdAt ?? null,
      lastReceivedAt: row?.lastReceivedAt ?? null,
      url: base + webhookPath(source, orgId),
      ...SETUP[source],
    };
  });
}
