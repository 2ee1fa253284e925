"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormAlert } from "@/lib/ui/form";
import { valueOf, type FormResult } from "@/lib/ui/form-result";
import { resolveDisputeAction } from "./actions";
import styles from "./payouts.module.css";

/**
 * HR's answer to a dispute: accept with a signed correction in the line's unit (points, minutes, minor units), which
 * becomes an approved adjustment line, or reject; a comment either way. One form, two buttons.
 */
export function ResolveDisputeForm({ disputeId, unit, currency }: { disputeId: string; unit: "points" | "minutes" | "minor" | "count"; currency: string | null }) {
  const t = useTranslations("payouts.disputes");
  const [state, dispatch, pending] = useActionState<FormResult | null, FormData>(resolveDisputeAction, null);
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={dispatch} className="stack-tight" noValidate data-testid="resolve-form">
      <FormAlert state={state} />
      <input type="hidden" name="disputeId" value={disputeId} />
      <div className={styles.resolve}>
        <Field label={t("amount")} name="amount" state={state} hint={t(`unit.${unit}`, { currency: currency ?? "" })}>
          <input type="text" inputMode="numeric" name="amount" defaultValue={valueOf(values, "amount") ?? ""} placeholder={t("amountPlaceholder")} autoComplete="off" />
        </Field>
        <Field label={t("comment")} name="comment" state={state}>
          <textarea name="comment" rows={1} maxLength={2000} defaultValue={valueOf(values, "comment") ?? ""} />
        </Field>
        <div className={styles.resolveButtons}>
          <button type="submit" name="decision" value="accept" disabled={pending} data-testid="accept-dispute">
            {t("accept")}
          </button>
          <button type="submit" name="decision" value="reject" className="danger" disabled={pending} data-testid="reject-dispute">
            {t("reject")}
          </button>
        </div>
      </div>
    </form>
  );
}
