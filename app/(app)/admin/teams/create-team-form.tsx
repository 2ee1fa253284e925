"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Field, FormAlert, SubmitButton } from "@/lib/ui/form";
import { createTeamAction } from "./actions";

export function CreateTeamForm() {
  const t = useTranslations("teams");
  const tc = useTranslations("common");
  const [state, action] = useActionState(createTeamAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form action={action} className="form" ref={form} noValidate>
      <FormAlert state={state} success={t("created")} />
      <Field label={t("name")} name="name" state={state}>
        <input type="text" name="name" required maxLength={120} placeholder={t("namePlaceholder")} />
      </Field>
      <SubmitButton pendingLabel={tc("creating")}>{t("create")}</SubmitButton>
    </form>
  );
}
