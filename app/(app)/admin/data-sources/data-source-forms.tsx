"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { CopyButton } from "@/lib/ui/copy-button";
import { Field, FormAlert, OneTimeSecret, SubmitButton, useValidationMessage } from "@/lib/ui/form";
import type { FormResult } from "@/lib/ui/form-result";
import { deleteWebhookSecretAction, setWebhookSecretAction } from "./actions";

type Saved = { source: string; generated: boolean; secret: string | null };

export function WebhookSecretForm({ source, sourceName, configured }: { source: string; sourceName: string; configured: boolean }) {
  const t = useTranslations("dataSources");
  const [state, action] = useActionState<FormResult<Saved> | null, FormData>(setWebhookSecretAction, null);
  // A generated secret stays on screen until the admin confirms they have it (or leaves): it is not shown again.
  const [dismissed, setDismissed] = useState<Saved | null>(null);
  const saved = state?.ok && state.data !== dismissed ? state.data : undefined;
  const success = saved ? (saved.generated ? t("generatedNotice", { source: sourceName }) : t("savedNotice", { source: sourceName })) : undefined;
  return (
    <form action={action} className="form" noValidate data-testid={`webhook-secret-form-${source}`}>
      <FormAlert state={state} success={success} />
      {saved?.secret && (
        <div className="stack">
          <OneTimeSecret label={t("secretLabel")} value={saved.secret} note={t("shownOnce")} testId={`generated-secret-${source}`} />
          <div className="row">
            <CopyButton text={saved.secret} labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }} />
            <button type="button" className="secondary" onClick={() => setDismissed(saved)}>
              {t("dismiss")}
            </button>
          </div>
        </div>
      )}
      <input type="hidden" name="source" value={source} />
      <div className="narrow">
        <Field label={t("secretLabel")} name="secret" state={state} hint={t(`secretHint.${source}`)}>
          <input type="password" name="secret" maxLength={200} autoComplete="off" spellCheck={false} />
        </Field>
      </div>
      <div>
        <SubmitButton pendingLabel={t("saving")}>{configured ? t("rotate") : t("save")}</SubmitButton>
      </div>
    </form>
  );
}

export function RemoveWebhookSecretButton({ source, sourceName }: { source: string; sourceName: string }) {
  const t = useTranslations("dataSources");
  const translate = useValidationMessage();
  const [state, action] = useActionState(deleteWebhookSecretAction, null);
  return (
    <form action={action} onSubmit={(e) => !confirm(t("confirmRemove", { source: sourceName })) && e.preventDefault()}>
      <input type="hidden" name="source" value={source} />
      <SubmitButton className="danger small-button" pendingLabel={t("removing")}>
        {t("remove")}
      </SubmitButton>
      {state && !state.ok && <span className="field-error">{translate(state.message)}</span>}
    </form>
  );
}
