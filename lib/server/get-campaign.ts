import { orgOf } from "@/lib/auth/policy";
import { authorizeCampaignRead } from "./campaign-access";
import { loadCampaign, organizationToday } from "./campaign-load";
import { campaignView, type CampaignView } from "./campaign-view";
import { nowOf, type Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

/** One campaign as §5.1 JSON with its id, newest version, status and shadow flag. */
export async function getCampaign(ctx: Ctx, id: string): Promise<CampaignView> {
  const orgId = orgOf(ctx.actor);
  const campaign = await loadCampaign(ctx.db, orgId, id);
  authorizeCampaignRead(ctx.actor, orgId, campaign.document, await loadDirectory(ctx.db, orgId));
  const { today } = await organizationToday(ctx.db, orgId, nowOf(ctx));
  return campaignView(campaign, today);
}
