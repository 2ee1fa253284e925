import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { listUnmatchedIdentities, type UnmatchedIdentity } from "@/lib/server/list-unmatched-identities";
import { PageHead } from "@/lib/ui/page-head";

/** The new-user form, prefilled: an email identity becomes the agent's email, anything else their external id. */
function newAgentHref(identity: Pick<UnmatchedIdentity, "identity" | "isEmail">): string {
  const params = new URLSearchParams({ [identity.isEmail ? "email" : "externalId"]: identity.identity });
  return `/admin/users?${params.toString()}#new-user`;
}

export default async function IdentitiesPage() {
  const ctx = await requirePageCtx("org.admin");
  const [{ identities, total }, locale, t] = await Promise.all([listUnmatchedIdentities(ctx), getLocale(), getTranslations("identities")]);
  // lastSeen is a calendar day in the organization's time zone: format it as that date, whatever the viewer's zone
  const day = (d: string) => formatDate(new Date(`${d}T00:00:00Z`), locale, "UTC");
  return (
    <div className="stack">
      <PageHead title={t("title")} subtitle={t("subtitle")} />
      <section className="card">
        {identities.length === 0 ? (
          <p className="empty">{t("empty")}</p>
        ) : (
          <div className="stack">
            <p className="muted small flush">{t("howTo")}</p>
            <div className="table-wrap">
              <table data-testid="unmatched-identities">
                <thead>
                  <tr>
                    <th>{t("identity")}</th>
                    <th className="num">{t("events")}</th>
                    <th>{t("lastSeen")}</th>
                    <th>{t("action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {identities.map((i) => (
                    <tr key={i.identity}>
                      <td className="mono wrap-anywhere">
                        {i.identity} {i.isEmail && <span className="badge">{t("emailBadge")}</span>}
                      </td>
                      <td className="num">{formatNumber(i.events, locale)}</td>
                      <td className="small nowrap">{i.lastSeen ? day(i.lastSeen) : <span className="muted">—</span>}</td>
                      <td className="small">
                        <Link href={newAgentHref(i)}>{i.isEmail ? t("createWithEmail") : t("createWithExternalId")}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {total > identities.length && <p className="muted small flush">{t("truncated", { shown: identities.length, total })}</p>}
          </div>
        )}
      </section>
    </div>
  );
}
