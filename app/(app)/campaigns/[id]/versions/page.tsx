import { getLocale, getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getCampaign } from "@/lib/server/get-campaign";
import { getOrganization } from "@/lib/server/get-organization";
import { listCampaignVersions } from "@/lib/server/list-campaign-versions";
import { readOrRedirect } from "../../load";
import { versionViews } from "./versions-view";
import { PageHead } from "@/lib/ui/page-head";

/** Every rule version of a campaign, newest first: who made it, when, what changed from the one before, its JSON. */
export default async function CampaignVersionsPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageCtx("campaigns.manage");
  const { id } = await params;
  const [campaign, versions, org, t, locale] = await Promise.all([
    readOrRedirect(() => getCampaign(ctx, id)),
    readOrRedirect(() => listCampaignVersions(ctx, id)),
    getOrganization(ctx),
    getTranslations("campaigns.versions"),
    getLocale(),
  ]);
  const views = versionViews(versions, (iso) => formatDateTime(new Date(iso), locale, org.timezone));
  return (
    <div className="stack" data-testid="campaign-versions">
      <PageHead back={{ href: `/campaigns/${id}`, label: t("back", { name: campaign.name }) }} title={t("title", { name: campaign.name })} subtitle={t("subtitle")} />
      {views.map((v) => (
        <section key={v.version} className="card version-card" data-testid={`version-${v.version}`}>
          <div className="spread wrap">
            <h2 className="flush">
              {t("version", { version: v.version })} {v.newest && <span className="badge ok">{t("current")}</span>}
            </h2>
            <span className="muted small">{t("madeBy", { who: v.createdBy, when: v.createdAt })}</span>
          </div>
          {v.changes === null ? (
            <p className="muted small">{t("first")}</p>
          ) : v.changes.length === 0 ? (
            <p className="muted small">{t("noChanges")}</p>
          ) : (
            <table className="diff-table">
              <thead>
                <tr>
                  <th>{t("field")}</th>
                  <th>{t("before")}</th>
                  <th>{t("after")}</th>
                </tr>
              </thead>
              <tbody>
                {v.changes.map((c) => (
                  <tr key={c.path}>
                    <td>
                      <code>{c.path}</code>
                    </td>
                    <td className="diff-before">{c.before === null ? <span className="muted">—</span> : <code>{c.before}</code>}</td>
                    <td className="diff-after">{c.after === null ? <span className="muted">{t("removed")}</span> : <code>{c.after}</code>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <details className="json">
            <summary>{t("json")}</summary>
            <pre>{v.json}</pre>
          </details>
        </section>
      ))}
    </div>
  );
}
