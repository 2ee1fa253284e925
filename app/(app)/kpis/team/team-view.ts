import type { BuiltinKpi } from "@/lib/domain/kpis";
import type { KpiSettingRow } from "@/lib/server/get-kpi-settings";
import type { KpiRow } from "@/lib/server/get-kpis";
import { PAGE_KPIS, valueView, type ValueView } from "../view";

export type TeamTableView = {
  kpis: BuiltinKpi[];
  rows: Array<{ key: string; name: string; cells: ValueView[] }>;
  total: ValueView[] | null;
};

/** Agents × KPIs, and the team's own totals (over all its agents' samples, not an average of agents' values). */
export function teamTable(rows: readonly KpiRow[], total: KpiRow | undefined, settings: readonly KpiSettingRow[], locale: string): TeamTableView {
  const cells = (row: KpiRow) => PAGE_KPIS.map((kpi) => valueView(kpi, row.metrics[kpi], settings.find((s) => s.kpi === kpi), locale));
  return {
    kpis: PAGE_KPIS,
    rows: rows.map((row) => ({ key: row.key, name: row.name, cells: cells(row) })),
    total: total ? cells(total) : null,
  };
}
