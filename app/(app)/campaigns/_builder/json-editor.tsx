"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";

/**
 * The same document as editable JSON (SPEC §5.1: the UI is a builder over the JSON). Text that parses to an object
 * replaces the draft at once, so the form shows it; text that does not parse stays here with the parser's message.
 * A `shadow` key is taken as the shadow flag, as the API does.
 */
export function JsonEditor({ doc, shadow, onChange }: { doc: CampaignDocument; shadow: boolean; onChange: (doc: CampaignDocument, shadow: boolean | undefined) => void }) {
  const t = useTranslations("campaigns.json");
  const [text, setText] = useState(() => JSON.stringify(doc, null, 2));
  const [error, setError] = useState<string | null>(null);
  const apply = (value: string) => {
    setText(value);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (err) {
      setError((err as Error).message);
      return;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      setError(t("notObject"));
      return;
    }
    setError(null);
    const { shadow: s, ...rest } = parsed as Record<string, unknown>;
    onChange(rest as unknown as CampaignDocument, typeof s === "boolean" ? s : undefined);
  };
  return (
    <div className="stack" data-testid="json-editor">
      <p className="muted small flush">{t("help", { shadow: String(shadow) })}</p>
      <textarea className="json-text mono" spellCheck={false} rows={28} value={text} aria-label={t("label")} aria-invalid={error ? true : undefined} onChange={(e) => apply(e.target.value)} />
      {error && (
        <div className="alert error" role="alert" data-testid="json-error">
          {t("parseError", { error })}
        </div>
      )}
    </div>
  );
}
