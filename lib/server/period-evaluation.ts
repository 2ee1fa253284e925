import type { Db } from "@/db/client";
import { findCampaignVersion, listCampaignsWithDocuments } from "@/db/queries/campaigns";
import type { Approval, CampaignDocument } from "@/lib/domain/campaigns/document";
import type { DayRange, ParticipantResult } from "@/lib/domain/campaigns/evaluation";
import { schedulePeriods } from "@/lib/domain/campaigns/lifecycle";
import { streakKpi } from "@/lib/domain/campaigns/rule-kpis";
import { awardLines, type LineDraft } from "@/lib/domain/money/lines";
import { revalidate } from "./campaign-load";
import { evaluateCampaign, KpiCache } from "./campaign-evaluation";
import type { Directory } from "./kpi-directory";

/** A campaign as a close evaluates it: the rule version frozen for the period. */
export type FrozenCampaign = { id: string; version: number; document: CampaignDocument };

/** Lines of one campaign over one closed range, with what a payout line needs beside them. */
export type CampaignLines = { campaign: FrozenCampaign; approval: Approval; lines: LineDraft[] };

/**
 * The campaigns a close of `range` pays: launched, not shadow, with at least one of their periods ending inside the
 * range, each at its newest rule version (which the period then freezes).
 */
export async function campaignsToClose(db: Db, orgId: string, range: DayRange): Promise<FrozenCampaign[]> {
  const all = await listCampaignsWithDocuments(db, orgId);
  return all
    .filter((c) => c.state === "launched" && !c.shadow && periodsEndingIn(c.document, range).length > 0)
    .map((c) => ({ id: c.id, version: c.version, document: revalidate(c.document) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The frozen versions of a closed period, loaded again (late data is re-evaluated with exactly these rules). */
export async function frozenCampaigns(db: Db, orgId: string, versions: Record<string, number>): Promise<FrozenCampaign[]> {
  const out: FrozenCampaign[] = [];
  for (const [id, version] of Object.entries(versions).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const row = await findCampaignVersion(db, orgId, id, version);
    if (row) out.push({ id, version, document: revalidate(row.document) });
  }
  return out;
}

/**
 * A campaign's periods paid by a close of `range`: each of its schedule periods whose last day falls inside the range
 * (a week that straddles two months is paid with the month it ends in), so consecutive closes pay every period once.
 */
export function periodsEndingIn(document: CampaignDocument, range: DayRange): DayRange[] {
  return schedulePeriods(document.schedule).filter((p) => p.to >= range.from && p.to <= range.to);
}

/** Evaluates one frozen campaign over every period of it that `range` pays; lines of all periods together. */
export async function campaignLines(
  db: Db,
  orgId: string,
  campaign: FrozenCampaign,
  range: DayRange,
  directory: Directory,
  cache?: KpiCache,
): Promise<CampaignLines> {
  const results: ParticipantResult[] = [];
  for (const period of periodsEndingIn(campaign.document, range)) {
    const { result } = await evaluateCampaign(db, orgId, campaign.document, period, { directory, campaignId: campaign.id, ...(cache ? { cache } : {}) });
    results.push(...result.results);
  }
  return { campaign, approval: campaign.document.approval ?? "auto", lines: awardLines(results) };
}

/**
 * Starts every read the campaigns of a close will need at once (the pool runs them side by side, and the streak
 * series read while the first campaigns are evaluated). Failures surface where the evaluation awaits the read.
 */
export function prefetchReads(cache: KpiCache, campaigns: readonly FrozenCampaign[], range: DayRange): void {
  for (const campaign of campaigns) {
    const streak = streakKpi(campaign.document.rule);
    for (const period of periodsEndingIn(campaign.document, range)) {
      cache.table(period).catch(() => undefined);
      if (streak) cache.series(period, streak.metric, streak.every).catch(() => undefined);
    }
  }
}
