import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requirePageCtx } from "@/lib/auth/session";
import { getLeaderboard } from "@/lib/server/get-leaderboard";
import { listLeaderboards } from "@/lib/server/list-leaderboards";
import { listTeams } from "@/lib/server/list-teams";
import { boardDraftOf } from "@/lib/ui/leaderboard-draft";
import { PageHead } from "@/lib/ui/page-head";
import { BoardForm } from "../../_form/board-form";

export const metadata: Metadata = { title: "Edit leaderboard" };

export default async function EditLeaderboardPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageCtx("leaderboards.manage");
  const { id } = await params;
  const [boards, teams, t] = await Promise.all([listLeaderboards(ctx), listTeams(ctx), getTranslations("leaderboards")]);
  const board = boards.find((b) => b.id === id);
  if (!board) notFound();
  // A manager sees their own teams; a board may also name others (made by HR or an admin): keep those listed, by name.
  const known = new Set(teams.map((x) => x.id));
  const others = board.teamIds.some((x) => !known.has(x)) ? (await getLeaderboard(ctx, id, { top: 1 })).scope.teams.filter((x) => !known.has(x.id)) : [];
  const options = [...teams, ...others].map((x) => ({ id: x.id, name: x.name }));
  return (
    <div className="stack">
      <PageHead title={t("form.editTitle", { name: board.name })} back={{ href: `/leaderboards/${id}`, label: board.name }} />
      <BoardForm id={id} initial={boardDraftOf(board)} teams={options} />
    </div>
  );
}
