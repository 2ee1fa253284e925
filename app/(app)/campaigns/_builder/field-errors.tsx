"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, type ReactNode } from "react";
import { messagePattern } from "@/lib/ui/campaign-messages";
import { messageKey, useValidationMessage } from "@/lib/ui/form";

/**
 * Server validation errors of the document, keyed by path (`rule.tiers[1].value`), shared with every field of the
 * builder so that each shows its own message, and listed in a summary at the top.
 */
const FieldErrorsContext = createContext<Record<string, string>>({});

export function FieldErrorsProvider({ errors, children }: { errors: Record<string, string>; children: ReactNode }) {
  return <FieldErrorsContext.Provider value={errors}>{children}</FieldErrorsContext.Provider>;
}

/** Campaign messages first (fixed sentences by key, variable ones by pattern), then the shared catalog. */
export function useCampaignMessage() {
  const t = useTranslations("campaigns.validation");
  const shared = useValidationMessage();
  return (message: string) => {
    const key = messageKey(message);
    if (t.has(`messages.${key}`)) return t(`messages.${key}`);
    const pattern = messagePattern(message);
    if (pattern) return t(`patterns.${pattern.key}`, pattern.values);
    return shared(message);
  };
}

export function useFieldError(path: string): string | undefined {
  const errors = useContext(FieldErrorsContext);
  const translate = useCampaignMessage();
  const message = errors[path];
  return message === undefined ? undefined : translate(message);
}

export function ErrorText({ path }: { path: string }) {
  const error = useFieldError(path);
  if (!error) return null;
  return (
    <span className="field-error" role="alert" data-field={path}>
      {error}
    </span>
  );
}

/** Every problem the server reported; each entry moves the focus to its field when there is one. */
export function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const t = useTranslations("campaigns.builder");
  const translate = useCampaignMessage();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  const focus = (path: string) => {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    el?.focus();
    el?.scrollIntoView({ block: "center" });
  };
  return (
    <div className="alert error" role="alert" data-testid="campaign-errors">
      <strong>{t("errorsTitle", { count: entries.length })}</strong>
      <ul className="flush-list">
        {entries.map(([path, message]) => (
          <li key={path}>
            <button type="button" className="link" onClick={() => focus(path)}>
              <code>{path || t("wholeDocument")}</code>
            </button>{" "}
            — {translate(message)}
          </li>
        ))}
      </ul>
    </div>
  );
}
