"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, SubmitButton } from "@/lib/ui/form";
import { valueOf } from "@/lib/ui/form-result";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signin");
  const [state, action] = useActionState(signInAction, null);
  // React resets the form after the action: the email comes back as the field's default, the password does not.
  const email = state && !state.ok ? valueOf(state.values, "email") : undefined;
  const failure = state && !state.ok && (state.message === "too_many_attempts" || state.message === "wrong_credentials") ? t(state.message) : null;
  return (
    <form action={action} className="form" noValidate>
      {failure && (
        <div className="alert error" role="alert">
          {failure}
        </div>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <Field label={t("email")} name="email" state={state}>
        <input type="email" name="email" autoComplete="username" required autoFocus defaultValue={email ?? ""} />
      </Field>
      <Field label={t("password")} name="password" state={state}>
        <input type="password" name="password" autoComplete="current-password" required />
      </Field>
      <SubmitButton pendingLabel={t("signingIn")}>{t("submit")}</SubmitButton>
    </form>
  );
}
