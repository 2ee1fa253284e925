import { getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { roleSchema } from "@/lib/schemas/users";
import { listTeams } from "@/lib/server/list-teams";
import { listUsers } from "@/lib/server/list-users";
import { NewUserForm } from "./new-user-form";
import { UsersTable, type UserRow } from "./users-table";

export default async function UsersPage() {
  const ctx = await requirePageCtx("org.admin");
  const [people, teams, t] = await Promise.all([listUsers(ctx), listTeams(ctx), getTranslations("users")]);
  // Only what the table shows crosses to the browser.
  const rows: UserRow[] = people.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    role: p.role,
    active: p.active,
    externalId: p.externalId,
    teams: p.teams,
  }));
  const roles = roleSchema.options;
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p>{t("subtitle")}</p>
        </div>
      </div>
      {/* The form sits above the list, which needs the full width for names, emails, ids and teams. */}
      <section className="card">
        <h2>{t("createTitle")}</h2>
        <NewUserForm roles={roles} teams={teams.map((team) => ({ id: team.id, name: team.name }))} />
      </section>
      <section className="card">
        <UsersTable rows={rows} roles={roles} />
      </section>
    </div>
  );
}
