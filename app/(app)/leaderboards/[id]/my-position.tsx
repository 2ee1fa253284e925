"use client";

import { useTranslations } from "next-intl";
import type { BoardRowView } from "@/lib/ui/leaderboard-rows";
import { MovementBadge } from "./movement-badge";
import styles from "../leaderboards.module.css";

/** "My position": the viewer's rank and the two agents on either side of them (or why they are not ranked yet). */
export function MyPosition({ mine, neighbours, ranked, minSamples }: { mine: BoardRowView; neighbours: BoardRowView[]; ranked: number; minSamples: number }) {
  const t = useTranslations("leaderboards.mine");
  const tBoard = useTranslations("leaderboards.board");
  return (
    <section className={`card ${styles.myPosition}`} data-testid="my-position" aria-labelledby="my-position-title">
      <div className={styles.myRank}>
        <h2 id="my-position-title" className="flush">
          {t("title")}
        </h2>
        {mine.rank !== null ? (
          <>
            <span className={styles.myRankNumber} data-testid="my-rank">
              #{mine.rank}
            </span>
            <span className="muted small">{t("of", { ranked })}</span>
            {(mine.move.dir === "up" || mine.move.dir === "down") && <MovementBadge move={mine.move} />}
          </>
        ) : (
          <p className="muted small flush" data-testid="my-rank">
            {minSamples > 0 ? t("notRanked", { n: mine.n, min: minSamples }) : t("noData")}
          </p>
        )}
      </div>
      {mine.rank !== null && (
        <ol className={styles.neighbours} aria-label={t("neighbours")}>
          {neighbours.map((r) => (
            <li key={r.agent} aria-current={r.mine ? "true" : undefined} className={r.mine ? styles.mine : undefined}>
              <span className={styles.rank}>{r.rankLabel}</span>
              <span className={styles.neighbourName}>{r.name}</span>
              <span className="num" title={r.score ? tBoard("scoreHint", { score: r.score }) : undefined}>
                {r.value}
                {/* ranked on a fairness-adjusted score (as the board's "Ranked on" column): show it, or the order looks wrong */}
                {r.score && <span className="muted small"> · {r.score}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
