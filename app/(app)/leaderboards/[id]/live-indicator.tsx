"use client";

import { useTranslations } from "next-intl";
import type { LiveStatus } from "@/lib/ui/leaderboard-stream";
import styles from "../leaderboards.module.css";

/** A dot and a word: live, connecting, reconnecting or offline. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const t = useTranslations("leaderboards.live");
  return (
    <span className={styles.live} data-status={status} data-testid="live-indicator" role="status">
      <span className={styles.liveDot} aria-hidden="true" />
      {t(status)}
    </span>
  );
}
