import type { Queryable } from "@/db/client";
import { listKpiSettings } from "@/db/queries/kpi-settings";
import { findOrganization } from "@/db/queries/orgs";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { FairnessMethod } from "@/lib/domain/fairness";
import { DEFAULT_KPI_SETTING, fairnessMethodsFor, type KpiKind, type KpiSettingValues } from "@/lib/domain/kpi-settings";
import { BUILTIN_KPIS, KPI_DEFINITIONS, type BuiltinKpi, type Direction } from "@/lib/domain/kpis";
import { NotFoundError } from "@/lib/errors";
import type { Ctx } from "./context";

export type KpiSettingRow = KpiSettingValues & {
  kpi: BuiltinKpi;
  kind: KpiKind;
  direction: Direction;
  /** The fairness methods this KPI's kind allows. */
  methods: FairnessMethod[];
};
export type KpiSettingsView = { serviceLevelSeconds: number; kpis: KpiSettingRow[] };

/** Every built-in KPI with its stored settings, or the defaults where none are stored, in catalogue order. */
export async function loadKpiSettings(q: Queryable, orgId: string): Promise<KpiSettingRow[]> {
  const stored = new Map((await listKpiSettings(q, orgId)).map((r) => [r.kpi, r]));
  return BUILTIN_KPIS.map((kpi) => {
    const { kind, direction } = KPI_DEFINITIONS[kpi];
    const row = stored.get(kpi);
    const values: KpiSettingValues = row
      ? { target: row.target, minSamples: row.minSamples, method: row.method, bayesWeight: row.bayesWeight }
      : DEFAULT_KPI_SETTING;
    return { kpi, kind, direction, methods: fairnessMethodsFor(kind), ...values };
  });
}

/**
 * The organization's KPI settings and service-level threshold. Every signed-in member may read them: KPI pages show
 * targets and mark values below the minimum sample as "not enough data". (API keys have no scope for them.)
 */
export async function getKpiSettings(ctx: Ctx): Promise<KpiSettingsView> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "self.view", { orgId });
  const org = await findOrganization(ctx.db, orgId);
  if (!org) throw new NotFoundError("Organization not found");
  return { serviceLevelSeconds: org.serviceLevelSeconds, kpis: await loadKpiSettings(ctx.db, orgId) };
}
