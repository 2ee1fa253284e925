import type { LineRow } from "@/db/queries/payouts";
import type { ExplainDeps, ExplainLine } from "./campaign-explain";
import type { Translate } from "./campaign-format";
import { explainLine } from "./payout-explain";
import { formatLineAmount, formatRange } from "./payout-format";

/** A payout line shaped for a table (STYLE: data before JSX): formatted amount, its why, and what it corrects. */
export type LineView = {
  id: string;
  agentName: string;
  agentEmail: string;
  employeeId: string | null;
  campaign: string;
  period: string;
  lineType: LineRow["lineType"];
  awardType: string;
  amount: string;
  negative: boolean;
  status: LineRow["status"];
  approval: string;
  cash: boolean;
  why: ExplainLine[] | null;
  reason: string | null;
};

/** Stored reasons are English sentences written by the operations; the known ones are translated. */
export function reasonText(reason: string | null, t: Translate): string | null {
  if (!reason) return null;
  const dispute = /^dispute accepted: ([\s\S]*)$/.exec(reason);
  if (dispute) return t("reason.dispute", { comment: dispute[1]! });
  if (reason === "late events received after the period was closed") return t("reason.late");
  return reason;
}

/** `t`: the `payouts` namespace; `deps.t`: the `campaigns` namespace (units and the why sentences). */
export function lineView(line: LineRow, t: Translate, deps: ExplainDeps): LineView {
  return {
    id: line.id,
    agentName: line.agentName,
    agentEmail: line.agentEmail,
    employeeId: line.employeeId,
    campaign: line.campaignVersion ? t("campaignVersion", { name: line.campaignName, version: line.campaignVersion }) : line.campaignName,
    period: formatRange(line.periodFrom, line.periodTo, deps.locale),
    lineType: line.lineType,
    awardType: line.awardType,
    amount: formatLineAmount(line, deps.t, deps.locale),
    negative: line.amount < 0,
    status: line.status,
    approval: line.approval,
    cash: line.awardType === "cash",
    why: explainLine(line.explanation, deps),
    reason: reasonText(line.reason, t),
  };
}
