import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { insertNewEntries, type NewEntry } from "@/db/queries/ledger";
import { attachWaitingLines, insertLines, linesOfPeriod, lockOrganizationCloses, overlappingPeriod, periodsWithLateEvents } from "@/db/queries/payouts";
import { payoutRuns, periods, type PayoutLine, type Period, type payoutLines } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { DayRange } from "@/lib/domain/campaigns/evaluation";
import { adjustmentDrafts, type PaidSoFar } from "@/lib/domain/money/lines";
import { ConflictError, ValidationError } from "@/lib/errors";
import { closePeriodSchema } from "@/lib/schemas/payouts";
import { parseInput } from "@/lib/validation";
import { announceChange } from "@/lib/realtime/changes";
import { recordAudit } from "./audit";
import { authorOf, organizationToday } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { loadDirectory, type Directory } from "./kpi-directory";
import { correctionKey, lineRows } from "./payout-line-rows";
import { KpiCache } from "./campaign-evaluation";
import { campaignLines, campaignsToClose, frozenCampaigns, prefetchReads, type CampaignLines } from "./period-evaluation";

export type CloseResult = { periodId: string; payoutRunId: string };

type NewLine = typeof payoutLines.$inferInsert;

/**
 * Closes a pay period (SPEC §6): freezes the rule version of every campaign it pays, evaluates them over the range,
 * and writes the payout run with one line per agent × campaign × award type × currency — approved at once under the
 * `auto` policy (with their ledger entries), pending otherwise. Closed periods that received late events get
 * adjustment lines in this run: re-evaluated with their frozen rules, minus what was already paid. Adjustments from
 * accepted disputes that were waiting join the run too.
 *
 * A range overlapping a closed (or closing) period is a 409 and writes nothing. The period row is claimed first, under
 * the organization's close lock, so two closes cannot both pass the check; the evaluation then runs outside the write
 * transaction (updating the progress bar), and everything is written in one transaction at the end.
 */
export async function closePeriod(ctx: Ctx, input: unknown, opts: { orgId?: string } = {}): Promise<CloseResult> {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "payouts.manage", { orgId });
  const range = parseInput(closePeriodSchema, input);
  const now = nowOf(ctx);
  const { today } = await organizationToday(ctx.db, orgId, now);
  if (range.to >= today) {
    throw new ValidationError(`to: ${range.to} has not ended yet; a period can be closed from the day after its last day`, [
      { path: "to", message: `must be before today (${today}) in the organization's time zone` },
    ]);
  }
  const campaigns = await campaignsToClose(ctx.db, orgId, range);
  const author = authorOf(ctx.actor);
  const period = await ctx.db.transaction(async (tx) => {
    await lockOrganizationCloses(tx, orgId);
    const clash = await overlappingPeriod(tx, orgId, range.from, range.to);
    if (clash) {
      const what = clash.state === "closed" ? "closed" : "being closed";
      throw new ConflictError(`${range.from} – ${range.to} overlaps the period ${clash.fromDay} – ${clash.toDay}, which is ${what}`);
    }
    const [row] = await tx
      .insert(periods)
      .values({ orgId, fromDay: range.from, toDay: range.to, state: "closing", total: campaigns.length, closedBy: author.userId, closedByLabel: author.label, startedAt: now })
      .returning();
    return row!;
  });
  try {
    return await evaluateAndWrite(ctx, orgId, period, range, campaigns, now);
  } catch (err) {
    // Nothing of a failed close stays: the range can be closed again once the cause is fixed.
    await ctx.db.delete(periods).where(eq(periods.id, period.id)).catch(() => undefined);
    throw err;
  }
}

async function evaluateAndWrite(
  ctx: Ctx,
  orgId: string,
  period: Period,
  range: DayRange,
  campaigns: Awaited<ReturnType<typeof campaignsToClose>>,
  now: Date,
): Promise<CloseResult> {
  const directory = await loadDirectory(ctx.db, orgId);
  // every campaign of the close reads the same month: one read of each range and streak series serves them all
  const cache = await KpiCache.create(ctx.db, orgId, directory, campaigns.map((c) => c.document));
  prefetchReads(cache, campaigns, range);
  const evaluated: CampaignLines[] = [];
  for (const [i, campaign] of campaigns.entries()) {
    evaluated.push(await campaignLines(ctx.db, orgId, campaign, range, directory, cache));
    await ctx.db.update(periods).set({ progress: i + 1 }).where(eq(periods.id, period.id));
  }
  const lateCheckedAt = new Date(); // received_at is the database's clock, not the caller's
  const late = await lateAdjustments(ctx, orgId, directory);
  const runId = randomUUID();
  const lines: Array<NewLine & { id: string }> = [];
  const entries: Array<NewEntry & { id: string }> = [];
  for (const c of evaluated) {
    const rows = lineRows(c, { orgId, runId, periodId: period.id, directory, now });
    lines.push(...rows.lines);
    entries.push(...rows.entries);
  }
  for (const adj of late) {
    for (const c of adj.campaigns) {
      const rows = lineRows(c, { orgId, runId, periodId: adj.period.id, directory, now, adjustment: { reason: "late events received after the period was closed", corrects: adj.corrects } });
      lines.push(...rows.lines);
      entries.push(...rows.entries);
    }
  }
  await ctx.db.transaction(async (tx) => {
    await tx.insert(payoutRuns).values({ id: runId, orgId, periodId: period.id, state: "draft", createdAt: now, updatedAt: now });
    await insertLines(tx, lines);
    await insertNewEntries(tx, entries);
    const waiting = await attachWaitingLines(tx, orgId, runId);
    for (const adj of late) await tx.update(periods).set({ lateCheckedAt }).where(eq(periods.id, adj.period.id));
    const ruleVersions = Object.fromEntries(campaigns.map((c) => [c.id, c.version]));
    await tx
      .update(periods)
      .set({ state: "closed", ruleVersions, progress: campaigns.length, closedAt: now, lateCheckedAt: period.startedAt })
      .where(eq(periods.id, period.id));
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: "period.close",
      targetType: "period",
      targetId: period.id,
      before: { state: "open" },
      after: {
        state: "closed",
        from: range.from,
        to: range.to,
        payoutRunId: runId,
        ruleVersions,
        lines: lines.length,
        pending: lines.filter((l) => l.status === "pending").length,
        lateAdjustments: lines.filter((l) => l.lineType === "adjustment").length,
        waitingAdjustments: waiting,
      },
    });
  });
  announceChange(ctx.db, orgId); // committed: points boards move
  return { periodId: period.id, payoutRunId: runId };
}

type LateAdjustment = { period: Period; campaigns: CampaignLines[]; corrects: Map<string, PayoutLine> };

/**
 * For each closed period that received late events since it was last checked: every frozen campaign evaluated again
 * over it, as lines of the difference from what its lines (awards and earlier adjustments, whatever their status —
 * a rejected line stays rejected) already hold.
 */
async function lateAdjustments(ctx: Ctx, orgId: string, directory: Directory): Promise<LateAdjustment[]> {
  const out: LateAdjustment[] = [];
  const externalOf = new Map(directory.agents.map((a) => [a.userId, a.externalId]));
  for (const period of await periodsWithLateEvents(ctx.db, orgId)) {
    const existing = await linesOfPeriod(ctx.db, period.id);
    const campaigns: CampaignLines[] = [];
    const corrects = new Map<string, PayoutLine>();
    for (const campaign of await frozenCampaigns(ctx.db, orgId, period.ruleVersions)) {
      const recomputed = await campaignLines(ctx.db, orgId, campaign, { from: period.fromDay, to: period.toDay }, directory);
      const mine = existing.filter((l) => l.campaignId === campaign.id);
      const paid: PaidSoFar[] = mine.map((l) => ({ agent: externalOf.get(l.agentId) ?? "", awardType: l.awardType, currency: l.currency, label: l.label, amount: l.amount }));
      for (const l of mine) if (l.lineType === "award") corrects.set(correctionKey(campaign.id, { agent: externalOf.get(l.agentId) ?? "", awardType: l.awardType, currency: l.currency, label: l.label }), l);
      const drafts = adjustmentDrafts(recomputed.lines, paid);
      if (drafts.length > 0) campaigns.push({ ...recomputed, lines: drafts });
    }
    out.push({ period, campaigns, corrects });
  }
  return out;
}
