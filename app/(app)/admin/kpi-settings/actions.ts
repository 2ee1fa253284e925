"use server";

import { revalidatePath } from "next/cache";
import { BUILTIN_KPIS } from "@/lib/domain/kpis";
import type { UpdateKpiSettingsInput } from "@/lib/schemas/kpi-settings";
import { updateKpiSettings } from "@/lib/server/update-kpi-settings";
import { formValues } from "@/lib/ui/action-state";
import { runAction } from "@/lib/ui/run-action";
import { withValues, type FormResult } from "@/lib/ui/form-result";

const FIELDS = ["target", "minSamples", "method", "bayesWeight"] as const;

/** The settings table posts `kpis.<kpi>.<field>`; a field the form does not show is left out, so it keeps its value. */
function settingsFrom(formData: FormData): UpdateKpiSettingsInput {
  const kpis: Record<string, Record<string, string>> = {};
  for (const kpi of BUILTIN_KPIS) {
    for (const field of FIELDS) {
      const value = formData.get(`kpis.${kpi}.${field}`);
      if (typeof value === "string") (kpis[kpi] ??= {})[field] = value;
    }
  }
  const t = formData.get("serviceLevelSeconds");
  return { kpis, ...(typeof t === "string" ? { serviceLevelSeconds: t } : {}) };
}

export async function updateKpiSettingsAction(_prev: FormResult | null, formData: FormData) {
  const result = await runAction(async (ctx) => {
    const { changed, rebuilt } = await updateKpiSettings(ctx, settingsFrom(formData));
    return { changed, rebuilt };
  });
  // Targets and minimum samples show on the KPI pages too.
  if (result.ok) {
    revalidatePath("/admin/kpi-settings");
    revalidatePath("/kpis", "layout");
  }
  return withValues(result, formValues(formData));
}
