import { getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { getKpiSettings } from "@/lib/server/get-kpi-settings";
import { kpiUnit } from "@/lib/ui/kpi-format";
import { KpiSettingsForm, type SettingRowView } from "./kpi-settings-form";

export default async function KpiSettingsPage() {
  const ctx = await requirePageCtx("org.admin");
  const [settings, t] = await Promise.all([getKpiSettings(ctx), getTranslations("kpis.settings")]);
  const rows: SettingRowView[] = settings.kpis.map((row) => ({ ...row, unit: kpiUnit(row.kpi) }));
  return (
    <section className="card" data-testid="kpi-settings">
      <h1>{t("title")}</h1>
      <p className="muted">{t("subtitle")}</p>
      <KpiSettingsForm rows={rows} serviceLevelSeconds={settings.serviceLevelSeconds} />
    </section>
  );
}
