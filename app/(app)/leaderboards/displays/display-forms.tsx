"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useSyncExternalStore } from "react";
import { CopyButton } from "@/lib/ui/copy-button";
import { RevokeButton } from "@/lib/ui/revoke-button";
import { Field, FormAlert, SubmitButton, useValidationMessage } from "@/lib/ui/form";
import { valueOf, type FormResult } from "@/lib/ui/form-result";
import { createDisplayLinkAction, revokeDisplayLinkAction } from "../actions";

type Created = { id: string; token: string; path: string };

// The page's own origin, for the full address of a link (the server answers with its path only).
const subscribe = () => () => {};
const useOrigin = () => useSyncExternalStore(subscribe, () => window.location.origin, () => "");

/** A new display link: a name, the boards it shows, seconds per board. Its address is shown once, with a copy button. */
export function CreateDisplayLinkForm({ boards }: { boards: Array<{ id: string; name: string }> }) {
  const t = useTranslations("leaderboards.displays");
  const tc = useTranslations("common");
  const translate = useValidationMessage();
  const origin = useOrigin();
  const [state, action] = useActionState<FormResult<Created> | null, FormData>(createDisplayLinkAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const echoed = values?.boards;
  const picked = new Set(echoed === undefined ? [] : Array.isArray(echoed) ? echoed : [echoed]);
  const boardsError = state && !state.ok ? Object.entries(state.fieldErrors).find(([path]) => path.startsWith("boards"))?.[1] : undefined;
  // The address stays until dismissed (or the page is left): the token cannot be shown again.
  const [dismissed, setDismissed] = useState<Created | null>(null);
  const created = state?.ok && state.data !== dismissed ? state.data : undefined;
  const url = created ? `${origin}${created.path}` : "";
  return (
    <form action={action} className="form" noValidate data-testid="new-display-form">
      <FormAlert state={state} success={created ? t("created") : undefined} />
      {created && (
        <div className="stack">
          <div className="secret" data-testid="created-display-url">
            {url}
          </div>
          <div className="row">
            <CopyButton text={url} labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }} />
            <a href={created.path} target="_blank" rel="noreferrer" className="button secondary">
              {t("open")}
            </a>
            <button type="button" className="secondary" onClick={() => setDismissed(created)}>
              {t("dismiss")}
            </button>
          </div>
          <p className="muted small flush">{t("shownOnce")}</p>
        </div>
      )}
      <div className="form-row">
        <Field label={t("name")} name="name" state={state} hint={t("nameHint")}>
          <input type="text" name="name" required maxLength={120} autoComplete="off" defaultValue={valueOf(values, "name") ?? ""} />
        </Field>
        <Field label={t("rotateSeconds")} name="rotateSeconds" state={state} hint={t("rotateHint")}>
          <input type="number" name="rotateSeconds" min={5} max={600} step={1} defaultValue={valueOf(values, "rotateSeconds") ?? "20"} className="num-input" />
        </Field>
      </div>
      <fieldset className="field" data-invalid={boardsError ? "true" : undefined}>
        <legend>{t("boards")}</legend>
        {boards.length === 0 ? (
          <p className="muted small flush">{t("noBoards")}</p>
        ) : (
          <div className="checks">
            {boards.map((b) => (
              <label key={b.id}>
                <input type="checkbox" name="boards" value={b.id} defaultChecked={picked.has(b.id)} />
                {b.name}
              </label>
            ))}
          </div>
        )}
        {boardsError && (
          <span className="field-error" role="alert" data-field="boards">
            {translate(boardsError)}
          </span>
        )}
      </fieldset>
      <div>
        <SubmitButton pendingLabel={tc("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}

export function RevokeDisplayLinkButton({ linkId, name }: { linkId: string; name: string }) {
  const t = useTranslations("leaderboards.displays");
  return <RevokeButton action={revokeDisplayLinkAction} field="linkId" id={linkId} confirmText={t("confirmRevoke", { name })} label={t("revoke")} pendingLabel={t("revoking")} />;
}
