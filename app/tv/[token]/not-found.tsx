import { getTranslations } from "next-intl/server";
import styles from "./tv.module.css";

/** An unknown or revoked display link: the same page for both, and nothing else to see or follow. */
export default async function TvNotFound() {
  const t = await getTranslations("leaderboards.tv");
  return (
    <main className={styles.screen} data-testid="tv-gone">
      <div className={styles.message}>
        <h1>{t("goneTitle")}</h1>
        <p>{t("goneText")}</p>
      </div>
    </main>
  );
}
