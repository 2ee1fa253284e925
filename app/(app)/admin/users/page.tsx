import { getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { roleSchema } from "@/lib/schemas/users";
import { listTeams } from "@/lib/server/list-teams";
import { listUsers } from "@/lib/server/list-users";
import { NewUserForm } from "./new-user-form";
import { UsersTable, type UserRow } from "./users-table";
import { PageHead } from "@/lib/ui/page-head";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePageCtx("org.admin");
  const [people, teams, t, ti, query] = await Promise.all([listUsers(ctx), listTeams(ctx), getTranslations("users"), getTranslations("identities"), searchParams]);
  // ?email= / ?externalId= prefill the form (the unmatched-identities page links here); only strings, never trusted
  const first = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 320) : undefined);
  const prefill = { email: first(query.email), externalId: first(query.externalId) };
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
      <PageHead title={t("title")} subtitle={t("subtitle")} />
      {/* The form sits above the list, which needs the full width for names, emails, ids and teams. */}
      {/* scroll margin: the #new-user link lands below the sticky top bar, heading visible */}
      <section className="card" id="new-user" style={{ scrollMarginTop: "72px" }}>
        <h2>{t("createTitle")}</h2>
        {(prefill.email || prefill.externalId) && <p className="alert info">{ti("prefilled")}</p>}
        <NewUserForm roles={roles} teams={teams.map((team) => ({ id: team.id, name: team.name }))} prefill={prefill} />
      </section>
      <section className="card">
        <UsersTable rows={rows} roles={roles} />
      </section>
    </div>
  );
}
