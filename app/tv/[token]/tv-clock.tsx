"use client";

import { useLocale } from "next-intl";
import { useEffect, useState } from "react";
import styles from "./tv.module.css";

/** The time on the wall (the screen's own clock); rendered after mount so server and browser never disagree. */
export function TvClock() {
  const locale = useLocale();
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    const tick = () => setNow(new Date());
    tick();
    const timer = setInterval(tick, 15_000);
    return () => clearInterval(timer);
  }, []);
  return <time className={styles.clock}>{now ? new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(now) : ""}</time>;
}
