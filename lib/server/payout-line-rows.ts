import { randomUUID } from "node:crypto";
import type { NewEntry } from "@/db/queries/ledger";
import type { PayoutLine, payoutLines } from "@/db/schema";
import { assetOf } from "@/lib/domain/money/ledger";
import { lineKey, type LineDraft } from "@/lib/domain/money/lines";
import type { CampaignLines } from "./period-evaluation";
import type { Directory } from "./kpi-directory";

type NewLine = typeof payoutLines.$inferInsert;

/** The ledger entry of an approved line with a balance asset (badges and rewards have none). */
export function entryForLine(line: Pick<PayoutLine, "id" | "orgId" | "agentId" | "awardType" | "currency" | "amount" | "lineType">, correctsId: string | null, now: Date): (NewEntry & { id: string }) | null {
  const asset = assetOf({ type: line.awardType, currency: line.currency });
  if (!asset || line.amount === 0) return null;
  return {
    id: randomUUID(),
    orgId: line.orgId,
    agentId: line.agentId,
    asset,
    amount: line.amount,
    kind: line.lineType === "award" ? "award" : "adjustment",
    source: `payout_line:${line.id}`,
    idempotencyKey: `payout_line:${line.id}`,
    correctsId,
    createdAt: now,
  };
}

/**
 * Payout lines (and the ledger entries of those approved at once) for one campaign's evaluated lines. `adjustment`
 * turns them into adjustment lines of an earlier period with a reason, each naming the award line it corrects.
 */
export function lineRows(
  input: CampaignLines,
  ctx: {
    orgId: string;
    runId: string;
    periodId: string;
    directory: Directory;
    now: Date;
    adjustment?: { reason: string; corrects: Map<string, PayoutLine> };
  },
): { lines: Array<NewLine & { id: string }>; entries: Array<NewEntry & { id: string }> } {
  const byExternal = new Map(ctx.directory.agents.map((a) => [a.externalId, a]));
  const lines: Array<NewLine & { id: string }> = [];
  const entries: Array<NewEntry & { id: string }> = [];
  for (const draft of input.lines) {
    const agent = byExternal.get(draft.agent);
    if (!agent) continue; // evaluated participants come from the same directory
    const status = input.approval === "auto" ? "approved" : "pending";
    const corrected = ctx.adjustment?.corrects.get(correctionKey(input.campaign.id, draft));
    const line: NewLine & { id: string } = {
      id: randomUUID(),
      orgId: ctx.orgId,
      runId: ctx.runId,
      periodId: ctx.periodId,
      lineType: ctx.adjustment ? "adjustment" : "award",
      agentId: agent.userId,
      campaignId: input.campaign.id,
      campaignName: input.campaign.document.name,
      campaignVersion: input.campaign.version,
      awardType: draft.awardType,
      amount: draft.amount,
      currency: draft.currency,
      label: draft.label,
      status,
      approval: input.approval,
      teamIds: agent.teamIds,
      explanation: draft.explanation,
      reason: ctx.adjustment?.reason ?? null,
      correctsLineId: corrected?.id ?? null,
      decidedAt: status === "approved" ? ctx.now : null,
      createdAt: ctx.now,
    };
    if (status === "approved") {
      const entry = entryForLine({ ...line, currency: line.currency ?? null, lineType: line.lineType }, corrected?.ledgerEntryId ?? null, ctx.now);
      if (entry) {
        entries.push(entry);
        line.ledgerEntryId = entry.id;
      }
    }
    lines.push(line);
  }
  return { lines, entries };
}

/** Which award line an adjustment corrects: same campaign, agent, type, currency and label. */
export const correctionKey = (campaignId: string, line: Pick<LineDraft, "agent" | "awardType" | "currency" | "label">) => `${campaignId}\u0000${lineKey(line)}`;
