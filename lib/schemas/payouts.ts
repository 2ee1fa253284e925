import { z } from "zod";
import { daysBetween, isValidDay } from "@/lib/domain/calendar";

const day = z.string({ message: "is required" }).refine(isValidDay, { message: "must be a date as YYYY-MM-DD" });

/** At most a year in one close: a longer range is a mistake, not a pay period. */
export const MAX_CLOSE_DAYS = 366;

/** `POST /api/v1/periods/close` (SPEC §10). */
export const closePeriodSchema = z
  .strictObject({ from: day, to: day })
  .superRefine((q, ctx) => {
    if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (daysBetween(q.from, q.to) + 1 > MAX_CLOSE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `a period may span at most ${MAX_CLOSE_DAYS} days` });
  });

export const commentSchema = z
  .string({ message: "is required" })
  .trim()
  .min(1, { message: "is required" })
  .max(2000, { message: "must be at most 2000 characters" });

/** An agent disputing one of their lines. */
export const raiseDisputeSchema = z.strictObject({ lineId: z.uuid({ message: "must be a valid id" }), comment: commentSchema });

/**
 * HR resolving a dispute: accepted with the correction (a signed whole amount in the line's unit — points, minutes or
 * minor units — never 0), or rejected; a comment either way.
 */
export const resolveDisputeSchema = z.discriminatedUnion(
  "decision",
  [
    z.strictObject({
      decision: z.literal("accept"),
      amount: z.coerce
        .number({ message: "must be a whole number" })
        .int({ message: "must be a whole number" })
        .refine((n) => n !== 0, { message: "must not be zero" })
        .refine((n) => Math.abs(n) <= 1_000_000_000, { message: "is too large" }),
      comment: commentSchema,
    }),
    z.strictObject({ decision: z.literal("reject"), comment: commentSchema }),
  ],
  { error: () => "decision must be accept or reject" },
);

export const lineFilterSchema = z.strictObject({
  status: z.enum(["pending", "approved", "rejected"]).optional(),
  lineType: z.enum(["award", "adjustment"]).optional(),
  awardType: z.enum(["points", "leave", "cash", "badge", "reward"]).optional(),
  q: z.string().trim().max(120).optional(),
});
export type LineFilter = z.infer<typeof lineFilterSchema>;
