"use client";

import { useTranslations } from "next-intl";
import type { Movement } from "@/lib/ui/leaderboard-rows";
import styles from "../leaderboards.module.css";

/** ▲ 2 / ▼ 1 / – : places moved since yesterday, with the words for screen readers. */
export function MovementBadge({ move }: { move: Movement }) {
  const t = useTranslations("leaderboards.movement");
  if (move.dir === "up" || move.dir === "down") {
    const label = t(move.dir, { n: move.places });
    return (
      <span className={move.dir === "up" ? styles.up : styles.down} title={label} data-testid="movement">
        <span aria-hidden="true">
          {move.dir === "up" ? "▲" : "▼"} {move.places}
        </span>
        <span className="sr-caption">{label}</span>
      </span>
    );
  }
  const label = t(move.dir === "same" ? "same" : "none");
  return (
    <span className={styles.same} title={label} data-testid="movement">
      <span aria-hidden="true">–</span>
      <span className="sr-caption">{label}</span>
    </span>
  );
}
