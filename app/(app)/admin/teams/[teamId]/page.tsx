import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { requirePageCtx } from "@/lib/auth/session";
import { getTeam } from "@/lib/server/get-team";
import { listUsers } from "@/lib/server/list-users";
import { AddMemberForm, DeleteTeamForm, RemoveMemberButton, RenameTeamForm } from "./team-forms";
import { PageHead } from "@/lib/ui/page-head";

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const ctx = await requirePageCtx("org.admin");
  const { teamId } = await params;
  const team = await getTeam(ctx, teamId).catch((err: unknown) => {
    if (isAppError(err) && err.status === 404) notFound();
    throw err;
  });
  const people = await listUsers(ctx);
  const t = await getTranslations("teams");
  const tRoles = await getTranslations("common.memberRoles");
  const memberIds = new Set(team.members.map((m) => m.userId));
  const candidates = people
    .filter((p) => p.active && !memberIds.has(p.id) && (p.role === "agent" || p.role === "manager" || p.role === "hr" || p.role === "admin"))
    .map((p) => ({ id: p.id, label: `${p.name} <${p.email}>`, role: p.role }));
  return (
    <div className="stack">
      <PageHead back={{ href: "/admin/teams", label: t("title") }} title={team.name} titleTestId="team-name" />
      <div className="grid grid-2" style={{ gridTemplateColumns: "2fr 1fr" }}>
        <section className="card">
          <h2>{t("members")}</h2>
          {team.members.length === 0 ? (
            <p className="empty">{t("noMembers")}</p>
          ) : (
            <table data-testid="members-table">
              <thead>
                <tr>
                  <th>{t("person")}</th>
                  <th>{t("memberRole")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {team.members.map((m) => (
                  <tr key={m.userId}>
                    <td>
                      {m.name}
                      <div className="muted small">{m.email}</div>
                    </td>
                    <td>
                      <span className={m.role === "manager" ? "badge brand" : "badge"}>{tRoles(m.role)}</span>
                    </td>
                    <td className="num">
                      <RemoveMemberButton teamId={team.id} userId={m.userId} name={m.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <div className="stack">
          <section className="card">
            <h2>{t("addMember")}</h2>
            <AddMemberForm teamId={team.id} candidates={candidates} />
          </section>
          <section className="card">
            <h2>{t("rename")}</h2>
            <RenameTeamForm teamId={team.id} name={team.name} />
          </section>
          <section className="card">
            <h2>{t("deleteTitle")}</h2>
            <p className="muted small">{t("deleteHint")}</p>
            <DeleteTeamForm teamId={team.id} name={team.name} />
          </section>
        </div>
      </div>
    </div>
  );
}
