import { z } from "zod";
import { EVENT_TYPES, type EventType } from "../events";
import { fieldSpec, IMPORT_FIELDS, type FieldSpec } from "./fields";
import { canonicalTimeZone, dateFormatProblem, DURATION_FORMATS, isValidTimeZone, type DurationFormat } from "./values";

/**
 * How the columns of a CSV/XLSX file become canonical events (SPEC §3.3). The same JSON is saved per source in the
 * UI and passed to `npx podium import --mapping`:
 *
 *   {
 *     "version": 1,
 *     "eventType": "call",
 *     "columns": { "id": "Call ID", "occurredAt": "Start", "agent": "Agent", "answered": "Answered", "talkSeconds": "Talk" },
 *     "constants": { "channel": "voice" },
 *     "dateFormat": "MM/dd/yyyy HH:mm",
 *     "timeZone": "America/New_York",
 *     "duration": "hms"
 *   }
 *
 * `columns` maps canonical fields to column headers; `constants` gives a field the same value on every row (read like
 * a cell). `dateFormat` uses date-fns tokens and is never guessed; values that carry an offset keep theirs.
 * `timeZone` (IANA) places times without an offset; absent, the organization's. `duration`: seconds | hms (h:mm:ss) |
 * h.mm.ss | dayfraction (0.5 = 12 hours). Without an `id` column each row's id is derived from its content.
 */
const headerName = z
  .string({ message: "must be a column header" })
  .trim()
  .min(1, { message: "must name a column" })
  .max(200, { message: "must be at most 200 characters" });

const constantValue = z
  .union([z.string(), z.number(), z.boolean()], { message: "must be a text, number or true/false" })
  .transform((v) => String(v))
  .pipe(z.string().max(320, { message: "must be at most 320 characters" }));

export const importMappingSchema = z
  .strictObject({
    version: z.literal(1, { message: "must be 1" }).default(1),
    eventType: z.enum(EVENT_TYPES, { message: `must be one of ${EVENT_TYPES.join(", ")}` }),
    columns: z.record(z.string(), headerName).default({}),
    constants: z.record(z.string(), constantValue).default({}),
    dateFormat: z
      .string({ message: "must be a date format such as MM/dd/yyyy HH:mm" })
      .trim()
      .max(100, { message: "must be at most 100 characters" })
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .superRefine((v, ctx) => {
        const problem = v === undefined ? null : dateFormatProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    timeZone: z
      .string({ message: "must be an IANA time zone such as Asia/Kuala_Lumpur" })
      .trim()
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .refine((v) => v === undefined || isValidTimeZone(v), { message: "must be an IANA time zone such as Asia/Kuala_Lumpur" })
      .transform((v) => (v === undefined ? undefined : canonicalTimeZone(v))),
    duration: z.enum(DURATION_FORMATS, { message: `must be one of ${DURATION_FORMATS.join(", ")}` }).default("seconds"),
  })
  .superRefine((m, ctx) => {
    const known = IMPORT_FIELDS[m.eventType].map((s) => s.field);
    for (const group of ["columns", "constants"] as const) {
      for (const field of Object.keys(m[group])) {
        if (!fieldSpec(m.eventType, field)) {
          ctx.addIssue({ code: "custom", path: [group, field], message: `is not a field of ${m.eventType} events (fields: ${known.join(", ")})` });
        } else if (group === "constants" && field === "id") {
          ctx.addIssue({ code: "custom", path: [group, field], message: "cannot be a constant: every row would be the same event" });
        } else if (group === "constants" && field in m.columns) {
          ctx.addIssue({ code: "custom", path: [group, field], message: "has a column too: give a column or a constant, not both" });
        }
      }
    }
    for (const spec of IMPORT_FIELDS[m.eventType]) {
      if (spec.required && !(spec.field in m.columns) && !(spec.field in m.constants)) {
        ctx.addIssue({ code: "custom", path: ["columns", spec.field], message: "is required: map a column to it" });
      }
    }
  });

export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

export type MappingIssue = { path: string; message: string };

/** Where each field's value comes from, resolved against the file's headers. */
export type FieldSource = { spec: FieldSpec } & ({ column: number; header: string } | { constant: string });
export type PreparedMapping = {
  eventType: EventType;
  sources: FieldSource[];
  dateFormat?: string;
  timeZone: string;
  duration: DurationFormat;
};

const LISTED_HEADERS = 12;

/** A header by exact name, or by a case-insensitive match when exactly one header matches that way. */
function findHeader(headers: readonly string[], name: string): number {
  const exact = headers.indexOf(name);
  if (exact >= 0) return exact;
  const folded = name.toLowerCase();
  const matches = headers.flatMap((h, i) => (h.trim().toLowerCase() === folded ? [i] : []));
  return matches.length === 1 ? matches[0]! : -1;
}

/**
 * Resolves a valid mapping against a file's headers. Problems concern the whole file (a column that is not there),
 * so they are reported once, before any row is read.
 */
export function prepareMapping(
  mapping: ImportMapping,
  headers: readonly string[],
  defaults: { timeZone: string },
): { ok: true; prepared: PreparedMapping } | { ok: false; issues: MappingIssue[] } {
  const issues: MappingIssue[] = [];
  const sources: FieldSource[] = [];
  for (const spec of IMPORT_FIELDS[mapping.eventType]) {
    const header = mapping.columns[spec.field];
    const constant = mapping.constants[spec.field];
    if (header !== undefined) {
      const column = findHeader(headers, header);
      if (column < 0) {
        const list = headers.slice(0, LISTED_HEADERS).map((h) => JSON.stringify(h)).join(", ");
        const more = headers.length > LISTED_HEADERS ? ", …" : "";
        issues.push({ path: `columns.${spec.field}`, message: `column "${header}" is not in the file (its columns: ${list}${more})` });
      } else {
        sources.push({ spec, column, header: headers[column]! });
      }
    } else if (constant !== undefined) {
      sources.push({ spec, constant });
    }
  }
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    prepared: {
      eventType: mapping.eventType,
      sources,
      dateFormat: mapping.dateFormat,
      timeZone: mapping.timeZone ?? defaults.timeZone,
      duration: mapping.duration,
    },
  };
}
