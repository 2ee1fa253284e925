"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { LeaderboardView } from "@/lib/server/leaderboard-view";
import { fairnessLabel } from "@/lib/ui/leaderboard-format";
import { boardRowsView } from "@/lib/ui/leaderboard-rows";
import { useEventStream } from "@/lib/ui/leaderboard-stream";
import { BoardTable } from "./board-table";
import { LiveIndicator } from "./live-indicator";
import { MyPosition } from "./my-position";
import styles from "../leaderboards.module.css";

/**
 * The board as it is now: rendered on the server, then kept current by the board's event stream (the server sends
 * the whole view on connect and on every change, so a reconnect catches up by itself). `me`: the viewer's agent id.
 * `timeZone`: the organization's (org.timezone), in which "updated 1:27:05 AM" is told, as every other time in the app;
 * without it, the zone next-intl was configured with (the server's), never the browser's own.
 */
export function LiveBoard({
  initial,
  me,
  url,
  valueLabel,
  timeZone,
}: {
  initial: LeaderboardView;
  me: string | null;
  url: string;
  valueLabel: string;
  timeZone?: string;
}) {
  const t = useTranslations("leaderboards");
  const tRoot = useTranslations();
  const locale = useLocale();
  const configuredZone = useTimeZone();
  const zone = timeZone ?? configuredZone;
  const [view, setView] = useState(initial);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  // A failure after the stream opened: the board was deleted (the stream ends), or it cannot be ranked right now.
  const [problem, setProblem] = useState<{ gone: boolean; message: string } | null>(null);
  const status = useEventStream(problem?.gone ? null : url, {
    leaderboard: (data) => {
      setView(JSON.parse(data) as LeaderboardView);
      setUpdatedAt(new Date());
      setProblem(null);
    },
    error: (data) => {
      const error = (JSON.parse(data) as { error?: { code?: string; message?: string } }).error;
      setProblem({ gone: error?.code === "not_found", message: error?.message ?? "" });
    },
  });
  const pointsUnit = tRoot("leaderboards.units.points");
  const rows = useMemo(() => boardRowsView(view, me, locale, pointsUnit), [view, me, locale, pointsUnit]);
  const time = updatedAt ? new Intl.DateTimeFormat(locale, { timeStyle: "medium", timeZone: zone }).format(updatedAt) : null;
  return (
    <>
      {rows.neighbours && rows.mine && <MyPosition mine={rows.mine} neighbours={rows.neighbours} ranked={view.ranked} minSamples={view.fairness.minSamples} />}
      <section className="card" data-testid="board">
        <div className={styles.boardBar}>
          <LiveIndicator status={status} />
          <span className="muted small" data-testid="board-counts">
            {t("board.counts", { ranked: view.ranked, participants: view.participants })} · {fairnessLabel(view.fairness, tRoot)}
          </span>
          {time && <span className="muted small">{t("board.updatedAt", { time })}</span>}
        </div>
        {problem && (
          <div className="alert error" role="alert" data-testid="board-problem">
            {problem.gone ? t("board.deleted") : problem.message}
          </div>
        )}
        {/* the viewer's own rank, read out when it changes; the rest of the board is too busy to announce */}
        <p className="sr-caption" aria-live="polite">
          {rows.mine?.rank != null ? t("board.myRankNow", { rank: rows.mine.rank }) : ""}
        </p>
        <BoardTable rows={rows} valueLabel={valueLabel} minSamples={view.fairness.minSamples} />
      </section>
    </>
  );
}
