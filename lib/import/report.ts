import Papa from "papaparse";
import type { RejectedRow } from "@/lib/domain/import/map-row";

export const REPORT_COLUMNS = ["line", "id", "column", "field", "error"] as const;

/**
 * The report of rejected rows as CSV, one line per problem, in line order: what an operator opens next to the file
 * to fix it. Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them as formulas.
 */
export function rejectedRowsCsv(rejected: readonly RejectedRow[]): string {
  const rows = [...rejected]
    .sort((a, b) => a.line - b.line)
    .flatMap((r) => r.issues.map((i) => [String(r.line), r.id ?? "", i.column ?? "", i.field, i.message].map(neutralize)));
  return Papa.unparse({ fields: [...REPORT_COLUMNS], data: rows }, { newline: "\r\n" });
}

function neutralize(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
