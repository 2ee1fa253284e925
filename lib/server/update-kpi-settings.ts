import { eq } from "drizzle-orm";
import { upsertKpiSettings } from "@/db/queries/kpi-settings";
import { findOrganization } from "@/db/queries/orgs";
import { organizations } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { KpiSettingValues } from "@/lib/domain/kpi-settings";
import { NotFoundError } from "@/lib/errors";
import { updateKpiSettingsSchema, type UpdateKpiSettingsInput } from "@/lib/schemas/kpi-settings";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import { loadKpiSettings, type KpiSettingsView } from "./get-kpi-settings";
import { rebuildKpiRollups } from "./rebuild-kpi-rollups";

export type UpdateKpiSettingsResult = KpiSettingsView & {
  /** The KPIs whose settings changed. */
  changed: string[];
  /** Set when T changed: the rollups were rebuilt from this many stored events. */
  rebuilt: { events: number } | null;
};

const same = (a: KpiSettingValues, b: KpiSettingValues) =>
  a.target === b.target && a.minSamples === b.minSamples && a.method === b.method && a.bayesWeight === b.bayesWeight;

/**
 * Admin: KPI targets, minimum samples and fairness methods, and the service-level threshold T. Only what changes is
 * written and audited. `service_level` is rolled up per event at ingest time, so a new T rebuilds the organization's
 * rollups from its stored events in this same transaction: the KPIs reflect the new T as soon as the change is visible.
 */
export async function updateKpiSettings(ctx: Ctx, input: UpdateKpiSettingsInput): Promise<UpdateKpiSettingsResult> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(updateKpiSettingsSchema, input);
  return ctx.db.transaction(async (tx) => {
    const org = await findOrganization(tx, orgId);
    if (!org) throw new NotFoundError("Organization not found");
    const current = await loadKpiSettings(tx, orgId);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const writes: Array<KpiSettingValues & { kpi: string }> = [];
    for (const row of current) {
      const patch = data.kpis[row.kpi];
      if (!patch) continue;
      const old: KpiSettingValues = { target: row.target, minSamples: row.minSamples, method: row.method, bayesWeight: row.bayesWeight };
      const next: KpiSettingValues = {
        target: patch.target === undefined ? old.target : patch.target,
        minSamples: patch.minSamples ?? old.minSamples,
        method: patch.method ?? old.method,
        bayesWeight: patch.bayesWeight ?? old.bayesWeight,
      };
      if (same(old, next)) continue;
      writes.push({ kpi: row.kpi, ...next });
      before[row.kpi] = old;
      after[row.kpi] = next;
    }
    await upsertKpiSettings(tx, orgId, writes, nowOf(ctx));

    const newT = data.serviceLevelSeconds;
    let rebuilt: { events: number } | null = null;
    if (newT !== undefined && newT !== org.serviceLevelSeconds) {
      await tx.update(organizations).set({ serviceLevelSeconds: newT, updatedAt: nowOf(ctx) }).where(eq(organizations.id, orgId));
      rebuilt = await rebuildKpiRollups(tx, orgId, { timeZone: org.timezone, serviceLevelSeconds: newT }, { relocalize: false });
    }

    if (writes.length > 0 || rebuilt) {
      await recordAudit(tx, ctx.actor, {
        orgId,
        action: "kpi_settings.update",
        targetType: "organization",
        targetId: orgId,
        before: { kpis: before, ...(rebuilt ? { serviceLevelSeconds: org.serviceLevelSeconds } : {}) },
        after: { kpis: after, ...(rebuilt ? { serviceLevelSeconds: newT } : {}) },
        ...(rebuilt ? { meta: { rollupsRebuilt: rebuilt } } : {}),
      });
    }
    return {
      serviceLevelSeconds: rebuilt ? newT! : org.serviceLevelSeconds,
      kpis: writes.length ? await loadKpiSettings(tx, orgId) : current,
      changed: writes.map((w) => w.kpi),
      rebuilt,
    };
  });
}
