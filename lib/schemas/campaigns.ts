import { z } from "zod";
import { daysBetween, isValidDay } from "@/lib/domain/calendar";
import {
  COMPARES,
  OPS,
  RULE_KINDS,
  SCHEDULE_PERIODS,
  TIE_POLICIES,
  type Award,
  type CampaignDocument,
} from "@/lib/domain/campaigns/document";
import { KPI_DEFINITIONS, parseKpiKey } from "@/lib/domain/kpis";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { currencySchema, nameSchema, uuidSchema } from "./common";
import { MAX_RANGE_DAYS } from "./kpis";

/**
 * The campaign JSON of SPEC §5.1, version 1, validated at every boundary (API, builder, and again when a stored
 * version is loaded). Every problem is reported with its path (`rule.tiers[1].value: must be greater than
 * rule.tiers[0].value`). Objects are strict: a misspelt field in a document about money is an error, not ignored.
 */

/**
 * KPI keys a rule may read: the catalogue of §4 and custom metrics. Not yet: kudos_received (no kudos feed), and
 * points_earned, which a close would have to read while it writes it (the KPI API and points boards have it).
 */
export function kpiKey(what = "KPI") {
  return z.string({ message: `is required: a ${what} key of the catalogue` }).superRefine((key, ctx) => {
    if (key === "kudos_received") ctx.addIssue({ code: "custom", message: "kudos_received is not available yet (it needs the kudos feed)" });
    else if (key === "points_earned") ctx.addIssue({ code: "custom", message: "points_earned cannot drive a campaign yet: rank agents by points on a leaderboard (metric points) instead" });
    else if (!parseKpiKey(key)) ctx.addIssue({ code: "custom", message: `unknown KPI "${key}"` });
  });
}

/** A count KPI: what per_unit awards pay per unit of. */
function isCountKpi(key: string): boolean {
  const parsed = parseKpiKey(key);
  if (!parsed) return false;
  return parsed.kind === "metric" ? parsed.aggregate === "sum" : KPI_DEFINITIONS[parsed.key].kind === "count";
}

const finite = (message = "must be a number") => z.number({ message }).finite({ message });
const positiveInt = (what: string) =>
  z.number({ message: `must be a whole number of ${what}` }).int({ message: `must be a whole number of ${what}` }).positive({ message: "must be greater than 0" }).max(1e12, { message: "is too large" });
const count = (message: string) => z.number({ message }).int({ message }).min(0, { message }).max(1_000_000, { message: "is too large" });

export const awardSchema: z.ZodType<Award> = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("points"), amount: positiveInt("points") }),
    z.strictObject({ type: z.literal("leave"), minutes: positiveInt("minutes") }),
    z.strictObject({ type: z.literal("cash"), amountMinor: positiveInt("minor units (cents, sen…)"), currency: currencySchema }),
    z.strictObject({ type: z.literal("badge"), badge: z.string().trim().min(1, { message: "is required" }).max(80, { message: "must be at most 80 characters" }) }),
    z.strictObject({ type: z.literal("reward"), rewardId: z.string().trim().min(1, { message: "is required" }).max(80) }),
  ],
  { message: "must be an award: points, leave, cash, badge or reward" },
);

const opSchema = z.enum(OPS, { message: "must be gte (at least) or lte (at most)" });
const minSamples = count("must be a whole number of samples, 0 or more");

export const fairnessSchema = z.strictObject({
  minSamples,
  method: z.enum(["raw", "wilson", "bayes"], { message: "must be raw, wilson or bayes" }),
  bayesWeight: finite().positive({ message: "must be greater than 0" }).max(1e6).optional(),
});

const gateSchema = z.strictObject({ metric: kpiKey(), op: opSchema, value: finite(), minSamples: minSamples.optional() });

export const compositeSchema = z.strictObject({
  normalize: z.enum(["minmax", "zscore"], { message: "must be minmax or zscore" }),
  weights: z
    .record(z.string(), finite("must be a number (the weight)").min(0, { message: "must not be negative" }))
    .superRefine((weights, ctx) => {
      const keys = Object.keys(weights);
      if (keys.length === 0) ctx.addIssue({ code: "custom", message: "needs at least one KPI with a weight" });
      if (keys.length > 12) ctx.addIssue({ code: "custom", message: "may combine at most 12 KPIs" });
      for (const key of keys) {
        const check = kpiKey().safeParse(key);
        if (!check.success) ctx.addIssue({ code: "custom", path: [key], message: check.error.issues[0]!.message });
      }
      const total = Object.values(weights).reduce((s, w) => s + (Number.isFinite(w) ? w : 0), 0);
      if (keys.length > 0 && !(total > 0)) ctx.addIssue({ code: "custom", message: "weights must add up to a positive number" });
    }),
});

const common = {
  metric: z.string({ message: 'is required: a KPI key or "composite"' }),
  composite: compositeSchema.optional(),
  fairness: fairnessSchema.optional(),
  gates: z.array(gateSchema).max(10, { message: "may hold at most 10 gates" }).optional(),
  compare: z.enum(COMPARES, { message: `must be one of ${COMPARES.join(", ")}` }).optional(),
  targets: z
    .record(z.string().min(1).max(320), finite("must be a number (the agent's target)").positive({ message: "must be greater than 0" }))
    .optional(),
};

const tier = z.strictObject({ value: finite(), award: awardSchema });
const band = z.strictObject({ from: finite().min(0, { message: "must not be negative" }), award: awardSchema });

const ruleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ ...common, kind: z.literal("threshold"), op: opSchema, target: finite(), award: awardSchema }),
    z.strictObject({
      ...common,
      kind: z.literal("tiered"),
      op: opSchema,
      tiers: z.array(tier).min(1, { message: "needs at least one tier" }).max(20, { message: "may hold at most 20 tiers" }),
    }),
    z.strictObject({
      ...common,
      kind: z.literal("rank"),
      top: z.number({ message: "must be a whole number of positions" }).int({ message: "must be a whole number of positions" }).min(1, { message: "must be at least 1" }).max(1000),
      prizes: z.array(awardSchema).min(1, { message: "needs at least one prize" }).max(1000),
      ties: z.enum(TIE_POLICIES, { message: `must be one of ${TIE_POLICIES.join(", ")}` }),
      tiebreak: kpiKey().optional(),
    }),
    z.strictObject({
      ...common,
      kind: z.literal("per_unit"),
      per: finite().positive({ message: "must be greater than 0" }),
      award: awardSchema,
      bands: z.array(band).min(1, { message: "needs at least one band, or leave bands out" }).max(50).optional(),
      mode: z.enum(["slab", "marginal"], { message: "must be slab or marginal" }).optional(),
    }),
    z.strictObject({
      ...common,
      kind: z.literal("streak"),
      every: z.enum(["day", "week"], { message: "must be day or week" }),
      count: z.number({ message: "must be a whole number" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" }).max(366),
      condition: z.strictObject({ metric: kpiKey(), op: opSchema, value: finite(), minSamples: minSamples.optional() }),
      award: awardSchema,
    }),
    z.strictObject({
      ...common,
      kind: z.literal("recognition"),
      shortlist: z.number({ message: "must be a whole number" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" }).max(100),
      award: awardSchema,
    }),
  ],
  { message: `must have a kind: one of ${RULE_KINDS.join(", ")}` },
);

/** Checks across fields of a rule, each reported at the field it is about. */
function refineRule(rule: z.infer<typeof ruleSchema>, ctx: z.RefinementCtx): void {
  const at = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path: ["rule", ...path], message });
  if (rule.metric === "composite") {
    if (!rule.composite) at(["composite"], 'is required when metric is "composite"');
    if (rule.compare && rule.compare !== "value") at(["compare"], "a composite score is compared as a value only");
  } else {
    const check = kpiKey().safeParse(rule.metric);
    if (!check.success) at(["metric"], check.error.issues[0]!.message);
    if (rule.composite) at(["composite"], 'is only used when metric is "composite"');
  }
  if (rule.compare === "attainment" && (!rule.targets || Object.keys(rule.targets).length === 0)) {
    at(["targets"], "is required for compare: attainment (each agent's target by external id)");
  }
  if (rule.kind === "tiered") {
    rule.tiers.forEach((t, i) => {
      const prev = rule.tiers[i - 1];
      if (!prev) return;
      if (rule.op === "gte" && !(t.value > prev.value)) at(["tiers", i, "value"], `must be greater than rule.tiers[${i - 1}].value (tiers go from easiest to hardest)`);
      if (rule.op === "lte" && !(t.value < prev.value)) at(["tiers", i, "value"], `must be less than rule.tiers[${i - 1}].value (tiers go from easiest to hardest)`);
    });
  }
  if (rule.kind === "rank") {
    if (rule.prizes.length > rule.top) at(["prizes"], `has ${rule.prizes.length} prizes for ${rule.top} positions (top)`);
    if (rule.ties === "tiebreak" && !rule.tiebreak) at(["tiebreak"], "is required when ties is tiebreak: the KPI that decides");
  }
  if (rule.kind === "per_unit") {
    if (rule.metric === "composite" || !isCountKpi(rule.metric)) at(["metric"], "must be a count KPI (e.g. tickets_solved, calls_answered, metric:<key>) to pay per unit");
    if (rule.bands) {
      if (!rule.mode) at(["mode"], "is required with bands: slab or marginal");
      rule.bands.forEach((b, i) => {
        const prev = rule.bands![i - 1];
        if (i === 0 && b.from !== 0) at(["bands", 0, "from"], "must be 0: the first band starts at the first unit");
        if (prev && !(b.from > prev.from)) at(["bands", i, "from"], `must be greater than rule.bands[${i - 1}].from`);
      });
    } else if (rule.mode) at(["mode"], "only applies with bands");
  }
}

const scheduleSchema = z
  .strictObject({
    period: z.enum(SCHEDULE_PERIODS, { message: `must be one of ${SCHEDULE_PERIODS.join(", ")}` }),
    from: z.string({ message: "is required (YYYY-MM-DD)" }).refine(isValidDay, { message: "must be a date as YYYY-MM-DD" }),
    to: z.string({ message: "is required (YYYY-MM-DD)" }).refine(isValidDay, { message: "must be a date as YYYY-MM-DD" }),
  })
  .superRefine((s, ctx) => {
    if (isValidDay(s.from) && isValidDay(s.to) && s.from > s.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before schedule.from" });
  });

const capSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("points"), amount: positiveInt("points") }),
    z.strictObject({ type: z.literal("leave"), minutes: positiveInt("minutes") }),
    z.strictObject({ type: z.literal("cash"), amountMinor: positiveInt("minor units"), currency: currencySchema }),
  ],
  { message: "must cap points (amount), leave (minutes) or cash (amountMinor, currency)" },
);

export const campaignDocumentSchema = z
  .strictObject({
    name: nameSchema,
    description: z.string().trim().max(2000, { message: "must be at most 2000 characters" }).optional(),
    participants: z
      .strictObject({
        teams: z.array(uuidSchema).max(1000).optional(),
        agents: z.array(z.string().trim().min(1, { message: "must be an agent's external id" }).max(320)).max(100_000).optional(),
      })
      .optional(),
    schedule: scheduleSchema,
    rule: ruleSchema,
    budget: z
      .strictObject({
        currency: currencySchema,
        amountMinor: z.number({ message: "must be a whole number of minor units" }).int({ message: "must be a whole number of minor units" }).min(0, { message: "must not be negative" }).max(1e13),
        policy: z.enum(["prorate", "rank_order"], { message: "must be prorate or rank_order" }),
      })
      .optional(),
    capPerAgent: z.array(capSchema).max(10).optional(),
    approval: z.enum(["auto", "manager", "hr"], { message: "must be auto, manager or hr" }).optional(),
  })
  .superRefine((doc, ctx) => {
    refineRule(doc.rule, ctx);
    const seen = new Set<string>();
    doc.capPerAgent?.forEach((cap, i) => {
      const key = cap.type === "cash" ? `cash:${cap.currency}` : cap.type;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["capPerAgent", i], message: `caps ${key} twice` });
      seen.add(key);
    });
  }) satisfies z.ZodType<CampaignDocument, unknown>;

export const simulateSchema = z
  .object({
    campaign: z.unknown(),
    from: z.string({ message: "is required (YYYY-MM-DD)" }).refine(isValidDay, { message: "must be a date as YYYY-MM-DD" }),
    to: z.string({ message: "is required (YYYY-MM-DD)" }).refine(isValidDay, { message: "must be a date as YYYY-MM-DD" }),
  })
  .superRefine((q, ctx) => {
    if (isValidDay(q.from) && isValidDay(q.to) && q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (isValidDay(q.from) && isValidDay(q.to) && daysBetween(q.from, q.to) + 1 > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `the range may span at most ${MAX_RANGE_DAYS} days` });
    }
  });

/** `GET …/standings?from&to`: both or neither (neither: the campaign's current period). */
export const standingsQuerySchema = z
  .object({
    from: z.string().refine(isValidDay, { message: "must be a date as YYYY-MM-DD" }).optional(),
    to: z.string().refine(isValidDay, { message: "must be a date as YYYY-MM-DD" }).optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) ctx.addIssue({ code: "custom", path: [q.from === undefined ? "from" : "to"], message: "give both from and to, or neither for the current period" });
    else if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (q.from && q.to && daysBetween(q.from, q.to) + 1 > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `the range may span at most ${MAX_RANGE_DAYS} days` });
  });

/** A manager's pick of a recognition campaign's winner for one of its periods (SPEC §8.2); agent null clears it. */
export const recognitionPickSchema = z.object({
  from: z.string({ message: "is required (YYYY-MM-DD)" }).refine(isValidDay, { message: "must be a date as YYYY-MM-DD" }),
  to: z.string({ message: "is required (YYYY-MM-DD)" }).refine(isValidDay, { message: "must be a date as YYYY-MM-DD" }),
  agent: z.string().trim().min(1, { message: "must not be empty" }).max(320).nullable(),
  reason: z
    .string()
    .trim()
    .max(500, { message: "must be at most 500 characters" })
    .optional()
    .transform((v) => (v ? v : undefined)),
});

/** Fields a read returns beside the document (GET → edit → PUT round-trips): ignored on write, except `shadow`. */
const READ_ONLY_FIELDS = ["id", "version", "status", "createdAt", "updatedAt", "launchedAt", "createdBy"] as const;

/**
 * The body of a create or edit: the §5.1 document, plus the optional `shadow` flag (run live, hidden from agents).
 * Problems are reported at their paths within the document (`rule.tiers[1].value`).
 */
export function parseCampaignBody(body: unknown, prefix?: string): { document: CampaignDocument; shadow: boolean | undefined } {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ValidationError(`${prefix ? `${prefix}: ` : ""}must be a campaign JSON object (SPEC §5.1)`, [{ path: prefix ?? "", message: "must be a campaign JSON object" }]);
  }
  const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const key of READ_ONLY_FIELDS) delete rest[key];
  const shadow = rest.shadow;
  delete rest.shadow;
  if (shadow !== undefined && typeof shadow !== "boolean") throw new ValidationError("shadow: must be true or false", [{ path: "shadow", message: "must be true or false" }]);
  return { document: parseInput(campaignDocumentSchema, rest, prefix) as CampaignDocument, shadow };
}
