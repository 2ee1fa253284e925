import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { localDay } from "@/lib/domain/calendar";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { getLeaderboard } from "@/lib/server/get-leaderboard";
import { getOrganization } from "@/lib/server/get-organization";
import { listLeaderboards } from "@/lib/server/list-leaderboards";
import { boardPeriodLabel, metricLabel, scopeLabel } from "@/lib/ui/leaderboard-format";
import { PageHead } from "@/lib/ui/page-head";
import { BoardFilters } from "./board-filters";
import { LiveBoard } from "./live-board";
import { loadBoardTrend } from "./trend";
import { BoardTrendCard } from "./trend-card";
import { readBoardQuery, streamUrl, type SearchParams } from "./view";

export const metadata: Metadata = { title: "Leaderboard" };

/** One board, live: the full ranking, "my position", filters by board and period, and the KPI trend under it. */
export default async function LeaderboardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const ctx = await requirePageCtx("leaderboards.view");
  const { id } = await params;
  const [org, locale, t, tRoot] = await Promise.all([getOrganization(ctx), getLocale(), getTranslations("leaderboards"), getTranslations()]);
  const today = localDay(new Date(), org.timezone);
  const q = readBoardQuery(await searchParams, today);
  let view;
  try {
    view = await getLeaderboard(ctx, id, q.range ?? {});
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    if (!(err instanceof UnprocessableError)) throw err;
    // fail closed, but say why (a KPI the board reads cannot be computed any more)
    return (
      <section className="card" data-testid="board-invalid">
        <h1>{t("board.invalidTitle")}</h1>
        <p className="alert error">{err.message}</p>
        <Link href="/leaderboards">← {t("back")}</Link>
      </section>
    );
  }
  const boards = await listLeaderboards(ctx);
  const summary = boards.find((b) => b.id === id);
  const trend = await loadBoardTrend(ctx, view, summary, q, today, locale, { mine: t("trend.mine"), org: t("trend.org") });
  const metric = metricLabel(view.metric, tRoot);
  return (
    <div className="stack" data-testid="leaderboard">
      <PageHead
        title={view.name}
        titleTestId="board-title"
        back={{ href: "/leaderboards", label: t("back") }}
        subtitle={`${metric} · ${boardPeriodLabel(view.period, tRoot, locale)} · ${scopeLabel(view.scope, tRoot)}`}
      >
        {can(ctx.actor, "leaderboards.manage") && (
          <Link href={`/leaderboards/${id}/edit`} className="button secondary" data-testid="edit-board">
            {t("edit")}
          </Link>
        )}
      </PageHead>
      <BoardFilters id={id} q={q} current={view.period} boards={boards.map((b) => ({ id: b.id, label: `${b.name} — ${metricLabel(b.metric, tRoot)}` }))} />
      {q.invalidPeriod && (
        <div className="alert error" role="alert">
          {t("filters.invalidCustom")}
        </div>
      )}
      <LiveBoard key={streamUrl(id, q)} initial={view} me={trend.me} url={streamUrl(id, q)} valueLabel={metric} timeZone={org.timezone} />
      <BoardTrendCard id={id} q={q} trend={trend} queue={view.scope.queue} />
    </div>
  );
}
