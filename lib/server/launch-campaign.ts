import { setCampaignState } from "@/db/queries/campaigns";
import { authorize, orgOf } from "@/lib/auth/policy";
import { campaignStatus } from "@/lib/domain/campaigns/lifecycle";
import { ConflictError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { authorizeCampaignChange } from "./campaign-access";
import { checkParticipants } from "./campaign-evaluation";
import { loadCampaign, organizationToday } from "./campaign-load";
import { campaignView, type CampaignView } from "./campaign-view";
import { nowOf, type Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

/**
 * Draft → scheduled (starts later) or active (already running). The stored document is validated again and its
 * participants must still exist; a schedule that has already ended cannot be launched.
 */
export async function launchCampaign(ctx: Ctx, id: string, opts: { orgId?: string } = {}): Promise<CampaignView> {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "campaigns.manage", { orgId });
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, orgId, id, { forUpdate: true });
    const directory = await loadDirectory(tx, orgId);
    authorizeCampaignChange(ctx.actor, orgId, campaign.document, directory);
    const { today } = await organizationToday(tx, orgId, now);
    if (campaign.state !== "draft") {
      throw new ConflictError(`Only a draft can be launched; this campaign is ${campaignStatus(campaign.state, campaign.document.schedule, today)}`);
    }
    if (campaign.document.schedule.to < today) {
      throw new ConflictError(`The schedule ended on ${campaign.document.schedule.to}: change its dates before launching (use what-if to replay past periods)`);
    }
    checkParticipants(campaign.document, directory);
    await setCampaignState(tx, id, "launched", now);
    const status = campaignStatus("launched", campaign.document.schedule, today);
    await recordAudit(tx, ctx.actor, { orgId, action: "campaign.launch", targetType: "campaign", targetId: id, before: { status: "draft" }, after: { status, version: campaign.version } });
    return campaignView({ ...campaign, state: "launched", launchedAt: now, updatedAt: now }, today);
  });
}
