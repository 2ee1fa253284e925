import { findRecognitionPick, type CampaignWithDocument } from "@/db/queries/campaigns";
import { overlappingPeriod } from "@/db/queries/payouts";
import type { Award } from "@/lib/domain/campaigns/document";
import type { DayRange } from "@/lib/domain/campaigns/evaluation";
import { ConflictError, UnprocessableError } from "@/lib/errors";
import { evaluateCampaign } from "./campaign-evaluation";
import { loadCampaign } from "./campaign-load";
import type { Ctx } from "./context";
import type { Directory } from "./kpi-directory";

/**
 * Employee of the month (SPEC §8.2): a recognition campaign shortlists the best by its metric or composite each
 * period, and its award goes to the manager's pick from that shortlist when the period is closed. What the pick
 * operations share: loading such a campaign, the lock of a paid period, and one period as the page shows it.
 */

export type ShortlistEntry = { agent: string; name: string; rank: number; value: number | null; n: number; picked: boolean; awards: Award[] };
export type RecognitionPeriod = DayRange & {
  /** open: running; ended: over, waiting for its pick and the close; closed: paid (the pick can no longer change). */
  state: "open" | "ended" | "closed";
  shortlist: ShortlistEntry[];
  pick: { agent: string; name: string; reason: string | null; pickedBy: string; pickedAt: Date } | null;
};

export async function recognitionCampaign(ctx: Ctx, orgId: string, campaignId: string): Promise<CampaignWithDocument> {
  const campaign = await loadCampaign(ctx.db, orgId, campaignId);
  if (campaign.document.rule.kind !== "recognition") throw new UnprocessableError("Only a recognition campaign (employee of the month) has a winner to pick");
  return campaign;
}

/** A period is paid by the close of the pay period containing its last day (period-evaluation.ts periodsEndingIn). */
export async function refuseClosed(ctx: Ctx, orgId: string, period: DayRange): Promise<void> {
  const paid = await overlappingPeriod(ctx.db, orgId, period.to, period.to);
  if (paid) throw new ConflictError(`The pay period ${paid.fromDay} – ${paid.toDay} that pays this period is ${paid.state}: the pick can no longer change`);
}

export async function periodView(ctx: Ctx, orgId: string, campaign: CampaignWithDocument, period: DayRange, today: string, directory: Directory): Promise<RecognitionPeriod> {
  const [{ result }, pick, paid] = await Promise.all([
    evaluateCampaign(ctx.db, orgId, campaign.document, period, { directory, campaignId: campaign.id }),
    findRecognitionPick(ctx.db, orgId, campaign.id, period),
    overlappingPeriod(ctx.db, orgId, period.to, period.to),
  ]);
  const shortlist = result.results
    .flatMap((r) => {
      const o = r.explanation.outcome;
      return o.kind === "recognition" && o.shortlisted && r.rank !== null ? [{ agent: r.agent, name: r.name, rank: r.rank, value: r.value, n: r.n, picked: o.picked, awards: r.awards }] : [];
    })
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  const picked = pick && directory.agents.find((a) => a.userId === pick.agentId);
  return {
    ...period,
    state: paid ? "closed" : period.to < today ? "ended" : "open",
    shortlist,
    pick: pick && picked ? { agent: picked.externalId, name: picked.name, reason: pick.reason, pickedBy: pick.pickedByLabel, pickedAt: pick.pickedAt } : null,
  };
}
