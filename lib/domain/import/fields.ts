import { CHANNELS, SURVEY_KINDS, type EventType } from "../events";

/**
 * What a spreadsheet column can be mapped to, per event type (SPEC §3.1). `kind` decides how a cell is read;
 * `required` marks the fields an event cannot be stored without. `id` is never required: without an id column each
 * row gets an id derived from its content, so importing the same file again changes nothing.
 */
export type FieldKind = "text" | "choice" | "boolean" | "number" | "integer" | "datetime" | "duration";
export type FieldSpec = { field: string; kind: FieldKind; required: boolean; choices?: readonly string[] };

const f = (field: string, kind: FieldKind, required = false, choices?: readonly string[]): FieldSpec => ({ field, kind, required, choices });

const COMMON: FieldSpec[] = [
  f("id", "text"),
  f("occurredAt", "datetime", true),
  f("agent", "text"),
  f("queue", "text"),
  f("channel", "choice", false, CHANNELS),
];

export const IMPORT_FIELDS: Record<EventType, readonly FieldSpec[]> = {
  call: [
    ...COMMON,
    f("answered", "boolean", true),
    f("resolved", "boolean"),
    f("firstContactResolved", "boolean"),
    f("waitSeconds", "duration"),
    f("talkSeconds", "duration"),
    f("holdSeconds", "duration"),
    f("wrapSeconds", "duration"),
  ],
  ticket: [
    ...COMMON,
    f("createdAt", "datetime", true),
    f("firstReplyAt", "datetime"),
    f("solvedAt", "datetime"),
    f("replies", "integer"),
    f("reopens", "integer"),
    f("slaMet", "boolean"),
    f("firstContactResolved", "boolean"),
  ],
  survey: [
    ...COMMON,
    f("survey", "choice", true, SURVEY_KINDS),
    f("score", "number", true),
    // the two ends of the scale, when it is not the default of the survey kind (csat 1–5, nps 0–10, ces 1–7)
    f("scaleMin", "number"),
    f("scaleMax", "number"),
    f("contactId", "text"),
  ],
  qa_review: [...COMMON, f("score", "number", true), f("reviewer", "text")],
  metric: [...COMMON, f("metric", "text", true), f("value", "number", true)],
};

export function fieldSpec(type: EventType, field: string): FieldSpec | undefined {
  return IMPORT_FIELDS[type].find((s) => s.field === field);
}
