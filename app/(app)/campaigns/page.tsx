import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePageCtx } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/server/list-campaigns";
import { statusBadge } from "@/lib/ui/campaign-status";
import { campaignRows } from "./list-view";
import { PageHead } from "@/lib/ui/page-head";

/** The campaigns the actor may run (a manager: their teams'), with status, schedule, reach and current cost. */
export default async function CampaignsPage() {
  const ctx = await requirePageCtx("campaigns.manage");
  const [items, t, locale] = await Promise.all([listCampaigns(ctx), getTranslations("campaigns"), getLocale()]);
  const rows = campaignRows(items, (key, values) => t(key, values), locale);
  return (
    <div className="stack" data-testid="campaigns">
      <PageHead title={t("list.title")} subtitle={t("list.subtitle")}>
        <Link href="/campaigns/new" className="button" data-testid="new-campaign">
          + {t("list.new")}
        </Link>
      </PageHead>
      <section className="card">
        {rows.length === 0 ? (
          <p className="empty">{t("list.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="campaigns-table">
              <thead>
                <tr>
                  <th>{t("list.name")}</th>
                  <th>{t("list.status")}</th>
                  <th>{t("list.schedule")}</th>
                  <th className="num">{t("list.participants")}</th>
                  <th>{t("list.cost")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id} data-campaign={c.id}>
                    <td>
                      <Link href={`/campaigns/${c.id}`}>
                        <strong>{c.name}</strong>
                      </Link>
                      <span className="muted small block">
                        {c.kind} · {t("builder.version", { version: c.version })}
                      </span>
                    </td>
                    <td>
                      <div className="badges">
                        <span className={statusBadge(c.status)}>{t(`status.${c.status}`)}</span>
                        {c.shadow && (
                          <span className="badge warn" title={t("shadowHint")}>
                            {t("shadowBadge")}
                          </span>
                        )}
                      </div>
                    </td>
                    <td className="small">{c.schedule}</td>
                    <td className="num">{c.participants}</td>
                    <td className="small">
                      {c.error ? (
                        <span className="field-error" role="note">
                          {t("list.cannotEvaluate", { error: c.error })}
                        </span>
                      ) : c.cost ? (
                        <>
                          <strong>{c.cost.amounts.join(" · ") || t("list.noCost")}</strong>
                          <span className="muted block">{t("list.costPeriod", { period: c.cost.period })}</span>
                        </>
                      ) : (
                        <span className="muted">—</span>
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
