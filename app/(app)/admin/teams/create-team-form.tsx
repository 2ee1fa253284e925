"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/ui/action-state";
import { Field, FormAlert, SubmitButton } from "@/lib/ui/form";
import { valueOf, withValues, type FormResult } from "@/lib/ui/form-result";
import { createTeamAction } from "./actions";

/**
 * React resets a form after its action, to the fields' defaultValue: on a failure (a name already taken) the name
 * typed is kept with the result and given back as the default, so the box still holds it next to the error.
 */
async function createTeam(prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const name = formData.get("name");
  const result: ActionState = await createTeamAction(prev, formData);
  return withValues(result, { name: typeof name === "string" ? name : "" });
}

export function CreateTeamForm() {
  const t = useTranslations("teams");
  const tc = useTranslations("common");
  const [state, action] = useActionState(createTeam, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const name = state && !state.ok ? valueOf(state.values, "name") : undefined;
  return (
    <form action={action} className="form" ref={form} noValidate>
      <FormAlert state={state} success={t("created")} />
      <Field label={t("name")} name="name" state={state}>
        <input type="text" name="name" required maxLength={120} placeholder={t("namePlaceholder")} defaultValue={name ?? ""} />
      </Field>
      <SubmitButton pendingLabel={tc("creating")}>{t("create")}</SubmitButton>
    </form>
  );
}
