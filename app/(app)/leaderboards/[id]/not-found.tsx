import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Unknown id, or a board of another organization: the two look the same on purpose. */
export default async function BoardNotFound() {
  const t = await getTranslations("leaderboards");
  return (
    <section className="card" data-testid="board-not-found">
      <h1>{t("board.notFoundTitle")}</h1>
      <p className="muted">{t("board.notFoundText")}</p>
      <Link href="/leaderboards" className="button secondary">
        ← {t("back")}
      </Link>
    </section>
  );
}
