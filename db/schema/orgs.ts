import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { PayPeriod } from "@/lib/domain/money/pay-periods";

export { PAY_PERIODS, type PayPeriod } from "@/lib/domain/money/pay-periods";

/** Opening hours per ISO weekday (1 = Monday … 7 = Sunday), local "HH:MM" times in the org's timezone. */
export type BusinessHours = {
  days: number[];
  start: string;
  end: string;
};

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  name: text("name").notNull(),
  timezone: text("timezone").notNull().default("UTC"),
  currency: text("currency").notNull().default("USD"),
  locale: text("locale").notNull().default("en"),
  businessHours: jsonb("business_hours").$type<BusinessHours>().notNull().default(DEFAULT_BUSINESS_HOURS),
  /** Service level threshold T in seconds: an answered call waiting at most T counts as within service level. */
  serviceLevelSeconds: integer("service_level_seconds").notNull().default(20),
  /** How pay periods recur (SPEC §6): calendar months by default, or weeks or quarters, in the org's time zone. */
  payPeriod: text("pay_period").$type<PayPeriod>().notNull().default("month"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Organization = typeof organizations.$inferSelect;
