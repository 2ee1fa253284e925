import { z } from "zod";

/**
 * The canonical event, version 1 (SPEC §3.1, contract). Every source (API, webhooks, CSV/XLSX) produces these.
 * A field that is unknown is null or absent, never 0: absence is carried through to the KPIs as "no sample".
 */
export const EVENT_TYPES = ["call", "ticket", "survey", "qa_review", "metric"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const CHANNELS = ["voice", "email", "chat", "social", "messaging", "other"] as const;
export const SURVEY_KINDS = ["csat", "nps", "ces"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export const DEFAULT_SCALES: Record<SurveyKind, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
};
export const METRIC_KEY = /^[a-z][a-z0-9_]{0,62}$/;

// ISO-8601 date-time with an explicit offset (Z or ±hh:mm / ±hhmm). A local time without offset is ambiguous and refused.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

const timestamp = z
  .string({ message: "is required (ISO-8601 with offset)" })
  .refine((s) => ISO_WITH_OFFSET.test(s), { message: "must be an ISO-8601 timestamp with an offset, e.g. 2026-10-31T23:30:00+08:00" })
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: "is not a valid date" });

const nullableTimestamp = timestamp.nullish();
const duration = z.number({ message: "must be a number of seconds" }).finite().min(0, { message: "must not be negative" }).nullish();
const count = z.number({ message: "must be a whole number" }).int({ message: "must be a whole number" }).min(0, { message: "must not be negative" }).nullish();
const flag = z.boolean({ message: "must be true, false or null" }).nullish();

const base = {
  id: z.string({ message: "is required" }).min(1, { message: "is required" }).max(200, { message: "must be at most 200 characters" }),
  agent: z.string({ message: "must be a string or null" }).max(320, { message: "must be at most 320 characters" }).nullish(),
  queue: z.string({ message: "must be a string or null" }).max(200, { message: "must be at most 200 characters" }).nullish(),
  channel: z.enum(CHANNELS, { message: `must be one of ${CHANNELS.join(", ")}` }).nullish(),
  occurredAt: timestamp,
};

const call = z.object({
  ...base,
  type: z.literal("call"),
  answered: z.boolean({ message: "is required (true or false)" }),
  resolved: flag,
  firstContactResolved: flag,
  waitSeconds: duration,
  talkSeconds: duration,
  holdSeconds: duration,
  wrapSeconds: duration,
});

const ticket = z.object({
  ...base,
  type: z.literal("ticket"),
  createdAt: timestamp,
  firstReplyAt: nullableTimestamp,
  solvedAt: nullableTimestamp,
  replies: count,
  reopens: count,
  slaMet: flag,
  firstContactResolved: flag,
});

const scale = z
  .object({ min: z.number().finite(), max: z.number().finite() }, { message: "must be an object {min, max}" })
  .refine((s) => s.max > s.min, { message: "max must be greater than min" });

const survey = z
  .object({
    ...base,
    type: z.literal("survey"),
    survey: z.enum(SURVEY_KINDS, { message: `is required: one of ${SURVEY_KINDS.join(", ")}` }),
    score: z.number({ message: "is required (a number)" }).finite(),
    scale: scale.nullish(),
    contactId: z.string().max(200).nullish(),
  })
  .superRefine((s, ctx) => {
    const { min, max } = s.scale ?? DEFAULT_SCALES[s.survey];
    if (s.score < min || s.score > max) ctx.addIssue({ code: "custom", path: ["score"], message: `must be between ${min} and ${max}` });
  });

const qaReview = z.object({
  ...base,
  type: z.literal("qa_review"),
  score: z.number({ message: "is required (0 to 100)" }).finite().min(0, { message: "must be between 0 and 100" }).max(100, { message: "must be between 0 and 100" }),
  reviewer: z.string().max(320).nullish(),
});

const metric = z.object({
  ...base,
  type: z.literal("metric"),
  metric: z.string({ message: "is required" }).regex(METRIC_KEY, { message: "must match [a-z][a-z0-9_]{0,62}" }),
  value: z.number({ message: "is required (a number)" }).finite(),
});

const eventSchema = z.discriminatedUnion("type", [call, ticket, survey, qaReview, metric], {
  message: `type: must be one of ${EVENT_TYPES.join(", ")}`,
});

export type CanonicalEvent = z.infer<typeof eventSchema>;
export type CallEvent = z.infer<typeof call>;
export type TicketEvent = z.infer<typeof ticket>;
export type SurveyEvent = z.infer<typeof survey>;

export type EventValidation = { ok: true; event: CanonicalEvent } | { ok: false; id: string | null; errors: string[] };

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");
}

/** Validates one raw event. Errors read "field: message", one per problem, in field order. */
export function validateEvent(raw: unknown): EventValidation {
  const id = typeof (raw as { id?: unknown })?.id === "string" ? ((raw as { id: string }).id) : null;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, id, errors: ["event: must be a JSON object"] };
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== "string" || !(EVENT_TYPES as readonly string[]).includes(type)) {
    return { ok: false, id, errors: [`type: must be one of ${EVENT_TYPES.join(", ")}`] };
  }
  const result = eventSchema.safeParse(raw);
  if (result.success) return { ok: true, event: normalize(result.data) };
  const errors = result.error.issues.map((i) => (i.path.length ? `${pathOf(i.path)}: ${i.message}` : i.message));
  return { ok: false, id, errors: [...new Set(errors)] };
}

/** Absent optional fields become null so stored events have one shape; blank agent/queue strings mean "unknown". */
function normalize(e: CanonicalEvent): CanonicalEvent {
  const blankToNull = (s: string | null | undefined) => (s == null || s.trim() === "" ? null : s.trim());
  const common = { agent: blankToNull(e.agent), queue: blankToNull(e.queue), channel: e.channel ?? null };
  switch (e.type) {
    case "call":
      return {
        ...e,
        ...common,
        resolved: e.resolved ?? null,
        firstContactResolved: e.firstContactResolved ?? null,
        waitSeconds: e.waitSeconds ?? null,
        talkSeconds: e.talkSeconds ?? null,
        holdSeconds: e.holdSeconds ?? null,
        wrapSeconds: e.wrapSeconds ?? null,
      };
    case "ticket":
      return {
        ...e,
        ...common,
        firstReplyAt: e.firstReplyAt ?? null,
        solvedAt: e.solvedAt ?? null,
        replies: e.replies ?? null,
        reopens: e.reopens ?? null,
        slaMet: e.slaMet ?? null,
        firstContactResolved: e.firstContactResolved ?? null,
      };
    case "survey":
      return { ...e, ...common, scale: e.scale ?? DEFAULT_SCALES[e.survey], contactId: e.contactId ?? null };
    case "qa_review":
      return { ...e, ...common, reviewer: e.reviewer ?? null };
    case "metric":
      return { ...e, ...common };
  }
}
