import { z } from "zod";
import { fairnessMethodsFor, targetBounds } from "@/lib/domain/kpi-settings";
import { KPI_DEFINITIONS, parseKpiKey } from "@/lib/domain/kpis";

export const FAIRNESS_METHODS = ["raw", "wilson", "bayes"] as const;
export const MAX_MIN_SAMPLES = 100_000;
export const MAX_BAYES_WEIGHT = 100_000;
export const MAX_SERVICE_LEVEL_SECONDS = 3_600;

const blank = (v: unknown) => v === null || (typeof v === "string" && v.trim() === "");
/** Form fields arrive as strings: "" means `empty`, other text is read as a number (a bad one fails as "must be a number"). */
const numeric = (empty: unknown) => (v: unknown) => (v === undefined ? undefined : blank(v) ? empty : typeof v === "string" ? Number(v.trim()) : v);

const setting = z.object({
  /** "" or null clears the target. */
  target: z.preprocess(numeric(null), z.number({ message: "must be a number" }).nullable().optional()),
  /** "" means no minimum. */
  minSamples: z.preprocess(
    numeric(0),
    z
      .number({ message: "must be a whole number" })
      .int({ message: "must be a whole number" })
      .min(0, { message: "must be 0 or more" })
      .max(MAX_MIN_SAMPLES, { message: `must be at most ${MAX_MIN_SAMPLES}` })
      .optional(),
  ),
  method: z.preprocess((v) => (blank(v) ? "raw" : v), z.enum(FAIRNESS_METHODS, { message: `must be one of ${FAIRNESS_METHODS.join(", ")}` }).optional()),
  /** "" restores the default weight. */
  bayesWeight: z.preprocess(
    numeric(10),
    z
      .number({ message: "must be a number" })
      .gt(0, { message: "must be more than 0" })
      .max(MAX_BAYES_WEIGHT, { message: `must be at most ${MAX_BAYES_WEIGHT}` })
      .optional(),
  ),
});
export type KpiSettingPatch = z.output<typeof setting>;

const METHOD_RULE: Record<string, string> = {
  wilson: "the Wilson bound applies to rate KPIs only",
  bayes: "the Bayesian average applies to mean KPIs only",
};

/**
 * Admin KPI settings: per built-in KPI (keyed by its name) any of target, minimum samples, fairness method and Bayes
 * weight — a field left out keeps its stored value — and the organization's service-level threshold T in seconds.
 */
export const updateKpiSettingsSchema = z
  .object({
    kpis: z.record(z.string(), setting).default({}),
    serviceLevelSeconds: z.preprocess(
      numeric(undefined),
      z
        .number({ message: "must be a whole number of seconds" })
        .int({ message: "must be a whole number of seconds" })
        .min(1, { message: `must be between 1 and ${MAX_SERVICE_LEVEL_SECONDS} seconds` })
        .max(MAX_SERVICE_LEVEL_SECONDS, { message: `must be between 1 and ${MAX_SERVICE_LEVEL_SECONDS} seconds` })
        .optional(),
    ),
  })
  .superRefine((input, ctx) => {
    for (const [kpi, patch] of Object.entries(input.kpis)) {
      const parsed = parseKpiKey(kpi);
      if (parsed?.kind !== "builtin") {
        ctx.addIssue({ code: "custom", path: ["kpis", kpi], message: `unknown KPI "${kpi}": settings exist for the built-in KPIs` });
        continue;
      }
      const kind = KPI_DEFINITIONS[parsed.key].kind;
      if (patch.method !== undefined && !fairnessMethodsFor(kind).includes(patch.method)) {
        const rule = METHOD_RULE[patch.method];
        ctx.addIssue({ code: "custom", path: ["kpis", kpi, "method"], message: `${rule}; ${kpi} is a ${kind}: use ${fairnessMethodsFor(kind).join(" or ")}` });
      }
      if (patch.target !== undefined && patch.target !== null) {
        const { min, max } = targetBounds(kind);
        if (!Number.isFinite(patch.target) || patch.target < min || patch.target > max) {
          ctx.addIssue({
            code: "custom",
            path: ["kpis", kpi, "target"],
            message: max === Number.MAX_SAFE_INTEGER ? "must be 0 or more" : `must be between ${min} and ${max}`,
          });
        }
      }
    }
  });
export type UpdateKpiSettingsInput = z.input<typeof updateKpiSettingsSchema>;
