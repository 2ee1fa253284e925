"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, FormAlert, SubmitButton } from "@/lib/ui/form";
import { valueOf, type FormResult } from "@/lib/ui/form-result";
import styles from "../payouts/payouts.module.css";
import { raiseDisputeAction } from "./actions";

/** "Dispute this line": opens a comment form; HR sees the dispute in its queue. */
export function DisputeLineForm({ lineId }: { lineId: string }) {
  const t = useTranslations("statements.dispute");
  const [open, setOpen] = useState(false);
  const [state, dispatch] = useActionState<FormResult | null, FormData>(raiseDisputeAction, null);
  const values = state && !state.ok ? state.values : undefined;
  if (state?.ok) return <span className="badge warn">{t("sent")}</span>;
  if (!open)
    return (
      <button type="button" className="link small" onClick={() => setOpen(true)} data-testid="dispute-line">
        {t("open")}
      </button>
    );
  return (
    <form action={dispatch} className={styles.disputeForm} noValidate data-testid="dispute-form">
      <FormAlert state={state} />
      <input type="hidden" name="lineId" value={lineId} />
      <Field label={t("comment")} name="comment" state={state} hint={t("commentHint")}>
        <textarea name="comment" required maxLength={2000} defaultValue={valueOf(values, "comment") ?? ""} autoFocus />
      </Field>
      <div className="row">
        <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
