"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "./action-state";
import { CopyButton } from "./copy-button";

/**
 * Server messages are English sentences ("must be at least 10 characters"). The validation catalog translates the
 * known ones by a key derived from the text; an unknown message is shown as is rather than hidden.
 */
export function messageKey(message: string): string {
  return message.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 80);
}

export function useValidationMessage() {
  const t = useTranslations("validation");
  return (message: string) => {
    const key = messageKey(message);
    return t.has(key) ? t(key) : message;
  };
}

export function Field({
  label,
  name,
  state,
  hint,
  children,
}: {
  label: string;
  name: string;
  state: ActionState | null;
  hint?: string;
  children: ReactNode;
}) {
  const translate = useValidationMessage();
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  return (
    <label className="field" data-invalid={error ? "true" : undefined}>
      <span>
        {label} {hint && <span className="hint">{hint}</span>}
      </span>
      {children}
      {error && (
        <span className="field-error" role="alert" data-field={name}>
          {translate(error)}
        </span>
      )}
    </label>
  );
}

export function FormAlert({ state, success }: { state: ActionState | null; success?: string }) {
  const translate = useValidationMessage();
  const t = useTranslations("common");
  if (!state) return null;
  if (state.ok) return success ? <div className="alert success" role="status">{success}</div> : null;
  const text = state.status === 403 ? t("forbidden") : state.status === 401 ? t("signedOut") : translate(state.message);
  return (
    <div className="alert error" role="alert">
      {text}
    </div>
  );
}

export function SubmitButton({ children, className, pendingLabel }: { children: ReactNode; className?: string; pendingLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** A secret (generated password) shown exactly once after an action, with the warning that it will not be shown again. */
export function OneTimeSecret({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  const t = useTranslations("common");
  return (
    <div className="stack">
      <strong className="small">{label}</strong>
      <div className="secret" data-testid={testId}>
        {value}
      </div>
      <div className="row">
        <CopyButton text={value} labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }} />
      </div>
      <p className="muted small flush">{note}</p>
    </div>
  );
}
