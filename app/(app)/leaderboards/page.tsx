import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { listLeaderboards } from "@/lib/server/list-leaderboards";
import { listTeams } from "@/lib/server/list-teams";
import { PageHead } from "@/lib/ui/page-head";
import { boardListRows, boardsForTeam } from "./list-view";

export const metadata: Metadata = { title: "Leaderboards" };

type SearchParams = Record<string, string | string[] | undefined>;

/** Every board of the organization (SPEC §9: everyone sees them), filterable by team; managers create and edit them. */
export default async function LeaderboardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requirePageCtx("leaderboards.view");
  const [boards, teams, t, tRoot, locale] = await Promise.all([listLeaderboards(ctx), listTeams(ctx), getTranslations("leaderboards"), getTranslations(), getLocale()]);
  const asked = (await searchParams).team;
  const team = teams.find((x) => x.id === (Array.isArray(asked) ? asked[0] : asked))?.id;
  const rows = boardListRows(boardsForTeam(boards, team), new Map(teams.map((x) => [x.id, x.name])), tRoot, locale);
  const manage = can(ctx.actor, "leaderboards.manage");
  return (
    <div className="stack" data-testid="leaderboards">
      <PageHead title={t("list.title")} subtitle={t("list.subtitle")}>
        {manage && (
          <div className="row">
            <Link href="/leaderboards/displays" className="button secondary" data-testid="display-links">
              {t("list.displays")}
            </Link>
            <Link href="/leaderboards/new" className="button" data-testid="new-board">
              + {t("list.new")}
            </Link>
          </div>
        )}
      </PageHead>
      {teams.length > 0 && boards.length > 0 && (
        <nav className="chips" aria-label={t("list.teamFilter")}>
          <Link href="/leaderboards" className="chip" aria-current={team ? undefined : "true"}>
            {t("list.allTeams")}
          </Link>
          {teams.map((x) => (
            <Link key={x.id} href={`/leaderboards?team=${x.id}`} className="chip" aria-current={team === x.id ? "true" : undefined}>
              {x.name}
            </Link>
          ))}
        </nav>
      )}
      <section className="card">
        {rows.length === 0 ? (
          <p className="empty">{boards.length === 0 ? (manage ? t("list.emptyManage") : t("list.empty")) : t("list.emptyTeam")}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="boards-table">
              <thead>
                <tr>
                  <th>{t("list.name")}</th>
                  <th>{t("list.metric")}</th>
                  <th>{t("list.period")}</th>
                  <th>{t("list.scope")}</th>
                  {manage && <th />}
                </tr>
              </thead>
              <tbody>
                {rows.map((b) => (
                  <tr key={b.id} data-board={b.id}>
                    <td>
                      <Link href={`/leaderboards/${b.id}`}>
                        <strong>{b.name}</strong>
                      </Link>
                    </td>
                    <td>{b.metric}</td>
                    <td className="small">{b.period}</td>
                    <td className="small">{b.scope}</td>
                    {manage && (
                      <td className="num">
                        <Link href={`/leaderboards/${b.id}/edit`} className="small">
                          {t("edit")}
                        </Link>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
