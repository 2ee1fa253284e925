import { z } from "zod";
import { BOARD_PERIODS } from "@/db/schema";
import { daysBetween, isValidDay } from "@/lib/domain/calendar";
import { compositeSchema, fairnessSchema, kpiKey } from "./campaigns";
import { nameSchema, uuidSchema } from "./common";
import { MAX_RANGE_DAYS } from "./kpis";

const day = z.string({ message: "must be a date as YYYY-MM-DD" }).refine(isValidDay, { message: "must be a date as YYYY-MM-DD" });

/**
 * A leaderboard as the API (SPEC §10: `{ name, metric, period, from?, to?, teams?, fairness? }`) and the form send it.
 * `metric` is a KPI key, "composite" (with `composite`) or "points": the points earned in the range, from the ledger
 * (lib/server/leaderboard-view). A points board ranks every participant by a plain sum, so it takes no composite, no
 * fairness (nothing is sampled) and no queue (ledger entries belong to no queue). Custom periods need both dates; the
 * others follow today.
 */
export const leaderboardSchema = z
  .strictObject({
    name: nameSchema,
    // points_earned, the KPI of the same points (SPEC §4), is stored as "points"
    metric: z.string({ message: 'is required: a KPI key, "composite" or "points"' }).transform((m) => (m === "points_earned" ? "points" : m)),
    composite: compositeSchema.optional(),
    period: z.enum(BOARD_PERIODS, { message: `must be one of ${BOARD_PERIODS.join(", ")}` }),
    from: day.optional(),
    to: day.optional(),
    teams: z.array(uuidSchema).max(200).optional(),
    queue: z.string().trim().min(1, { message: "must not be empty" }).max(200).optional(),
    fairness: fairnessSchema.optional(),
  })
  .superRefine((b, ctx) => {
    const at = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (b.metric === "points") {
      if (b.composite) at("composite", 'is only used when metric is "composite"');
      if (b.fairness) at("fairness", "does not apply to a points board: every participant is ranked by the points they earned");
      if (b.queue !== undefined) at("queue", "does not apply to a points board: points are earned per agent, not per queue");
    } else if (b.metric === "composite") {
      if (!b.composite) at("composite", 'is required when metric is "composite"');
    } else {
      const check = kpiKey().safeParse(b.metric);
      if (!check.success) at("metric", check.error.issues[0]!.message);
      if (b.composite) at("composite", 'is only used when metric is "composite"');
    }
    if (b.period === "custom") {
      if (!b.from) at("from", "is required for a custom period");
      if (!b.to) at("to", "is required for a custom period");
      if (b.from && b.to && isValidDay(b.from) && isValidDay(b.to)) {
        if (b.from > b.to) at("to", "must not be before from");
        else if (daysBetween(b.from, b.to) + 1 > MAX_RANGE_DAYS) at("to", `the range may span at most ${MAX_RANGE_DAYS} days`);
      }
    } else if (b.from || b.to) at(b.from ? "from" : "to", `only a custom period has dates; a ${b.period} board follows today`);
  });
export type LeaderboardInput = z.input<typeof leaderboardSchema>;

/** `GET …/leaderboards/{id}?from&to&top`: another range (both dates) and the number of ranked rows wanted. */
export const leaderboardQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    top: z.coerce.number({ message: "must be a whole number" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" }).max(100_000).optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) ctx.addIssue({ code: "custom", path: [q.from === undefined ? "from" : "to"], message: "give both from and to, or neither for the board's own period" });
    else if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (q.from && q.to && daysBetween(q.from, q.to) + 1 > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `the range may span at most ${MAX_RANGE_DAYS} days` });
  });
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

/** A display link for wall screens: a name, its boards (at least one) and how long each shows. */
export const displayLinkSchema = z.strictObject({
  name: nameSchema,
  boards: z.array(uuidSchema).min(1, { message: "pick at least one board" }).max(20, { message: "at most 20 boards" }),
  rotateSeconds: z.coerce.number({ message: "must be a number of seconds" }).int({ message: "must be a whole number of seconds" }).min(5, { message: "must be at least 5 seconds" }).max(600).optional(),
});
