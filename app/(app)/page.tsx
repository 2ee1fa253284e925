import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getHome } from "@/lib/server/get-home";
import { PageHead } from "@/lib/ui/page-head";

/**
 * Home: who I am, my organization, and for managers and admins their teams and the latest activity. Its key–value
 * tables (kv-table) let a long email or team line wrap, so a phone never scrolls sideways.
 */
export default async function HomePage() {
  const ctx = await requirePageCtx();
  const home = await getHome(ctx);
  const t = await getTranslations("home");
  const tRoles = await getTranslations("common.roles");
  const locale = await getLocale();
  const now = new Date();
  return (
    <div className="stack" data-testid={`home-${home.me.role}`}>
      <PageHead title={t("welcome", { name: home.me.name })} subtitle={t(`intro.${home.me.role}`)}>
        <span className="badge brand">{tRoles(home.me.role)}</span>
      </PageHead>

      {home.headcount && (
        <div className="grid grid-3">
          {(["agent", "manager", "hr", "admin"] as const).map((role) => (
            <div className="card stat" key={role}>
              <span className="value">{home.headcount!.find((h) => h.role === role)?.n ?? 0}</span>
              <span className="label">{t("activePeople", { role: tRoles(role) })}</span>
            </div>
          ))}
          <div className="card stat">
            <span className="value">{home.teamCount}</span>
            <span className="label">{t("teams")}</span>
          </div>
          {home.activeApiKeys !== null && (
            <div className="card stat">
              <span className="value">{home.activeApiKeys}</span>
              <span className="label">
                <Link href="/admin/api-keys">{t("activeKeys")}</Link>
              </span>
            </div>
          )}
        </div>
      )}

      <div className="grid grid-2">
        <section className="card">
          <h2>{t("profile")}</h2>
          <table className="kv-table">
            <tbody>
              <tr>
                <th scope="row">{t("email")}</th>
                <td>{home.me.email}</td>
              </tr>
              <tr>
                <th scope="row">{t("role")}</th>
                <td>{tRoles(home.me.role)}</td>
              </tr>
              {home.me.externalId && (
                <tr>
                  <th scope="row">{t("externalId")}</th>
                  <td>
                    <code>{home.me.externalId}</code>
                    <div className="muted small">{t("externalIdHint")}</div>
                  </td>
                </tr>
              )}
              <tr>
                <th scope="row">{t("myTeams")}</th>
                <td>
                  {home.myTeams.length === 0
                    ? t("noTeams")
                    : home.myTeams.map((team) => (
                        <div key={team.id}>
                          <strong>{team.name}</strong>{" "}
                          <span className="muted small">
                            {team.myRole === "manager" ? t("youManage") : team.managers.length ? t("managedBy", { names: team.managers.join(", ") }) : t("noManager")}
                          </span>
                        </div>
                      ))}
                </td>
              </tr>
            </tbody>
          </table>
        </section>
        <section className="card">
          <h2>{t("organization")}</h2>
          <table className="kv-table">
            <tbody>
              <tr>
                <th scope="row">{t("orgName")}</th>
                <td>{home.org.name}</td>
              </tr>
              <tr>
                <th scope="row">{t("timezone")}</th>
                <td>
                  {home.org.timezone}
                  <div className="muted small">{t("localTime", { time: formatDateTime(now, locale, home.org.timezone) })}</div>
                </td>
              </tr>
              <tr>
                <th scope="row">{t("currency")}</th>
                <td>{home.org.currency}</td>
              </tr>
            </tbody>
          </table>
        </section>
      </div>

      {home.managedTeams.map((team) => (
        <section className="card" key={team.id} data-testid="managed-team">
          <div className="spread">
            <h2>{t("teamRoster", { team: team.name })}</h2>
            <span className="muted small">{t("agentCount", { count: team.members.length })}</span>
          </div>
          {team.members.length === 0 ? (
            <p className="empty">{t("emptyTeam")}</p>
          ) : (
            <table className="rows-narrow">
              <thead>
                <tr>
                  <th>{t("name")}</th>
                  <th>{t("email")}</th>
                  <th>{t("status")}</th>
                </tr>
              </thead>
              <tbody>
                {team.members.map((m) => (
                  <tr key={m.userId}>
                    <td>{m.name}</td>
                    <td className="wrap-anywhere r-full">{m.email}</td>
                    <td className="r-top-end">{m.active ? <span className="badge ok">{t("active")}</span> : <span className="badge bad">{t("inactive")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}

      {home.recentAudit && (
        <section className="card">
          <div className="spread">
            <h2>{t("recentActivity")}</h2>
            <Link href="/admin/audit">{t("seeAudit")}</Link>
          </div>
          {home.recentAudit.length === 0 ? (
            <p className="empty">{t("noActivity")}</p>
          ) : (
            <table className="rows-narrow">
              <tbody>
                {home.recentAudit.map((e) => (
                  <tr key={e.id}>
                    <td className="small muted">{formatDateTime(e.createdAt, locale, home.org.timezone)}</td>
                    <td className="wrap-anywhere r-full">{e.actorLabel}</td>
                    <td className="wrap-anywhere r-top-end">
                      <code>{e.action}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
