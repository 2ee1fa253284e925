"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { useFlip } from "@/lib/ui/leaderboard-flip";
import type { BoardRowsView, BoardRowView } from "@/lib/ui/leaderboard-rows";
import { MovementBadge } from "./movement-badge";
import styles from "../leaderboards.module.css";

/**
 * The full board: competition ranks (1, 1, 3), the value in its KPI's unit, the sample behind it and the movement
 * since yesterday; then everyone below the minimum sample, as "not enough data". Rows slide to their new place when
 * the ranking changes (useFlip), and the viewer's own row is marked.
 */
export function BoardTable({ rows, valueLabel, minSamples }: { rows: BoardRowsView; valueLabel: string; minSamples: number }) {
  const t = useTranslations("leaderboards.board");
  const body = useRef<HTMLTableElement>(null);
  useFlip(body, rows.ranked.map((r) => r.agent).join("|"));
  if (rows.ranked.length === 0 && rows.unranked.length === 0) return <p className="empty">{t("empty")}</p>;
  return (
    <div className="table-wrap">
      <table ref={body} className={styles.board} data-testid="board-table">
        <thead>
          <tr>
            <th className={styles.rankCol}>{t("rank")}</th>
            <th>{t("agent")}</th>
            <th className="num">{valueLabel}</th>
            <th className="num">{t("samples")}</th>
            <th className="num">{t("movement")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.ranked.length === 0 && (
            <tr>
              <td colSpan={5} className="empty">
                {t("nobodyRanked")}
              </td>
            </tr>
          )}
          {rows.ranked.map((r) => (
            <Row key={r.agent} row={r} />
          ))}
        </tbody>
        {rows.unranked.length > 0 && (
          <tbody data-testid="board-unranked">
            <tr className={styles.groupRow}>
              <th colSpan={5} scope="colgroup">
                {t("notEnoughTitle")} <span className="muted small">{minSamples > 0 ? t("notEnoughHint", { n: minSamples }) : t("noDataHint")}</span>
              </th>
            </tr>
            {rows.unranked.map((r) => (
              <Row key={r.agent} row={r} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

function Row({ row }: { row: BoardRowView }) {
  const t = useTranslations("leaderboards.board");
  const ranked = row.rank !== null;
  return (
    <tr
      data-flip-key={row.agent}
      data-testid="board-row"
      data-agent={row.agent}
      data-rank={row.rank ?? ""}
      className={row.mine ? styles.mine : undefined}
      aria-current={row.mine ? "true" : undefined}
    >
      <td className={styles.rankCol}>
        <span className={ranked && row.rank! <= 3 ? `${styles.rank} ${styles[`podium${row.rank}`]}` : styles.rank}>{row.rankLabel}</span>
      </td>
      <td>
        <strong>{row.name}</strong>
        {row.mine && <span className="badge brand small">{t("you")}</span>}
      </td>
      <td className="num">
        {ranked ? (
          <span title={row.score ? t("scoreHint", { score: row.score }) : undefined}>{row.value}</span>
        ) : (
          <span className="badge warn">{t("notEnoughData")}</span>
        )}
      </td>
      <td className="num muted">{row.n}</td>
      <td className="num">
        <MovementBadge move={row.move} />
      </td>
    </tr>
  );
}
