"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useRef } from "react";
import type { LeaderboardView } from "@/lib/server/leaderboard-view";
import { plainSpaces } from "@/lib/ui/campaign-results";
import { useFlip } from "@/lib/ui/leaderboard-flip";
import { boardPeriodLabel, metricLabel, scopeLabel } from "@/lib/ui/leaderboard-format";
import { boardRowsView } from "@/lib/ui/leaderboard-rows";
import styles from "./tv.module.css";

/**
 * One board on the wall: its top ten in large type; rows slide to their new places when the ranking changes.
 *
 * Rendered on the server and hydrated in the browser, so every formatted text (the period, the values, the movement)
 * goes through plainSpaces: ICUs disagree on thin and narrow no-break spaces, and any difference is a hydration error.
 */
export function TvBoard({ board }: { board: LeaderboardView }) {
  const t = useTranslations("leaderboards.tv");
  const tRoot = useTranslations();
  const locale = useLocale();
  const pointsUnit = tRoot("leaderboards.units.points");
  const rows = useMemo(
    () =>
      boardRowsView(board, null, locale, pointsUnit)
        .ranked.slice(0, 10)
        .map((r) => ({ ...r, value: r.value === null ? null : plainSpaces(r.value) })),
    [board, locale, pointsUnit],
  );
  const list = useRef<HTMLOListElement>(null);
  useFlip(list, rows.map((r) => r.agent).join("|"), { durationMs: 900, flash: "rgba(250, 204, 21, 0.28)" });
  const metric = metricLabel(board.metric, tRoot);
  return (
    <section className={styles.board} aria-labelledby="tv-board-title" data-testid="tv-board" data-board={board.id}>
      <div className={styles.boardHead}>
        <h1 id="tv-board-title" className={styles.boardName} data-testid="tv-board-name">
          {board.name}
        </h1>
        <p className={styles.boardMeta}>
          {metric} · {plainSpaces(boardPeriodLabel(board.period, tRoot, locale))} · {scopeLabel(board.scope, tRoot)}
        </p>
      </div>
      {rows.length === 0 ? (
        <p className={styles.message}>{t("nobodyRanked")}</p>
      ) : (
        <ol ref={list} className={styles.rows} data-testid="tv-rows">
          {rows.map((r) => (
            <li key={r.agent} data-flip-key={r.agent} data-testid="tv-row" data-agent={r.agent} data-rank={r.rank ?? ""} className={styles.row} data-podium={r.rank !== null && r.rank <= 3 ? r.rank : undefined}>
              <span className={styles.rank}>{r.rankLabel}</span>
              <span className={styles.name}>{r.name}</span>
              <span className={styles.value}>{r.value}</span>
              <span className={styles.move} data-dir={r.move.dir} aria-label={r.move.dir === "up" || r.move.dir === "down" ? plainSpaces(t(`move.${r.move.dir}`, { n: r.move.places })) : t("move.same")}>
                {r.move.dir === "up" ? `▲ ${r.move.places}` : r.move.dir === "down" ? `▼ ${r.move.places}` : "–"}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
