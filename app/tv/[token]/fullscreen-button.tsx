"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import styles from "./tv.module.css";

/** Puts the screen into the browser's full-screen mode (a click is needed: browsers refuse it otherwise). */
export function FullscreenButton() {
  const t = useTranslations("leaderboards.tv");
  const [full, setFull] = useState(true); // hidden until the browser says otherwise (and on the server)
  useEffect(() => {
    const update = () => setFull(document.fullscreenElement !== null || !document.fullscreenEnabled);
    update();
    document.addEventListener("fullscreenchange", update);
    return () => document.removeEventListener("fullscreenchange", update);
  }, []);
  if (full) return null;
  return (
    <button type="button" className={styles.fullscreen} onClick={() => void document.documentElement.requestFullscreen().catch(() => {})}>
      {t("fullscreen")}
    </button>
  );
}
