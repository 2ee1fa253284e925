import { doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { FairnessMethod } from "@/lib/domain/fairness";
import { organizations } from "./orgs";

/** Per-organization settings of one KPI: the default target and the fairness rules boards and rules start from. */
export const kpiSettings = pgTable(
  "kpi_settings",
  {
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    kpi: text("kpi").notNull(),
    target: doublePrecision("target"),
    minSamples: integer("min_samples").notNull().default(0),
    method: text("method").$type<FairnessMethod>().notNull().default("raw"),
    bayesWeight: doublePrecision("bayes_weight").notNull().default(10),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kpi] })],
);

export type KpiSetting = typeof kpiSettings.$inferSelect;
