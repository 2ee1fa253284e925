"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, FormAlert, OneTimeSecret, SubmitButton, useValidationMessage } from "@/lib/ui/form";
import { resetPasswordAction, updateUserAction } from "../actions";
import { valueOf } from "@/lib/ui/form-result";

type EditableUser = { id: string; name: string; role: string; active: boolean; externalId: string | null };

export function EditUserForm({ user, roles }: { user: EditableUser; roles: readonly string[] }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const tRoles = useTranslations("common.roles");
  const translate = useValidationMessage();
  const [state, action] = useActionState(updateUserAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const roleDefault = valueOf(values, "role") ?? user.role;
  const [role, setRole] = useState(roleDefault);
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setRole(roleDefault);
  }
  const activeError = state && !state.ok ? state.fieldErrors.active : undefined;
  return (
    <form action={action} className="form" noValidate data-testid="edit-user-form">
      <FormAlert state={state} success={tc("saved")} />
      <input type="hidden" name="userId" value={user.id} />
      <Field label={t("name")} name="name" state={state}>
        <input type="text" name="name" required maxLength={120} defaultValue={valueOf(values, "name") ?? user.name} />
      </Field>
      <Field label={t("role")} name="role" state={state}>
        <select name="role" key={roleDefault} defaultValue={roleDefault} onChange={(e) => setRole(e.target.value)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {tRoles.has(r) ? tRoles(r) : r}
            </option>
          ))}
        </select>
      </Field>
      {(role === "agent" || user.externalId) && (
        <Field label={t("externalId")} name="externalId" state={state} hint={t("externalIdEditHint")}>
          <input type="text" name="externalId" maxLength={200} autoComplete="off" defaultValue={valueOf(values, "externalId") ?? user.externalId ?? ""} />
        </Field>
      )}
      <div className="field" data-invalid={activeError ? "true" : undefined}>
        <label className="check">
          <input type="checkbox" name="active" defaultChecked={values ? valueOf(values, "active") === "on" : user.active} />
          <span>
            <strong>{t("activeLabel")}</strong> <span className="hint">{t("activeHint")}</span>
          </span>
        </label>
        {activeError && (
          <span className="field-error" role="alert" data-field="active">
            {translate(activeError)}
          </span>
        )}
      </div>
      <div>
        <SubmitButton pendingLabel={tc("saving")}>{tc("save")}</SubmitButton>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("users");
  const [state, action] = useActionState(resetPasswordAction, null);
  const done = state?.ok ? state.data : undefined;
  return (
    <form action={action} className="form" noValidate onSubmit={(e) => !confirm(t("confirmReset", { name })) && e.preventDefault()}>
      <FormAlert state={state} success={t("resetDone", { name })} />
      {done?.generatedPassword && (
        <OneTimeSecret label={t("newPasswordFor", { email: done.email })} value={done.password} note={t("shownOnce")} testId="new-password" />
      )}
      <input type="hidden" name="userId" value={userId} />
      <Field label={t("newPassword")} name="password" state={state} hint={t("passwordHint")}>
        <input type="password" name="password" autoComplete="new-password" maxLength={200} />
      </Field>
      <div>
        <SubmitButton className="secondary" pendingLabel={t("resetting")}>
          {t("reset")}
        </SubmitButton>
      </div>
    </form>
  );
}
