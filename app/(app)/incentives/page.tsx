import { getLocale, getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { getMyIncentives } from "@/lib/server/get-my-incentives";
import { explainResult } from "@/lib/ui/campaign-explain";
import styles from "./incentives.module.css";
import { incentiveCard } from "./view";
import { PageHead } from "@/lib/ui/page-head";

/** "My incentives" (SPEC §5): every campaign running for the agent, how close they are, what is still needed, why. */
export default async function MyIncentivesPage() {
  const ctx = await requirePageCtx("self.view");
  const [locale, t, tCampaigns, tKpis, mine] = await Promise.all([
    getLocale(),
    getTranslations("incentives"),
    getTranslations("campaigns"),
    getTranslations("kpis"),
    getMyIncentives(ctx),
  ]);
  const kpiName = (key: string) => (key.startsWith("metric") ? key : tKpis(`names.${key}` as Parameters<typeof tKpis>[0]));
  const tr = (ns: typeof t | typeof tCampaigns) => (key: string, values?: Record<string, string | number>) => (ns as (k: string, v?: Record<string, string | number>) => string)(key, values);
  const deps = { t: tr(t), tCampaigns: tr(tCampaigns), locale, kpiName, formatDay: (day: string) => formatDate(new Date(`${day}T12:00:00Z`), locale, "UTC") };
  return (
    <div className="stack" data-testid="my-incentives">
      <PageHead title={t("title")} subtitle={t("subtitle")} />
      {mine.agent === null ? (
        <section className="card">
          <h2>{t("noProfileTitle")}</h2>
          <p className="muted">{t("noProfile")}</p>
        </section>
      ) : (
        mine.incentives.length === 0 && <section className="card muted">{t("none")}</section>
      )}
      <p className="muted small">{mine.incentives.length > 0 && t("provisional")}</p>
      <div className={styles.grid}>
        {mine.incentives.map((i) => {
          const card = incentiveCard(i, deps);
          const why = i.result ? explainResult(i.result, { t: deps.tCampaigns, locale, kpiName }) : [];
          return (
            <section key={card.id} className={`card ${styles.card}`} data-testid={`incentive-${card.id}`} aria-labelledby={`incentive-${card.id}-title`}>
              <h2 id={`incentive-${card.id}-title`}>{card.name}</h2>
              {card.description && <p className="muted">{card.description}</p>}
              <p className="muted small">{card.period}</p>
              {card.error ? (
                <div className="alert error" role="alert">
                  {t("error", { message: card.error })}
                </div>
              ) : (
                <>
                  <div className={styles.figures}>
                    <div>
                      <span className={styles.label}>{card.currentLabel}</span>
                      <strong className={styles.big}>{card.current ?? <span className="badge warn">{t("notEnoughData")}</span>}</strong>
                      <span className="muted small">{t("samples", { n: card.n })}</span>
                    </div>
                    {card.target && (
                      <div>
                        <span className={styles.label}>{t("target")}</span>
                        <strong className={styles.big}>{card.target}</strong>
                      </div>
                    )}
                    <div>
                      <span className={styles.label}>{t("earnedNow")}</span>
                      <strong className={card.earnedAny ? `${styles.big} ${styles.earned}` : styles.big} data-testid="incentive-earned">
                        {card.earned}
                      </strong>
                    </div>
                  </div>
                  {card.percent !== null && (
                    <div
                      className={card.reached ? `${styles.progress} ${styles.reached}` : styles.progress}
                      role="progressbar"
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={card.percent}
                      aria-label={t("progressLabel", { target: card.target ?? "" })}
                    >
                      <span style={{ width: `${card.percent}%` }} />
                    </div>
                  )}
                  {card.detail && <p>{card.detail}</p>}
                  {card.needed && (
                    <p className={styles.needed} data-testid="incentive-needed">
                      {card.needed}
                    </p>
                  )}
                  {card.projected && <p className="muted">{card.projected}</p>}
                  <p className="muted small">{card.approval}</p>
                  {why.length > 0 && (
                    <details className={styles.why} data-testid="incentive-why">
                      <summary>{t("why")}</summary>
                      <ul>
                        {why.map((line, k) => (
                          <li key={k} className={line.tone === "info" ? undefined : styles[line.tone]}>
                            {line.text}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
