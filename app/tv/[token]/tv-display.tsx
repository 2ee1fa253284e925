"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { DisplayFeed } from "@/lib/server/get-display";
import { useEventStream } from "@/lib/ui/leaderboard-stream";
import { FullscreenButton } from "./fullscreen-button";
import { TvBoard } from "./tv-board";
import { TvClock } from "./tv-clock";
import styles from "./tv.module.css";

export type DisplayPayload = DisplayFeed;

/**
 * A wall screen: the display's boards one after another every `rotateSeconds`, kept current by the display stream.
 * When the link is revoked the stream says so (or, if the screen was offline then, the next reconnect is refused
 * with a 404) and the screen says that it is no longer active, and stops.
 */
export function TvDisplay({ token, initial }: { token: string; initial: DisplayPayload }) {
  const t = useTranslations("leaderboards.tv");
  const [data, setData] = useState(initial);
  const [revoked, setRevoked] = useState(false);
  const [turn, setTurn] = useState(0);
  const base = `/api/display/${encodeURIComponent(token)}`;
  const status = useEventStream(
    revoked ? null : `${base}/stream`,
    {
      display: (json) => setData(JSON.parse(json) as DisplayPayload),
      revoked: () => setRevoked(true),
      // a board that cannot be ranked for a moment: keep showing the last state; the next update replaces it
      error: () => {},
    },
    async () => {
      const res = await fetch(base, { cache: "no-store" }).catch(() => null);
      if (res?.status === 404) {
        setRevoked(true);
        return false;
      }
      return true; // the server is away (a restart, the network): try again
    },
  );

  const count = data.boards.length;
  useEffect(() => {
    if (count < 2 || revoked) return;
    const timer = setInterval(() => setTurn((n) => n + 1), Math.max(5, data.rotateSeconds) * 1000);
    return () => clearInterval(timer);
  }, [count, data.rotateSeconds, revoked]);

  if (revoked) {
    return (
      <main className={styles.screen} data-testid="tv-revoked">
        <div className={styles.message} role="alert">
          <h1>{t("revokedTitle")}</h1>
          <p>{t("revokedText")}</p>
        </div>
      </main>
    );
  }
  const index = count > 0 ? turn % count : 0;
  const board = data.boards[index];
  return (
    <main className={styles.screen} data-testid="tv" data-status={status}>
      <header className={styles.header}>
        <span className={styles.displayName}>{data.name}</span>
        <span className={styles.status} data-status={status} data-testid="tv-live">
          <span className={styles.dot} aria-hidden="true" />
          {t(`status.${status}`)}
        </span>
        <FullscreenButton />
        <TvClock />
      </header>
      {board ? <TvBoard key={board.id} board={board} /> : <div className={styles.message}>{t("noBoards")}</div>}
      <footer className={styles.footer}>
        {count > 1 && (
          <>
            <ol className={styles.dots} aria-label={t("boards")}>
              {data.boards.map((b, i) => (
                <li key={b.id} aria-current={i === index ? "true" : undefined}>
                  {b.name}
                </li>
              ))}
            </ol>
            <span key={`${board?.id}-${turn}`} className={styles.progress} style={{ animationDuration: `${Math.max(5, data.rotateSeconds)}s` }} aria-hidden="true" />
          </>
        )}
      </footer>
    </main>
  );
}
