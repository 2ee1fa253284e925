import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { CardView } from "./view";

/** One KPI of the period: its value and sample, the target and whether it is met, or "not enough data". */
export async function KpiCard({ card }: { card: CardView }) {
  const t = await getTranslations("kpis");
  const name = t(`names.${card.kpi}`);
  return (
    <Link
      href={card.href}
      scroll={false}
      className="card kpi-card"
      aria-current={card.selected ? "true" : undefined}
      aria-label={`${name}: ${card.display ?? t("card.notEnoughData")}. ${t("card.chartThis", { kpi: name })}`}
      data-testid={`kpi-card-${card.kpi}`}
    >
      <span className="kpi-name">{name}</span>
      {card.display !== null ? (
        <span className="kpi-value">{card.display}</span>
      ) : (
        <span className="kpi-value none">
          <span className="badge warn">{t("card.notEnoughData")}</span>
        </span>
      )}
      <span className="kpi-meta">
        <span>{t("card.samples", { n: card.n })}</span>
        {!card.enough && card.n > 0 && card.minSamples > card.n && <span>{t("card.needSamples", { n: card.n, min: card.minSamples })}</span>}
        {!card.enough && card.n === 0 && <span>{t("card.noSamples")}</span>}
      </span>
      {card.target !== null && (
        <span className="kpi-meta">
          <span>{t("card.target", { target: card.target })}</span>
          {card.onTarget === true && <span className="badge ok">{t("card.onTarget")}</span>}
          {card.onTarget === false && <span className="badge bad">{t("card.offTarget")}</span>}
        </span>
      )}
    </Link>
  );
}
