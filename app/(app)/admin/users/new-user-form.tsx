"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useState } from "react";
import type { CreatedUser } from "@/lib/server/create-user";
import { Field, FormAlert, OneTimeSecret, SubmitButton } from "@/lib/ui/form";
import { createUserAction } from "./actions";
import { valueOf, type FormResult } from "@/lib/ui/form-result";

type Prefill = { email?: string; externalId?: string };

export function NewUserForm({ roles, teams, prefill = {} }: { roles: readonly string[]; teams: { id: string; name: string }[]; prefill?: Prefill }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const tRoles = useTranslations("common.roles");
  const [state, action] = useActionState<FormResult<CreatedUser> | null, FormData>(createUserAction, null);
  const values = state && !state.ok ? state.values : undefined;
  // A prefill (from an unmatched identity) fills the first form only: after a submission the form shows what was sent.
  const initial: Prefill = state === null ? prefill : {};
  // The external id field follows the chosen role; after each submission the form is reset to the echoed values.
  const [role, setRole] = useState("agent");
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setRole(valueOf(values, "role") ?? "agent");
  }
  const created = state?.ok ? state.data : undefined;
  return (
    <form action={action} className="form" noValidate data-testid="new-user-form">
      <FormAlert state={state} success={created ? t("created", { email: created.email }) : undefined} />
      {created?.generatedPassword && (
        <OneTimeSecret label={t("generatedPassword", { email: created.email })} value={created.password} note={t("shownOnce")} testId="created-password" />
      )}
      {created && (
        <p className="small flush">
          <Link href={`/admin/users/${created.id}`}>{t("openUser", { name: created.name })}</Link>
        </p>
      )}
      <div className="form-row">
        <Field label={t("email")} name="email" state={state}>
          <input type="email" name="email" required autoComplete="off" defaultValue={valueOf(values, "email") ?? initial.email ?? ""} />
        </Field>
        <Field label={t("name")} name="name" state={state}>
          <input type="text" name="name" maxLength={120} placeholder={t("namePlaceholder")} defaultValue={valueOf(values, "name") ?? ""} />
        </Field>
        <Field label={t("role")} name="role" state={state}>
          <select name="role" key={valueOf(values, "role") ?? "agent"} defaultValue={valueOf(values, "role") ?? "agent"} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {tRoles.has(r) ? tRoles(r) : r}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("team")} name="teamId" state={state}>
          <select name="teamId" key={valueOf(values, "teamId") ?? ""} defaultValue={valueOf(values, "teamId") ?? ""}>
            <option value="">{t("noTeam")}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-row">
        {role === "agent" && (
          <Field label={t("externalId")} name="externalId" state={state} hint={t("externalIdHint")}>
            <input
              type="text"
              name="externalId"
              maxLength={200}
              autoComplete="off"
              placeholder={t("externalIdPlaceholder")}
              defaultValue={valueOf(values, "externalId") ?? initial.externalId ?? ""}
            />
          </Field>
        )}
        <Field label={t("password")} name="password" state={state} hint={t("passwordHint")}>
          <input type="password" name="password" autoComplete="new-password" maxLength={200} />
        </Field>
      </div>
      <div>
        <SubmitButton pendingLabel={tc("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
