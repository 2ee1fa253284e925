import { and, eq } from "drizzle-orm";
import { webhookSecrets } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { webhookSourceSchema } from "@/lib/schemas/webhooks";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

/** Removes a source's secret: its deliveries get 401 from then on. Removing twice is a 404: nothing left to remove. */
export async function deleteWebhookSecret(ctx: Ctx, input: { source: string }, opts: { orgId?: string } = {}) {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "org.admin", { orgId });
  const source = parseInput(webhookSourceSchema, input.source, "source");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookSecrets)
      .where(and(eq(webhookSecrets.orgId, orgId), eq(webhookSecrets.source, source)))
      .returning({ source: webhookSecrets.source, lastReceivedAt: webhookSecrets.lastReceivedAt });
    if (!row) throw new NotFoundError(`No ${source} webhook secret is configured`);
    await recordAudit(tx, ctx.actor, { orgId, action: "webhook.secret.delete", targetType: "webhook_source", targetId: source, before: { source, lastReceivedAt: row.lastReceivedAt } });
    return { source };
  });
}
