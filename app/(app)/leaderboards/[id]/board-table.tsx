"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { useFlip } from "@/lib/ui/leaderboard-flip";
import type { BoardRowsView, BoardRowView } from "@/lib/ui/leaderboard-rows";
import { MovementBadge } from "./movement-badge";
import styles from "../leaderboards.module.css";

/**
 * The full board: competition ranks (1, 1, 3), the value in its KPI's unit, the sample behind it and the movement
 * since yesterday; then everyone below the minimum sample, as "not enough data". When the board ranks on a
 * fairness-adjusted score (Wilson, Bayes) rather than the raw value, that score has its own "ranked on" column, so the
 * order reads right (91.3% above 92.4% on a larger sample). Rows slide to their new place when the ranking changes
 * (useFlip), and the viewer's own row is marked. On a phone the sample and movement columns give way (hide-narrow).
 */
export function BoardTable({ rows, valueLabel, minSamples }: { rows: BoardRowsView; valueLabel: string; minSamples: number }) {
  const t = useTranslations("leaderboards.board");
  const body = useRef<HTMLTableElement>(null);
  useFlip(body, rows.ranked.map((r) => r.agent).join("|"));
  if (rows.ranked.length === 0 && rows.unranked.length === 0) return <p className="empty">{t("empty")}</p>;
  const adjusted = rows.ranked.some((r) => r.score !== null);
  const columns = adjusted ? 6 : 5;
  return (
    <div className="table-wrap">
      <table ref={body} className={`${styles.board} board-table`} data-testid="board-table">
        <thead>
          <tr>
            <th className={`${styles.rankCol} board-rank`}>{t("rank")}</th>
            <th>{t("agent")}</th>
            <th className="num wrap-head">{valueLabel}</th>
            {adjusted && (
              <th className="num wrap-head" data-testid="board-ranked-on">
                <abbr title={t("rankedOnHint")}>{t("rankedOn")}</abbr>
              </th>
            )}
            <th className="num hide-narrow">{t("samples")}</th>
            <th className="num hide-narrow">{t("movement")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.ranked.length === 0 && (
            <tr>
              <td colSpan={columns} className="empty">
                {t("nobodyRanked")}
              </td>
            </tr>
          )}
          {rows.ranked.map((r) => (
            <Row key={r.agent} row={r} adjusted={adjusted} />
          ))}
        </tbody>
        {rows.unranked.length > 0 && (
          <tbody data-testid="board-unranked">
            <tr className={styles.groupRow}>
              <th colSpan={columns} scope="colgroup" className="wrap-head">
                {t("notEnoughTitle")} <span className="muted small">{minSamples > 0 ? t("notEnoughHint", { n: minSamples }) : t("noDataHint")}</span>
              </th>
            </tr>
            {rows.unranked.map((r) => (
              <Row key={r.agent} row={r} adjusted={adjusted} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

/** `adjusted`: the board shows the "ranked on" column (a fairness-adjusted score differs from some value). */
function Row({ row, adjusted }: { row: BoardRowView; adjusted: boolean }) {
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
      <td className={`${styles.rankCol} board-rank`}>
        <span className={ranked && row.rank! <= 3 ? `${styles.rank} ${styles[`podium${row.rank}`]}` : styles.rank}>{row.rankLabel}</span>
      </td>
      <td>
        <strong>{row.name}</strong>
        {row.mine && <span className="badge brand small">{t("you")}</span>}
      </td>
      {ranked ? (
        <>
          <td className="num">
            <span title={row.score ? t("scoreHint", { score: row.score }) : undefined}>{row.value}</span>
          </td>
          {adjusted && (
            <td className="num muted" data-testid="board-score">
              {row.score ?? row.value}
            </td>
          )}
        </>
      ) : (
        <td className="num" colSpan={adjusted ? 2 : 1}>
          <span className="badge warn">{t("notEnoughData")}</span>
        </td>
      )}
      <td className="num muted hide-narrow">{row.n}</td>
      <td className="num hide-narrow">
        <MovementBadge move={row.move} />
      </td>
    </tr>
  );
}
