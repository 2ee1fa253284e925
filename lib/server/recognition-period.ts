import { findRecognitionPick, type CampaignWithDocument } from "@/db/queries/campaigns";
import { overlappingPeriod } from "@/db/queries/payouts";
import type { Award } from "@/lib/domain/campaigns/document";
import type { DayRange, ParticipantResult } from "@/lib/domain/campaigns/evaluation";
import { ConflictError, UnprocessableError } from "@/lib/errors";
import { evaluateCampaign } from "./campaign-evaluation";
import { authorize, orgOf } from "@/lib/auth/policy";
import { authorizeCampaignChange } from "./campaign-access";
import { loadCampaign, organizationToday } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { loadDirectory, type Directory } from "./kpi-directory";

/**
 * Employee of the month (SPEC §8.2): a recognition campaign shortlists the best by its metric or composite each
 * period, and its award goes to the manager's pick from that shortlist when the period is closed. What the pick
 * operations share: opening such a campaign, the lock of a paid period, and one period as the page shows it.
 */

export type ShortlistEntry = { agent: string; name: string; rank: number; value: number | null; n: number; picked: boolean; awards: Award[] };
export type RecognitionPeriod = DayRange & {
  /** open: running; ended: over, waiting for its pick and the close; closed: paid (the pick can no longer change). */
  state: "open" | "ended" | "closed";
  shortlist: ShortlistEntry[];
  pick: { agent: string; name: string; reason: string | null; pickedBy: string; pickedAt: Date } | null;
};

/**
 * What both pick operations start with: the caller may run campaigns, the campaign is a recognition one of the
 * caller's organization and teams; with the directory and today in the organization's time zone.
 */
export async function openRecognition(ctx: Ctx, campaignId: string): Promise<{ orgId: string; campaign: CampaignWithDocument; directory: Directory; today: string }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "campaigns.manage", { orgId });
  const campaign = await loadCampaign(ctx.db, orgId, campaignId);
  if (campaign.document.rule.kind !== "recognition") throw new UnprocessableError("Only a recognition campaign (employee of the month) has a winner to pick");
  const directory = await loadDirectory(ctx.db, orgId);
  authorizeCampaignChange(ctx.actor, orgId, campaign.document, directory);
  const { today } = await organizationToday(ctx.db, orgId, nowOf(ctx));
  return { orgId, campaign, directory, today };
}

/** The pay period that pays `period`, if closed or closing: the one containing its last day (periodsEndingIn). */
function payingPeriod(ctx: Ctx, orgId: string, period: DayRange) {
  return overlappingPeriod(ctx.db, orgId, period.to, period.to);
}

export async function refuseClosed(ctx: Ctx, orgId: string, period: DayRange): Promise<void> {
  const paid = await payingPeriod(ctx, orgId, period);
  if (paid) throw new ConflictError(`The pay period ${paid.fromDay} – ${paid.toDay} that pays this period is ${paid.state}: the pick can no longer change`);
}

/** On the period's shortlist (a recognition outcome, ranked within `shortlist`). */
export function isShortlisted(r: ParticipantResult): boolean {
  const o = r.explanation.outcome;
  return o.kind === "recognition" && o.shortlisted && r.rank !== null;
}

/** One period as the pick page shows it. `paid`: the paying period when the caller has just looked it up. */
export async function periodView(
  ctx: Ctx,
  orgId: string,
  campaign: CampaignWithDocument,
  period: DayRange,
  today: string,
  directory: Directory,
  known: { paid?: Awaited<ReturnType<typeof payingPeriod>> } = {},
): Promise<RecognitionPeriod> {
  const [pick, paid] = await Promise.all([findRecognitionPick(ctx.db, orgId, campaign.id, period), "paid" in known ? known.paid : payingPeriod(ctx, orgId, period)]);
  const picked = pick && directory.agents.find((a) => a.userId === pick.agentId);
  const { result } = await evaluateCampaign(ctx.db, orgId, campaign.document, period, { directory, picks: picked ? [picked.externalId] : [] });
  const shortlist = result.results
    .filter(isShortlisted)
    .map((r) => ({ agent: r.agent, name: r.name, rank: r.rank!, value: r.value, n: r.n, picked: r.explanation.outcome.kind === "recognition" && r.explanation.outcome.picked, awards: r.awards }))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return {
    ...period,
    state: paid ? "closed" : period.to < today ? "ended" : "open",
    shortlist,
    pick: pick && picked ? { agent: picked.externalId, name: picked.name, reason: pick.reason, pickedBy: pick.pickedByLabel, pickedAt: pick.pickedAt } : null,
  };
}
