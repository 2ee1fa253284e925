import type { AwardType } from "../campaigns/document";

/**
 * The payout export columns of SPEC §6 (contract), in order, then ours: `award_label` names what a badge or reward
 * line is (the badge, the reward item), so `award_type` stays one of the award types a payroll tool can filter on.
 */
export const EXPORT_COLUMNS = [
  "period_start",
  "period_end",
  "line_type",
  "employee_id",
  "agent_email",
  "agent_name",
  "team",
  "campaign",
  "award_type",
  "quantity",
  "unit",
  "amount_minor",
  "currency",
  "rule_version",
  "award_id",
  "award_label",
] as const;

export type ExportLine = {
  id: string;
  periodFrom: string;
  periodTo: string;
  lineType: "award" | "adjustment";
  employeeId: string | null;
  agentEmail: string;
  agentName: string;
  teams: readonly string[];
  campaignName: string;
  awardType: AwardType;
  amount: number;
  currency: string | null;
  label: string | null;
  campaignVersion: number | null;
};

export type Cell = string | number | null;

/** Points and leave are quantities with a unit; cash is an amount in minor units with its currency (SPEC §6). */
export function unitOf(type: AwardType): string {
  switch (type) {
    case "points":
      return "points";
    case "leave":
      return "minutes";
    case "badge":
      return "badge";
    case "reward":
      return "reward";
    default:
      return "";
  }
}

/** One export row, cells in EXPORT_COLUMNS order. Text cells are neutralized; numbers stay numbers. */
export function exportRow(line: ExportLine): Cell[] {
  const cash = line.awardType === "cash";
  return [
    line.periodFrom,
    line.periodTo,
    line.lineType,
    neutralize(line.employeeId ?? ""),
    neutralize(line.agentEmail),
    neutralize(line.agentName),
    neutralize([...line.teams].sort().join("; ")),
    neutralize(line.campaignName),
    line.awardType,
    cash ? null : line.amount,
    cash ? null : unitOf(line.awardType),
    cash ? line.amount : null,
    cash ? line.currency : null,
    line.campaignVersion,
    line.id,
    neutralize(line.label ?? ""),
  ];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with `=`, `+`, `-`, `@`, tab or carriage
 * return is prefixed with an apostrophe so spreadsheets show it as text. Numbers are written as numbers, never
 * neutralized, so a negative adjustment stays −500.
 */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Totals per asset of exported lines, for checking an export against the ledger. */
export function exportTotals(lines: Iterable<Pick<ExportLine, "awardType" | "amount" | "currency">>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) {
    const asset = l.awardType === "points" ? "points" : l.awardType === "leave" ? "leave_minutes" : l.awardType === "cash" ? `cash:${l.currency}` : null;
    if (asset) out[asset] = (out[asset] ?? 0) + l.amount;
  }
  return out;
}
