import type { EventType } from "@/lib/domain/events";
import { IMPORT_FIELDS } from "@/lib/domain/import/fields";
import { formatIssue, mapRow, type RowIssue } from "@/lib/domain/import/map-row";
import { importMappingSchema, prepareMapping, type ImportMapping, type ImportMappingInput, type MappingIssue, type PreparedMapping } from "@/lib/domain/import/mapping";
import { dateFormatProblem, isValidTimeZone, swapHint, type DurationFormat, type SwapHint } from "@/lib/domain/import/values";
import type { ParsedRow } from "@/lib/import/parse-file";

/**
 * The mapping as the page edits it, and the checks that run in the browser for the preview and "validate all". The
 * server runs the same domain functions again on import: nothing here is trusted.
 */
export type Source = { kind: "column"; header: string } | { kind: "constant"; value: string };
export type Draft = {
  eventType: EventType;
  sources: Record<string, Source>;
  dateFormat: string;
  timeZone: string;
  duration: DurationFormat;
};

export const emptyDraft = (timeZone: string, eventType: EventType = "call"): Draft => ({ eventType, sources: {}, dateFormat: "", timeZone, duration: "seconds" });

export function toMapping(draft: Draft): ImportMappingInput {
  const columns: Record<string, string> = {};
  const constants: Record<string, string> = {};
  for (const spec of IMPORT_FIELDS[draft.eventType]) {
    const source = draft.sources[spec.field];
    if (source?.kind === "column") columns[spec.field] = source.header;
    else if (source?.kind === "constant" && source.value.trim() !== "") constants[spec.field] = source.value;
  }
  return {
    version: 1,
    eventType: draft.eventType,
    columns,
    constants,
    dateFormat: draft.dateFormat.trim() || undefined,
    timeZone: draft.timeZone.trim() || undefined,
    duration: draft.duration,
  };
}

export function fromMapping(mapping: ImportMapping, fallbackTimeZone: string): Draft {
  const sources: Record<string, Source> = {};
  for (const [field, header] of Object.entries(mapping.columns)) sources[field] = { kind: "column", header };
  for (const [field, value] of Object.entries(mapping.constants)) sources[field] = { kind: "constant", value };
  return {
    eventType: mapping.eventType,
    sources,
    dateFormat: mapping.dateFormat ?? "",
    timeZone: mapping.timeZone ?? fallbackTimeZone,
    duration: mapping.duration,
  };
}

const normalize = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Fields whose name (or label) equals a header, ignoring case and punctuation, get that column: "Talk seconds" →
 * talkSeconds. Only exact matches: nothing is guessed from the values, and fields already set are left alone.
 */
export function autoMatch(draft: Draft, headers: readonly string[], labelOf: (field: string) => string): Draft {
  const byName = new Map(headers.map((h) => [normalize(h), h] as const));
  const sources = { ...draft.sources };
  for (const spec of IMPORT_FIELDS[draft.eventType]) {
    if (sources[spec.field]) continue;
    const header = byName.get(normalize(spec.field)) ?? byName.get(normalize(labelOf(spec.field)));
    if (header) sources[spec.field] = { kind: "column", header };
  }
  return { ...draft, sources };
}

export type Checked = { ok: true; mapping: ImportMapping; prepared: PreparedMapping } | { ok: false; issues: MappingIssue[] };

/** The draft checked as the server will check it: the mapping's own rules, then against the file's headers. */
export function checkDraft(draft: Draft, headers: readonly string[], orgTimeZone: string): Checked {
  const parsed = importMappingSchema.safeParse(toMapping(draft));
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  const prepared = prepareMapping(parsed.data, headers, { timeZone: orgTimeZone });
  return prepared.ok ? { ok: true, mapping: parsed.data, prepared: prepared.prepared } : prepared;
}

/** What the preview shows for a row without an id column: the real id is a hash the server computes. */
export const PREVIEW_ID = "import:…";

export type PreviewRow = { line: number; values: Record<string, unknown>; issues: RowIssue[] };

export function previewRows(prepared: PreparedMapping, rows: readonly ParsedRow[], count: number): PreviewRow[] {
  return rows.slice(0, count).map((row) => {
    const mapped = mapRow(prepared, row.cells, PREVIEW_ID);
    return mapped.ok ? { line: row.line, values: mapped.event as Record<string, unknown>, issues: [] } : { line: row.line, values: {}, issues: mapped.issues };
  });
}

export type Reason = { text: string; count: number; lines: number[] };
export type Validation = { valid: number; invalid: number; reasons: Reason[] };

/** Quoted cell values differ row by row; without them, the same problem groups into one reason. */
const reasonOf = (issue: RowIssue) => formatIssue(issue).replace(/"(?:[^"\\]|\\.)*"(?= (?:is|does|has|gives))/g, "…");

/** Every row checked in slices, yielding to the browser between them so the page stays responsive. */
export async function validateAll(prepared: PreparedMapping, rows: readonly ParsedRow[], onProgress: (done: number) => void): Promise<Validation> {
  const reasons = new Map<string, Reason>();
  let valid = 0;
  const SLICE = 2_000;
  for (let start = 0; start < rows.length; start += SLICE) {
    for (const row of rows.slice(start, start + SLICE)) {
      const mapped = mapRow(prepared, row.cells, PREVIEW_ID);
      if (mapped.ok) {
        valid++;
        continue;
      }
      for (const issue of mapped.issues) {
        const text = reasonOf(issue);
        const reason = reasons.get(text) ?? { text, count: 0, lines: [] };
        reason.count++;
        if (reason.lines.length < 5) reason.lines.push(row.line);
        reasons.set(text, reason);
      }
    }
    onProgress(Math.min(rows.length, start + SLICE));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { valid, invalid: rows.length - valid, reasons: [...reasons.values()].sort((a, b) => b.count - a.count) };
}

export type DateHint = SwapHint & { column: string };

/** The first date column whose values suggest day and month the other way round (see swapHint). */
export function dateFormatHint(draft: Draft, headers: readonly string[], rows: readonly ParsedRow[], sample = 500): DateHint | null {
  const format = draft.dateFormat.trim();
  const timeZone = draft.timeZone.trim() || "UTC";
  if (!format || dateFormatProblem(format) || !isValidTimeZone(timeZone)) return null;
  for (const spec of IMPORT_FIELDS[draft.eventType]) {
    const source = draft.sources[spec.field];
    if (spec.kind !== "datetime" || source?.kind !== "column") continue;
    const column = headers.indexOf(source.header);
    if (column < 0) continue;
    const values = rows.slice(0, sample).map((r) => r.cells[column] ?? null).filter((c): c is string => typeof c === "string");
    const hint = swapHint(values, format, timeZone);
    if (hint) return { ...hint, column: source.header };
  }
  return null;
}
