import { z } from "zod";
import { daysBetween, isValidDay } from "@/lib/domain/calendar";
import { LEDGER_KPIS, parseKpiKey } from "@/lib/domain/kpis";

/** KPIs of SPEC §4 that come from features not built yet: named, but refused with the reason. */
const NOT_YET: Record<string, string> = {
  kudos_received: "kudos_received needs the kudos feed, which this version does not have yet",
};

export const MAX_RANGE_DAYS = 1_096;
export const GROUP_BYS = ["agent", "team", "queue", "org"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

const day = () =>
  z
    .string({ message: `is required (YYYY-MM-DD)` })
    .refine(isValidDay, { message: `must be a date as YYYY-MM-DD` });

/** The query of `GET /api/v1/kpis` (SPEC §4.1) and of the KPI pages. */
export const kpiQuerySchema = z
  .object({
    from: day(),
    to: day(),
    groupBy: z.enum(GROUP_BYS, { message: `must be one of ${GROUP_BYS.join(", ")}` }).default("agent"),
    metrics: z
      .union([z.string(), z.array(z.string())], { message: "is required: KPI keys separated by commas, e.g. csat,aht" })
      .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
      .superRefine((keys, ctx) => {
        if (keys.length === 0) ctx.addIssue({ code: "custom", message: "is required: KPI keys separated by commas, e.g. csat,aht" });
        for (const key of keys) {
          if (NOT_YET[key]) ctx.addIssue({ code: "custom", message: NOT_YET[key] });
          else if (!parseKpiKey(key) && !LEDGER_KPIS.includes(key)) ctx.addIssue({ code: "custom", message: `unknown KPI "${key}"` });
        }
      })
      .transform((keys) => [...new Set(keys)]),
    team: z.string().uuid({ message: "must be a team id" }).optional(),
    queue: z.string().min(1).max(200).optional(),
    agent: z.string().min(1).max(320).optional(),
  })
  .superRefine((q, ctx) => {
    const ledger = q.metrics.filter((k) => LEDGER_KPIS.includes(k));
    if (ledger.length > 0 && (q.groupBy === "queue" || q.queue !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["metrics"], message: `${ledger.join(", ")} comes from the ledger, which has no queues: group by agent, team or org, without queue` });
    }
    if (!isValidDay(q.from) || !isValidDay(q.to)) return;
    if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (daysBetween(q.from, q.to) + 1 > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `the range may span at most ${MAX_RANGE_DAYS} days` });
    }
  });
export type KpiQueryInput = z.input<typeof kpiQuerySchema>;
export type KpiQuery = z.output<typeof kpiQuerySchema>;
