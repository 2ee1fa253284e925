import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePageCtx } from "@/lib/auth/session";
import { listTeams } from "@/lib/server/list-teams";
import { CreateTeamForm } from "./create-team-form";

export default async function TeamsPage() {
  const ctx = await requirePageCtx("org.admin");
  const teams = await listTeams(ctx);
  const t = await getTranslations("teams");
  return (
    <div className="grid grid-2" style={{ gridTemplateColumns: "2fr 1fr" }}>
      <section className="card">
        <h1>{t("title")}</h1>
        <p className="muted">{t("subtitle")}</p>
        {teams.length === 0 ? (
          <p className="empty">{t("empty")}</p>
        ) : (
          <table data-testid="teams-table">
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th className="num">{t("agents")}</th>
                <th className="num">{t("managers")}</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id}>
                  <td>
                    <Link href={`/admin/teams/${team.id}`}>{team.name}</Link>
                  </td>
                  <td className="num">{team.agents}</td>
                  <td className="num">{team.managers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2>{t("createTitle")}</h2>
        <CreateTeamForm />
      </section>
    </div>
  );
}
