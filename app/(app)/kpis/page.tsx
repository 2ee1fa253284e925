import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { localDay } from "@/lib/domain/calendar";
import { getKpiSettings } from "@/lib/server/get-kpi-settings";
import { getMyKpis } from "@/lib/server/get-my-kpis";
import { getOrganization } from "@/lib/server/get-organization";
import { KpiCard } from "./kpi-card";
import { PeriodPicker } from "./period-picker";
import { TrendCard } from "./trend-card";
import { chartView, kpiCards, PAGE_KPIS, rangeLabel, readPageQuery, type SearchParams } from "./view";
import { PageHead } from "@/lib/ui/page-head";

const PATH = "/kpis";

export default async function MyKpisPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requirePageCtx("self.view");
  const [org, locale, t] = await Promise.all([getOrganization(ctx), getLocale(), getTranslations("kpis")]);
  const q = readPageQuery(await searchParams, localDay(new Date(), org.timezone));
  const [mine, settings] = await Promise.all([
    getMyKpis(ctx, { from: q.from, to: q.to, metrics: PAGE_KPIS, bucket: q.bucket }),
    getKpiSettings(ctx),
  ]);
  const range = rangeLabel(q.from, q.to, locale);
  return (
    <div className="stack" data-testid="my-kpis">
      <PageHead title={t("mine.title")} subtitle={t("mine.subtitle", { range })} />
      {mine.agent === null ? (
        <section className="card">
          <h2>{t("mine.noProfileTitle")}</h2>
          <p className="muted">{t("mine.noProfile")}</p>
          {can(ctx.actor, "agents.view") && <Link href="/kpis/team">{t("mine.teamLink")}</Link>}
        </section>
      ) : (
        <>
          <PeriodPicker path={PATH} q={q} />
          {q.invalidPeriod && (
            <div className="alert error" role="alert">
              {t("period.invalidCustom")}
            </div>
          )}
          <div className="kpi-grid" data-testid="kpi-cards">
            {kpiCards(mine.totals, settings.kpis, q, PATH, locale).map((card) => (
              <KpiCard key={card.kpi} card={card} />
            ))}
          </div>
          <TrendCard path={PATH} q={q} chart={chartView(mine.series, q, settings.kpis, locale)} kpiChips={false} />
        </>
      )}
    </div>
  );
}
