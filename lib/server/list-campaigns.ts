import { listCampaignsWithDocuments } from "@/db/queries/campaigns";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { Totals } from "@/lib/domain/campaigns/evaluation";
import { currentPeriod } from "@/lib/domain/campaigns/lifecycle";
import { isAppError } from "@/lib/errors";
import { canReadCampaign } from "./campaign-access";
import { campaignParticipants, evaluateCampaign } from "./campaign-evaluation";
import { organizationToday, revalidate } from "./campaign-load";
import { campaignView, type CampaignView } from "./campaign-view";
import { nowOf, type Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

export type CampaignListItem = CampaignView & {
  participants: number;
  /** Active and ended campaigns: the provisional cost of the current (or last) period; null for the rest. */
  cost: { from: string; to: string; totals: Totals } | null;
  /** Set when the campaign cannot be evaluated: shown instead of a cost (fail closed). */
  error: string | null;
};

/** The campaigns a manager may run (their teams'), or every campaign for HR, admins and keys, newest first. */
export async function listCampaigns(ctx: Ctx): Promise<CampaignListItem[]> {
  const orgId = orgOf(ctx.actor);
  if (ctx.actor.kind === "api_key") authorize(ctx.actor, "campaigns.read", { orgId });
  else authorize(ctx.actor, "campaigns.manage", { orgId });
  const [rows, directory, { today }] = await Promise.all([
    listCampaignsWithDocuments(ctx.db, orgId),
    loadDirectory(ctx.db, orgId),
    organizationToday(ctx.db, orgId, nowOf(ctx)),
  ]);
  const out: CampaignListItem[] = [];
  for (const row of rows) {
    if (!canReadCampaign(ctx.actor, orgId, row.document, directory)) continue;
    const view = campaignView(row, today);
    let cost: CampaignListItem["cost"] = null;
    let error: string | null = null;
    if (view.status === "active" || view.status === "ended") {
      try {
        const period = currentPeriod(row.document.schedule, today)!;
        const { result } = await evaluateCampaign(ctx.db, orgId, revalidate(row.document), period, { directory, campaignId: row.id });
        cost = { ...period, totals: result.totals };
      } catch (err) {
        if (!isAppError(err)) throw err;
        error = err.message;
      }
    }
    out.push({ ...view, participants: campaignParticipants(row.document, directory).length, cost, error });
  }
  return out;
}
