import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Unknown id, or a user of another organization: the two look the same on purpose. */
export default async function UserNotFound() {
  const t = await getTranslations("users");
  return (
    <section className="card" data-testid="user-not-found">
      <h1>{t("notFoundTitle")}</h1>
      <p className="muted">{t("notFoundText")}</p>
      <Link href="/admin/users" className="button secondary">
        ← {t("back")}
      </Link>
    </section>
  );
}
