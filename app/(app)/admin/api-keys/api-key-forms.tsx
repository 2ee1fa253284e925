"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { CopyButton } from "@/lib/ui/copy-button";
import { RevokeButton } from "@/lib/ui/revoke-button";
import { Field, FormAlert, SubmitButton, useValidationMessage } from "@/lib/ui/form";
import { valueOf, type FormResult } from "@/lib/ui/form-result";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

type CreatedKey = { id: string; name: string; prefix: string; scopes: string[]; key: string };

/** Scope codes contain a colon, which message keys cannot: "events:write" → "events_write". */
const scopeKey = (scope: string) => scope.replace(/[^a-z0-9]+/gi, "_");

export function CreateApiKeyForm({ scopes }: { scopes: readonly string[] }) {
  const t = useTranslations("apiKeys");
  const tc = useTranslations("common");
  const translate = useValidationMessage();
  const [state, action] = useActionState<FormResult<CreatedKey> | null, FormData>(createApiKeyAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const echoed = values?.scopes;
  const picked = new Set(echoed === undefined ? [] : Array.isArray(echoed) ? echoed : [echoed]);
  const scopesError = state && !state.ok ? Object.entries(state.fieldErrors).find(([path]) => path.startsWith("scopes"))?.[1] : undefined;
  // The key stays on screen until the admin confirms they have it (or leaves the page): it cannot be shown again.
  const [dismissed, setDismissed] = useState<CreatedKey | null>(null);
  const created = state?.ok && state.data !== dismissed ? state.data : undefined;
  return (
    <form action={action} className="form" noValidate data-testid="new-api-key-form">
      <FormAlert state={state} success={created ? t("createdNotice", { name: created.name }) : undefined} />
      {created && (
        <div className="stack">
          <div className="secret" data-testid="created-api-key">
            {created.key}
          </div>
          <div className="row">
            <CopyButton text={created.key} labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }} />
            <button type="button" className="secondary" onClick={() => setDismissed(created)}>
              {t("dismiss")}
            </button>
          </div>
          <p className="muted small flush">{t("shownOnce")}</p>
        </div>
      )}
      <div className="narrow">
        <Field label={t("name")} name="name" state={state} hint={t("nameHint")}>
          <input type="text" name="name" required maxLength={120} autoComplete="off" defaultValue={valueOf(values, "name") ?? ""} />
        </Field>
      </div>
      <fieldset className="field" data-invalid={scopesError ? "true" : undefined}>
        <legend>{t("scopes")}</legend>
        <div className="scope-list">
          {scopes.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" name="scopes" value={s} defaultChecked={picked.has(s)} aria-describedby={`scope-${scopeKey(s)}`} />
              <span>
                <code>{s}</code>
                <span className="hint" id={`scope-${scopeKey(s)}`}>
                  {t.has(`scopeHelp.${scopeKey(s)}`) ? t(`scopeHelp.${scopeKey(s)}`) : ""}
                </span>
              </span>
            </label>
          ))}
        </div>
        {scopesError && (
          <span className="field-error" role="alert" data-field="scopes">
            {translate(scopesError)}
          </span>
        )}
      </fieldset>
      <div>
        <SubmitButton pendingLabel={tc("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}

export function RevokeApiKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const t = useTranslations("apiKeys");
  return <RevokeButton action={revokeApiKeyAction} field="keyId" id={keyId} confirmText={t("confirmRevoke", { name })} label={t("revoke")} pendingLabel={t("revoking")} />;
}
