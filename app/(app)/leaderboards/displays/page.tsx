import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getOrganization } from "@/lib/server/get-organization";
import { listDisplayLinks } from "@/lib/server/list-display-links";
import { listLeaderboards } from "@/lib/server/list-leaderboards";
import { PageHead } from "@/lib/ui/page-head";
import { CreateDisplayLinkForm, RevokeDisplayLinkButton } from "./display-forms";

export const metadata: Metadata = { title: "Display links" };

/** Wall screens (TV mode): links that show chosen boards with no sign-in, revocable at any time. */
export default async function DisplayLinksPage() {
  const ctx = await requirePageCtx("leaderboards.manage");
  const [links, boards, org, locale, t] = await Promise.all([listDisplayLinks(ctx), listLeaderboards(ctx), getOrganization(ctx), getLocale(), getTranslations("leaderboards")]);
  const names = new Map(boards.map((b) => [b.id, b.name]));
  const when = (iso: string) => formatDateTime(new Date(iso), locale, org.timezone);
  return (
    <div className="stack" data-testid="displays">
      <PageHead title={t("displays.title")} subtitle={t("displays.subtitle")} back={{ href: "/leaderboards", label: t("back") }} />
      <section className="card">
        <h2>{t("displays.createTitle")}</h2>
        <CreateDisplayLinkForm boards={boards.map((b) => ({ id: b.id, name: b.name }))} />
      </section>
      <section className="card">
        {links.length === 0 ? (
          <p className="empty">{t("displays.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="displays-table">
              <thead>
                <tr>
                  <th>{t("displays.name")}</th>
                  <th>{t("displays.boards")}</th>
                  <th className="num">{t("displays.rotation")}</th>
                  <th>{t("displays.createdAt")}</th>
                  <th>{t("displays.status")}</th>
                </tr>
              </thead>
              <tbody>
                {links.map((link) => (
                  <tr key={link.id}>
                    <td>
                      <strong>{link.name}</strong>
                    </td>
                    <td className="small">{link.boardIds.map((id) => names.get(id) ?? t("displays.deletedBoard")).join(", ")}</td>
                    <td className="num">{t("displays.seconds", { n: link.rotateSeconds })}</td>
                    <td className="small">{when(link.createdAt)}</td>
                    <td>
                      <div className="stack-tight">
                        {link.revokedAt ? (
                          <span className="badge bad" title={when(link.revokedAt)}>
                            {t("displays.revoked")}
                          </span>
                        ) : (
                          <span className="badge ok">{t("displays.active")}</span>
                        )}
                        {!link.revokedAt && <RevokeDisplayLinkButton linkId={link.id} name={link.name} />}
                      </div>
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
