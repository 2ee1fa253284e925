"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";

/**
 * The same document as editable JSON (SPEC §5.1: the UI is a builder over the JSON). Text that parses to an object
 * replaces the draft at once, so the form shows it; text that does not parse stays here with the parser's message,
 * above the text, and `onInvalid` tells the builder, which holds Save and the form tab until it is fixed (else Save
 * would save the last valid draft and drop the edits). A `shadow` key is taken as the shadow flag, as the API does.
 */
export function JsonEditor({
  doc,
  shadow,
  onChange,
  onInvalid,
}: {
  doc: CampaignDocument;
  shadow: boolean;
  onChange: (doc: CampaignDocument, shadow: boolean | undefined) => void;
  onInvalid: (error: string | null) => void;
}) {
  const t = useTranslations("campaigns.json");
  const [text, setText] = useState(() => JSON.stringify(doc, null, 2));
  const [error, setErrorState] = useState<string | null>(null);
  const setError = (message: string | null) => {
    setErrorState(message);
    onInvalid(message);
  };
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
      {error && (
        <div className="alert error" role="alert" id="json-error" data-testid="json-error">
          {t("parseError", { error })}
        </div>
      )}
      <textarea
        className="json-text mono"
        spellCheck={false}
        rows={28}
        value={text}
        aria-label={t("label")}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "json-error" : undefined}
        onChange={(e) => apply(e.target.value)}
      />
    </div>
  );
}
