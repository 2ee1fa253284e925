import { orgOf } from "@/lib/auth/policy";
import type { EvaluationResult } from "@/lib/domain/campaigns/evaluation";
import { campaignStatus, currentPeriod, type CampaignStatus } from "@/lib/domain/campaigns/lifecycle";
import { standingsQuerySchema } from "@/lib/schemas/campaigns";
import { parseInput } from "@/lib/validation";
import { authorizeCampaignRead } from "./campaign-access";
import { evaluateCampaign } from "./campaign-evaluation";
import { loadCampaign, organizationToday } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

export type Standings = EvaluationResult & {
  campaignId: string;
  /** The rule version these results come from (SPEC §2). */
  version: number;
  status: CampaignStatus;
  from: string;
  to: string;
  /** Results are projections until the period is closed (SPEC §5). */
  provisional: true;
};

/**
 * Provisional results of a campaign (SPEC §10) over `from`–`to`, or its current period when neither is given, by its
 * newest rule version. The same evaluation as simulate.
 */
export async function getCampaignStandings(ctx: Ctx, id: string, query: { from?: unknown; to?: unknown } = {}): Promise<Standings> {
  const orgId = orgOf(ctx.actor);
  const range = parseInput(standingsQuerySchema, query);
  const campaign = await loadCampaign(ctx.db, orgId, id);
  const directory = await loadDirectory(ctx.db, orgId);
  authorizeCampaignRead(ctx.actor, orgId, campaign.document, directory);
  const { today } = await organizationToday(ctx.db, orgId, nowOf(ctx));
  const period = range.from && range.to ? { from: range.from, to: range.to } : currentPeriod(campaign.document.schedule, today)!;
  const { result } = await evaluateCampaign(ctx.db, orgId, campaign.document, period, { directory, campaignId: id });
  return {
    campaignId: id,
    version: campaign.version,
    status: campaignStatus(campaign.state, campaign.document.schedule, today),
    from: period.from,
    to: period.to,
    provisional: true,
    ...result,
  };
}
