import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getOrganization } from "@/lib/server/get-organization";
import { listPayoutRuns } from "@/lib/server/list-payout-runs";
import { PageHead } from "@/lib/ui/page-head";
import { formatRange, RUN_STATE_TONE } from "@/lib/ui/payout-format";
import { ClosePeriodForm } from "./close-form";
import { PayoutsNav } from "./payouts-nav";

export const metadata: Metadata = { title: "Payouts" };

/** HR: close the next pay period, and every closed period with its payout run (SPEC §6). */
export default async function PayoutsPage() {
  const ctx = await requirePageCtx("payouts.manage");
  const [overview, org, locale, t] = await Promise.all([listPayoutRuns(ctx), getOrganization(ctx), getLocale(), getTranslations("payouts")]);
  return (
    <div className="stack" data-testid="payouts">
      <PageHead title={t("title")} subtitle={t("subtitle", { payPeriod: t(`payPeriods.${overview.payPeriod}`) })} />
      <PayoutsNav current="runs" />
      <section className="card">
        <h2>{t("close.title")}</h2>
        <p className="muted small">{t("close.intro")}</p>
        <ClosePeriodForm suggested={overview.suggested} />
      </section>
      <section className="card">
        <h2>{t("periods.title")}</h2>
        {overview.periods.length === 0 ? (
          <p className="empty">{t("periods.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="periods-table">
              <thead>
                <tr>
                  <th>{t("periods.period")}</th>
                  <th>{t("periods.run")}</th>
                  <th>{t("periods.closed")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {overview.periods.map((p) => (
                  <tr key={p.id} data-period={`${p.from}/${p.to}`}>
                    <td>
                      <strong>{formatRange(p.from, p.to, locale)}</strong>
                    </td>
                    <td>
                      {p.state === "closing" ? (
                        <span className="badge warn">{t("periods.closing", { done: p.progress, total: p.total })}</span>
                      ) : p.runState ? (
                        <span className={`badge ${RUN_STATE_TONE[p.runState]}`} data-testid="run-state">
                          {t(`states.${p.runState}`)}
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="small">
                      {p.closedAt ? t("periods.closedBy", { when: formatDateTime(p.closedAt, locale, org.timezone), who: p.closedBy }) : <span className="muted">—</span>}
                    </td>
                    <td className="num">
                      {p.runId && (
                        <Link href={`/payouts/${p.runId}`} data-testid="open-run">
                          {t("periods.open")}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
