import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Any address with no page: said in the reader's language, with the way home (instead of Next's default page). */
export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="auth-page">
      <div className="card auth-card stack" data-testid="not-found">
        <h1>{t("notFoundTitle")}</h1>
        <p className="muted">{t("notFound")}</p>
        <Link href="/" className="button secondary">
          {t("backHome")}
        </Link>
      </div>
    </main>
  );
}
