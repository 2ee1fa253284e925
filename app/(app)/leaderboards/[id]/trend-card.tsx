import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { metricLabel } from "@/lib/ui/leaderboard-format";
import { KpiTrendChart } from "../../kpis/kpi-trend-chart";
import type { BoardTrend } from "./trend";
import { boardHref, type BoardQuery } from "./view";

/** The board's KPI over its period, per day (per week for long periods), for the viewer or a team of the board. */
export async function BoardTrendCard({ id, q, trend, queue }: { id: string; q: BoardQuery; trend: BoardTrend; queue: string | null }) {
  const t = await getTranslations("leaderboards.trend");
  const tRoot = await getTranslations();
  if (trend.options.length === 0) return null;
  const name = metricLabel(trend.kpi, tRoot);
  const scope = trend.options.find((o) => o.key === trend.selected)?.label ?? "";
  const title = t("title", { kpi: name, scope });
  return (
    <section className="card" data-testid="board-trend">
      <div className="spread wrap">
        <h2 className="flush">{title}</h2>
        {trend.options.length > 1 && (
          <nav className="chips" aria-label={t("whose")}>
            {trend.options.map((o) => (
              <Link key={o.key} href={boardHref(id, q, { trend: o.key })} scroll={false} aria-current={trend.selected === o.key ? "true" : undefined} className="chip">
                {o.label}
              </Link>
            ))}
          </nav>
        )}
      </div>
      {trend.kpis.length > 1 && (
        <nav className="chips kpi-chips" aria-label={t("part")}>
          {trend.kpis.map((k) => (
            <Link key={k} href={boardHref(id, q, { kpi: k })} scroll={false} aria-current={trend.kpi === k ? "true" : undefined} className="chip">
              {metricLabel(k, tRoot)}
            </Link>
          ))}
        </nav>
      )}
      {trend.chart?.hasData ? (
        <KpiTrendChart kpi={trend.kpi} title={title} rows={trend.chart.rows} target={null} type={trend.chart.type} />
      ) : (
        <p className="empty">{t("noData")}</p>
      )}
      <p className="muted small flush">
        {trend.kpis.length > 1 ? t("compositeHint") : t("hint")}
        {queue && ` ${t("allQueues")}`}
      </p>
    </section>
  );
}
