import { authorize, orgOf } from "@/lib/auth/policy";
import type { Award, RecognitionRule } from "@/lib/domain/campaigns/document";
import { schedulePeriods } from "@/lib/domain/campaigns/lifecycle";
import type { Ctx } from "./context";
import { openRecognition, periodView, type RecognitionPeriod } from "./recognition-period";

/** How many periods the pick page shows: the current one and the ones before it (a month's pick comes after it ends). */
const PERIODS_SHOWN = 3;

export type RecognitionPicks = {
  campaignId: string;
  name: string;
  award: Award;
  shortlistSize: number;
  /** What the shortlist ranks by, to show its values. */
  metric: string;
  compare: RecognitionRule["compare"];
  periods: RecognitionPeriod[];
};

/**
 * A recognition campaign's current period and the ones before it, newest first, each with its shortlist and the
 * manager's pick (SPEC §8.2). For those who run the campaign: the manager of its teams, HR, admins.
 */
export async function getRecognitionPicks(ctx: Ctx, campaignId: string): Promise<RecognitionPicks> {
  authorize(ctx.actor, "campaigns.manage", { orgId: orgOf(ctx.actor) });
  const { orgId, campaign, directory, today } = await openRecognition(ctx, campaignId);
  const started = schedulePeriods(campaign.document.schedule).filter((p) => p.from <= today);
  const periods: RecognitionPeriod[] = [];
  for (const period of started.slice(-PERIODS_SHOWN).reverse()) periods.push(await periodView(ctx, orgId, campaign, period, today, directory));
  const rule = campaign.document.rule as RecognitionRule;
  return { campaignId, name: campaign.document.name, award: rule.award, shortlistSize: rule.shortlist, metric: rule.metric, compare: rule.compare, periods };
}
