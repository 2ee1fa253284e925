import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { kpiSettings, type KpiSetting } from "../schema";

export async function listKpiSettings(q: Queryable, orgId: string): Promise<KpiSetting[]> {
  return q.select().from(kpiSettings).where(eq(kpiSettings.orgId, orgId));
}

export type KpiSettingWrite = Pick<KpiSetting, "kpi" | "target" | "minSamples" | "method" | "bayesWeight">;

/** Inserts or replaces the settings of the given KPIs (the others keep theirs). */
export async function upsertKpiSettings(q: Queryable, orgId: string, rows: readonly KpiSettingWrite[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await q
    .insert(kpiSettings)
    .values(rows.map((r) => ({ ...r, orgId, updatedAt: now })))
    .onConflictDoUpdate({
      target: [kpiSettings.orgId, kpiSettings.kpi],
      set: {
        target: sql`excluded.target`,
        minSamples: sql`excluded.min_samples`,
        method: sql`excluded.method`,
        bayesWeight: sql`excluded.bayes_weight`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}
