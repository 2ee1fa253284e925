import { insertCampaign } from "@/db/queries/campaigns";
import { authorize, orgOf } from "@/lib/auth/policy";
import { parseCampaignBody } from "@/lib/schemas/campaigns";
import { recordAudit } from "./audit";
import { authorizeCampaignChange } from "./campaign-access";
import { checkParticipants } from "./campaign-evaluation";
import { authorOf } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

/** A new campaign in draft from the §5.1 JSON (→ `{ id, version }`). Nothing runs until it is launched. */
export async function createCampaign(ctx: Ctx, body: unknown, opts: { orgId?: string } = {}): Promise<{ id: string; version: number }> {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "campaigns.manage", { orgId });
  const { document, shadow } = parseCampaignBody(body);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const directory = await loadDirectory(tx, orgId);
    checkParticipants(document, directory);
    authorizeCampaignChange(ctx.actor, orgId, document, directory);
    const campaign = await insertCampaign(tx, orgId, {
      document,
      shadow: shadow ?? false,
      teamIds: document.participants?.teams ?? [],
      author: authorOf(ctx.actor),
      now,
    });
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: "campaign.create",
      targetType: "campaign",
      targetId: campaign.id,
      after: { version: 1, shadow: campaign.shadow, document },
    });
    return { id: campaign.id, version: 1 };
  });
}
