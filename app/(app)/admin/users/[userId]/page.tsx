import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { roleSchema } from "@/lib/schemas/users";
import { getOrganization } from "@/lib/server/get-organization";
import { listUsers } from "@/lib/server/list-users";
import { roleBadge } from "../role-badge";
import { EditUserForm, ResetPasswordForm } from "./user-forms";
import { PageHead } from "@/lib/ui/page-head";

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const ctx = await requirePageCtx("org.admin");
  const { userId } = await params;
  // listUsers is scoped to the actor's organization, so another organization's user id is simply not found.
  const [people, org, locale, t, tRoles, tTeamRoles] = await Promise.all([
    listUsers(ctx),
    getOrganization(ctx),
    getLocale(),
    getTranslations("users"),
    getTranslations("common.roles"),
    getTranslations("common.memberRoles"),
  ]);
  const user = people.find((p) => p.id === userId);
  if (!user) notFound();
  const isSelf = user.id === ctx.actor.userId;
  return (
    <div className="stack">
      <PageHead
        back={{ href: "/admin/users", label: t("back") }}
        title={user.name}
        titleTestId="user-name"
        subtitle={`${user.email} · ${t("addedOn", { date: formatDateTime(user.createdAt, locale, org.timezone) })}`}
      >
        <div className="row">
          <span className={roleBadge(user.role)}>{tRoles(user.role)}</span>
          <span className={user.active ? "badge ok" : "badge bad"}>{user.active ? t("active") : t("deactivated")}</span>
        </div>
      </PageHead>
      <div className="grid grid-2 admin-split">
        <section className="card">
          <h2>{t("details")}</h2>
          {isSelf && <p className="alert info small">{t("itsYou")}</p>}
          <EditUserForm
            user={{ id: user.id, name: user.name, role: user.role, active: user.active, externalId: user.externalId }}
            roles={roleSchema.options}
          />
        </section>
        <div className="stack">
          <section className="card">
            <h2>{t("memberships")}</h2>
            {user.teams.length === 0 ? (
              <p className="empty">{t("noMemberships")}</p>
            ) : (
              <table data-testid="user-teams">
                <thead>
                  <tr>
                    <th>{t("team")}</th>
                    <th>{t("teamRole")}</th>
                  </tr>
                </thead>
                <tbody>
                  {user.teams.map((team) => (
                    <tr key={team.id}>
                      <td>
                        <Link href={`/admin/teams/${team.id}`}>{team.name}</Link>
                      </td>
                      <td>
                        <span className={team.role === "manager" ? "badge brand" : "badge"}>{tTeamRoles(team.role)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted small">
              {t("membershipsHint")} <Link href="/admin/teams">{t("allTeams")}</Link>
            </p>
          </section>
          <section className="card">
            <h2>{t("resetTitle")}</h2>
            <p className="muted small">{t("resetHint")}</p>
            <ResetPasswordForm userId={user.id} name={user.name} />
          </section>
        </div>
      </div>
    </div>
  );
}
