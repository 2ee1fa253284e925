import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function ForbiddenPage() {
  const t = await getTranslations("common");
  return (
    <main className="auth-page">
      <div className="card auth-card stack" data-testid="forbidden">
        <h1>{t("forbiddenTitle")}</h1>
        <p className="muted">{t("forbidden")}</p>
        <Link href="/" className="button secondary">
          {t("backHome")}
        </Link>
      </div>
    </main>
  );
}
