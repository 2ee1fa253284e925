import { z } from "zod";
import { PAY_PERIODS } from "@/lib/domain/money/pay-periods";
import { currencySchema, localeSchema, nameSchema, timezoneSchema } from "./common";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a time as HH:MM" });

export const businessHoursSchema = z
  .object({
    days: z
      .array(z.coerce.number().int().min(1).max(7))
      .min(1, { message: "pick at least one working day" })
      .transform((d) => [...new Set(d)].sort()),
    start: hhmm,
    end: hhmm,
  })
  .refine((b) => b.start < b.end, { message: "must end after it starts", path: ["end"] });

export const createOrganizationSchema = z.object({
  name: nameSchema,
  timezone: timezoneSchema.default("UTC"),
  currency: currencySchema.default("USD"),
  locale: localeSchema.default("en"),
});
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

export const updateOrganizationSchema = z.object({
  name: nameSchema,
  timezone: timezoneSchema,
  currency: currencySchema,
  locale: localeSchema,
  businessHours: businessHoursSchema,
  /** How pay periods recur; left as it is when not given. */
  payPeriod: z.enum(PAY_PERIODS, { message: `must be one of ${PAY_PERIODS.join(", ")}` }).optional(),
});
export type UpdateOrganizationInput = z.input<typeof updateOrganizationSchema>;
