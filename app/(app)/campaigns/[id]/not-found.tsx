import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Unknown id, or a campaign of another organization: the two look the same on purpose. */
export default async function CampaignNotFound() {
  const t = await getTranslations("campaigns");
  return (
    <section className="card" data-testid="campaign-not-found">
      <h1>{t("builder.notFoundTitle")}</h1>
      <p className="muted">{t("builder.notFoundText")}</p>
      <Link href="/campaigns" className="button secondary">
        ← {t("builder.back")}
      </Link>
    </section>
  );
}
