import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { localDay } from "@/lib/domain/calendar";
import { getKpiSeries } from "@/lib/server/get-kpi-series";
import { getKpiSettings } from "@/lib/server/get-kpi-settings";
import { getKpis } from "@/lib/server/get-kpis";
import { getOrganization } from "@/lib/server/get-organization";
import { listTeams } from "@/lib/server/list-teams";
import { PeriodPicker } from "../period-picker";
import { TrendCard } from "../trend-card";
import { chartView, PAGE_KPIS, rangeLabel, readPageQuery, type SearchParams } from "../view";
import { TeamPicker } from "./team-picker";
import { TeamTable } from "./team-table";
import { teamTable } from "./team-view";
import { PageHead } from "@/lib/ui/page-head";

const PATH = "/kpis/team";

export default async function TeamKpisPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requirePageCtx("agents.view");
  const [org, locale, t] = await Promise.all([getOrganization(ctx), getLocale(), getTranslations("kpis")]);
  // Managers pick among the teams they manage, HR and admins among all (the operations check this again).
  const teams = (await listTeams(ctx)).filter((team) => can(ctx.actor, "agents.view", { orgId: org.id, teamIds: [team.id] }));
  const q = readPageQuery(await searchParams, localDay(new Date(), org.timezone));
  const team = teams.find((x) => x.id === q.team) ?? teams[0];

  if (!team) {
    return (
      <div className="stack" data-testid="team-kpis">
        <PageHead title={t("team.title")} />
        <p className="card empty">{t("team.noTeams")}</p>
      </div>
    );
  }
  const query = { ...q, team: team.id };
  const base = { from: q.from, to: q.to, team: team.id, metrics: PAGE_KPIS };
  const [settings, agents, totals, series] = await Promise.all([
    getKpiSettings(ctx),
    getKpis(ctx, { ...base, groupBy: "agent" }),
    getKpis(ctx, { ...base, groupBy: "team" }),
    getKpiSeries(ctx, { ...base, bucket: q.bucket }),
  ]);
  return (
    <div className="stack" data-testid="team-kpis">
      <PageHead title={t("team.title")} subtitle={t("team.subtitle", { team: team.name, range: rangeLabel(q.from, q.to, locale) })}>
        <TeamPicker path={PATH} q={query} teams={teams.map((x) => ({ id: x.id, name: x.name }))} />
      </PageHead>
      <PeriodPicker path={PATH} q={query} />
      {q.invalidPeriod && (
        <div className="alert error" role="alert">
          {t("period.invalidCustom")}
        </div>
      )}
      <TeamTable teamName={team.name} table={teamTable(agents.rows, totals.rows[0], settings.kpis, locale)} />
      <TrendCard path={PATH} q={query} chart={chartView(series.points, query, settings.kpis, locale)} kpiChips />
    </div>
  );
}
