import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SERIES_BUCKETS } from "@/lib/domain/kpi-series";
import { KpiTrendChart } from "./kpi-trend-chart";
import { hrefWith, PAGE_KPIS, type ChartView, type PageQuery } from "./view";

/** The trend of the charted KPI, with the day/week switch and (optionally) a row of KPIs to chart instead. */
export async function TrendCard({ path, q, chart, kpiChips }: { path: string; q: PageQuery; chart: ChartView; kpiChips: boolean }) {
  const t = await getTranslations("kpis");
  const name = t(`names.${chart.kpi}`);
  const title = t("chart.title", { kpi: name });
  return (
    <section className="card" data-testid="kpi-trend">
      <div className="spread wrap">
        <h2 className="flush">{title}</h2>
        <nav className="chips" aria-label={t("chart.bucket")}>
          {SERIES_BUCKETS.map((b) => (
            <Link key={b} href={hrefWith(path, q, { bucket: b })} scroll={false} aria-current={q.bucket === b ? "true" : undefined} className="chip">
              {t(`chart.${b}`)}
            </Link>
          ))}
        </nav>
      </div>
      {kpiChips && (
        <nav className="chips kpi-chips" aria-label={t("chart.pick")}>
          {PAGE_KPIS.map((k) => (
            <Link key={k} href={hrefWith(path, q, { kpi: k })} scroll={false} aria-current={q.kpi === k ? "true" : undefined} className="chip">
              {t(`names.${k}`)}
            </Link>
          ))}
        </nav>
      )}
      {chart.hasData ? (
        <KpiTrendChart kpi={chart.kpi} title={title} rows={chart.rows} target={chart.target} type={chart.type} />
      ) : (
        <p className="empty" data-testid="kpi-chart-empty">
          {t("chart.noData", { kpi: name })}
        </p>
      )}
      <p className="muted small flush">{t("chart.hint")}</p>
    </section>
  );
}
