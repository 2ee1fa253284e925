import { randomBytes } from "node:crypto";
import { webhookSecrets } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { setWebhookSecretSchema, type SetWebhookSecretInput } from "@/lib/schemas/webhooks";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";

/**
 * Configures (or rotates) the signing secret of one helpdesk source. A pasted secret is stored as given (Zendesk
 * generates its own); without one, Podium generates 32 random bytes and returns them this once — the page never shows a
 * secret again, though it is stored in clear because verifying an HMAC needs it. Rotation takes effect at once: requests
 * signed with the old secret get 401 from then on. The audit row records which source changed, never the secret.
 */
export async function setWebhookSecret(ctx: Ctx, input: SetWebhookSecretInput, opts: { orgId?: string } = {}) {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(setWebhookSecretSchema, input);
  const generated = data.secret === undefined;
  const secret = data.secret ?? `whsec_${randomBytes(32).toString("base64url")}`;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookSecrets)
      .values({ orgId, source: data.source, secret, createdAt: now })
      .onConflictDoUpdate({ target: [webhookSecrets.orgId, webhookSecrets.source], set: { secret, createdAt: now } })
      .returning({ source: webhookSecrets.source, createdAt: webhookSecrets.createdAt });
    if (!row) throw new Error("upsert returned no row");
    await recordAudit(tx, ctx.actor, { orgId, action: "webhook.secret.set", targetType: "webhook_source", targetId: row.source, after: { source: row.source, generated } });
    return { source: row.source, createdAt: row.createdAt, generated, secret: generated ? secret : null };
  });
}
