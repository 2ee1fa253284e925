import { setCampaignState } from "@/db/queries/campaigns";
import { authorize, orgOf } from "@/lib/auth/policy";
import { campaignStatus } from "@/lib/domain/campaigns/lifecycle";
import { ConflictError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { authorizeCampaignChange } from "./campaign-access";
import { loadCampaign, organizationToday } from "./campaign-load";
import { campaignView, type CampaignView } from "./campaign-view";
import { nowOf, type Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

/** Archives a campaign: it stops running, leaves the lists agents see and can no longer be edited. Versions stay. */
export async function archiveCampaign(ctx: Ctx, id: string): Promise<CampaignView> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "campaigns.manage", { orgId });
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, orgId, id, { forUpdate: true });
    authorizeCampaignChange(ctx.actor, orgId, campaign.document, await loadDirectory(tx, orgId));
    if (campaign.state === "archived") throw new ConflictError("This campaign is already archived");
    const { today } = await organizationToday(tx, orgId, now);
    const before = campaignStatus(campaign.state, campaign.document.schedule, today);
    await setCampaignState(tx, id, "archived", now);
    await recordAudit(tx, ctx.actor, { orgId, action: "campaign.archive", targetType: "campaign", targetId: id, before: { status: before }, after: { status: "archived" } });
    return campaignView({ ...campaign, state: "archived", updatedAt: now }, today);
  });
}
