"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { roleBadge } from "./role-badge";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  externalId: string | null;
  teams: { id: string; name: string; role: "agent" | "manager" }[];
};

/** Shown in full; the filter runs in the browser (an organization's people fit in one page). */
export function UsersTable({ rows, roles }: { rows: UserRow[]; roles: readonly string[] }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("common.roles");
  const [query, setQuery] = useState("");
  const [role, setRole] = useState("");
  const q = query.trim().toLowerCase();
  const shown = rows.filter((r) => (!role || r.role === role) && (!q || r.name.toLowerCase().includes(q) || r.email.toLowerCase().includes(q)));
  const roleName = (r: string) => (tRoles.has(r) ? tRoles(r) : r);
  return (
    <div className="stack">
      <div className="row filters">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t("filterPlaceholder")}
          aria-label={t("filter")}
          className="grow"
        />
        <select value={role} onChange={(e) => setRole(e.target.value)} aria-label={t("roleFilter")} className="auto">
          <option value="">{t("allRoles")}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleName(r)}
            </option>
          ))}
        </select>
        <span className="muted small" aria-live="polite">
          {t("showing", { shown: shown.length, total: rows.length })}
        </span>
      </div>
      <div className="table-wrap">
        <table data-testid="users-table">
          <thead>
            <tr>
              <th>{t("name")}</th>
              <th>{t("role")}</th>
              <th>{t("externalId")}</th>
              <th>{t("teams")}</th>
              <th>{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/admin/users/${r.id}`}>{r.name}</Link>
                  <div className="muted small">{r.email}</div>
                </td>
                <td>
                  <span className={roleBadge(r.role)}>{roleName(r.role)}</span>
                </td>
                <td className="mono small wrap-anywhere">{r.externalId ?? <span className="muted">—</span>}</td>
                <td className="small">
                  {r.teams.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    r.teams.map((team, i) => (
                      <span key={team.id}>
                        {i > 0 && ", "}
                        <Link href={`/admin/teams/${team.id}`}>{team.name}</Link>
                        {team.role === "manager" && <span className="muted"> ({t("teamManager")})</span>}
                      </span>
                    ))
                  )}
                </td>
                <td>
                  <span className={r.active ? "badge ok" : "badge bad"}>{r.active ? t("active") : t("deactivated")}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="empty">{t("empty")}</p> : shown.length === 0 && <p className="empty">{t("noMatch")}</p>}
    </div>
  );
}
