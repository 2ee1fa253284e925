import { z } from "zod";
import { daysBetween, isValidDay } from "@/lib/domain/calendar";
import { SERIES_BUCKETS } from "@/lib/domain/kpi-series";
import { kpiQuerySchema, MAX_RANGE_DAYS } from "./kpis";

const { from, to, metrics, team, agent } = kpiQuerySchema.shape;

/**
 * A KPI trend (the KPI pages' charts): per day or per ISO week, for one agent (`agent`, an external id or email), one
 * team (`team`), or the whole organization (neither).
 */
export const kpiSeriesSchema = z
  .object({
    from,
    to,
    metrics,
    bucket: z.enum(SERIES_BUCKETS, { message: `must be one of ${SERIES_BUCKETS.join(", ")}` }).default("day"),
    team,
    agent,
  })
  .superRefine((q, ctx) => {
    if (q.team !== undefined && q.agent !== undefined) ctx.addIssue({ code: "custom", path: ["agent"], message: "give a team or an agent, not both" });
    if (!isValidDay(q.from) || !isValidDay(q.to)) return;
    if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (daysBetween(q.from, q.to) + 1 > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `the range may span at most ${MAX_RANGE_DAYS} days` });
    }
  });
export type KpiSeriesInput = z.input<typeof kpiSeriesSchema>;
