import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { listTeams } from "@/lib/server/list-teams";
import { newBoardDraft } from "@/lib/ui/leaderboard-draft";
import { PageHead } from "@/lib/ui/page-head";
import { BoardForm } from "../_form/board-form";

export const metadata: Metadata = { title: "New leaderboard" };

export default async function NewLeaderboardPage() {
  const ctx = await requirePageCtx("leaderboards.manage");
  const [teams, t] = await Promise.all([listTeams(ctx), getTranslations("leaderboards")]);
  return (
    <div className="stack">
      <PageHead title={t("form.newTitle")} subtitle={t("form.newSubtitle")} back={{ href: "/leaderboards", label: t("back") }} />
      <BoardForm id={null} initial={newBoardDraft()} teams={teams.map((x) => ({ id: x.id, name: x.name }))} />
    </div>
  );
}
