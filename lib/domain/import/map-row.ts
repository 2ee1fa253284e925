import { validateEvent, type CanonicalEvent, type EventType } from "../events";
import type { FieldSource, PreparedMapping } from "./mapping";
import { cellText, isBlank, readBoolean, readDateTime, readDuration, readInteger, readNumber, type ImportCell, type Read } from "./values";

/** One problem of one row: the canonical field, the column it came from (null for constants and missing fields), why. */
export type RowIssue = { field: string; column: string | null; message: string };
export type MappedRow = { ok: true; event: CanonicalEvent } | { ok: false; issues: RowIssue[] };

/** `column "Talk" (talkSeconds): "abc" is not a duration as h:mm:ss` — the form used in reports and the CLI. */
export function formatIssue(issue: RowIssue): string {
  return issue.column !== null ? `column "${issue.column}" (${issue.field}): ${issue.message}` : `${issue.field}: ${issue.message}`;
}

function readCell(cell: Exclude<ImportCell, null>, source: FieldSource, mapping: PreparedMapping): Read<unknown> {
  switch (source.spec.kind) {
    case "text":
      return { ok: true, value: cellText(cell) };
    case "choice":
      return { ok: true, value: cellText(cell).toLowerCase() };
    case "boolean":
      return readBoolean(cellText(cell));
    case "number":
      return readNumber(cellText(cell));
    case "integer":
      return readInteger(cellText(cell));
    case "duration":
      return readDuration(cell, mapping.duration);
    case "datetime":
      return readDateTime(cell, { dateFormat: mapping.dateFormat, timeZone: mapping.timeZone });
  }
}

const columnOf = (source: FieldSource | undefined) => (source && "column" in source ? source.header : null);

/**
 * Turns one row into a canonical event, or into every problem it has. Blank cells are null (an unknown value, never
 * 0). Cells are read per field kind, then the canonical checks of SPEC §3.1 run on the result, so a row is accepted
 * here exactly when ingestion would accept it. `derivedId` is the row's id when no id column is mapped.
 */
export function mapRow(mapping: PreparedMapping, cells: readonly ImportCell[], derivedId: string): MappedRow {
  const raw: Record<string, unknown> = { type: mapping.eventType satisfies EventType };
  const issues: RowIssue[] = [];
  const byField = new Map<string, FieldSource>();
  for (const source of mapping.sources) {
    byField.set(source.spec.field, source);
    const cell = "column" in source ? (cells[source.column] ?? null) : source.constant;
    if (isBlank(cell)) {
      raw[source.spec.field] = null;
      continue;
    }
    const read = readCell(cell, source, mapping);
    if (read.ok) raw[source.spec.field] = read.value;
    else issues.push({ field: source.spec.field, column: columnOf(source), message: read.message });
  }
  if (!byField.has("id")) raw.id = derivedId;
  if (mapping.eventType === "survey") foldScale(raw, byField, issues);

  const result = validateEvent(raw);
  if (result.ok && issues.length === 0) return { ok: true, event: result.event };
  // Fields that could not be read are absent from `raw`; the canonical check's "is required" for them adds nothing.
  const reported = new Set(issues.map((i) => i.field));
  for (const error of result.ok ? [] : result.errors) {
    const split = error.indexOf(": ");
    const path = split > 0 ? error.slice(0, split) : "event";
    const field = path.split(/[.[]/)[0]!;
    if (reported.has(field)) continue;
    const source = byField.get(field) ?? (field === "scale" ? (byField.get("scaleMax") ?? byField.get("scaleMin")) : undefined);
    issues.push({ field: path, column: columnOf(source), message: split > 0 ? error.slice(split + 2) : error });
  }
  return { ok: false, issues };
}

/** scaleMin and scaleMax are two columns of one canonical field, `scale: {min, max}`. */
function foldScale(raw: Record<string, unknown>, byField: Map<string, FieldSource>, issues: RowIssue[]) {
  const { scaleMin: min, scaleMax: max } = raw;
  delete raw.scaleMin;
  delete raw.scaleMax;
  if (issues.some((i) => i.field === "scaleMin" || i.field === "scaleMax")) return;
  const hasMin = typeof min === "number";
  const hasMax = typeof max === "number";
  if (hasMin && hasMax) raw.scale = { min, max };
  else if (hasMin !== hasMax) {
    const missing = hasMin ? "scaleMax" : "scaleMin";
    issues.push({ field: missing, column: columnOf(byField.get(missing)), message: "is required when the other end of the scale is given" });
  }
}

/** A row that was not imported, by its line in the file, with every reason. */
export type RejectedRow = { line: number; id: string | null; issues: RowIssue[] };
