"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { SubmitButton, useValidationMessage } from "@/lib/ui/form";
import type { FormResult } from "@/lib/ui/form-result";
import { redeemAction } from "./actions";
import styles from "./rewards.module.css";

type Redeemed = { id: string; state: "requested" | "fulfilled" | "rejected" };

/**
 * Redeem, in two steps: the button asks, the confirmation spends. Disabled with the reason when the balance is too low
 * or the item is out of stock; the server checks both again and its refusal is shown here.
 */
export function RedeemButton({ itemId, name, cost, blocked }: { itemId: string; name: string; cost: string; blocked: string | null }) {
  const t = useTranslations("rewards");
  const translate = useValidationMessage();
  const [state, action] = useActionState<FormResult<Redeemed> | null, FormData>(redeemAction, null);
  const [confirming, setConfirming] = useState(false);
  const [answered, setAnswered] = useState<typeof state>(null);
  // A new answer closes the confirmation (React state from the previous render, as the docs recommend).
  if (state !== answered) {
    setAnswered(state);
    setConfirming(false);
  }
  return (
    <div className={styles.foot}>
      {state?.ok && (
        <div className="alert success" role="status" data-testid="redeem-done">
          {state.data.state === "fulfilled" ? t("redeemedFulfilled") : t("redeemedRequested")}
        </div>
      )}
      {state && !state.ok && (
        <div className="alert error" role="alert" data-testid="redeem-error">
          {translate(state.message)}
        </div>
      )}
      {confirming ? (
        <form action={action} className={styles.confirm} data-testid="redeem-confirm">
          <input type="hidden" name="itemId" value={itemId} />
          <span>{t("confirmRedeem", { points: cost, name })}</span>
          <div className="row">
            <SubmitButton pendingLabel={t("redeeming")}>{t("confirm")}</SubmitButton>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button type="button" disabled={blocked !== null} onClick={() => setConfirming(true)} data-testid="redeem" aria-describedby={blocked ? `blocked-${itemId}` : undefined}>
            {t("redeem")}
          </button>
        </div>
      )}
      {blocked && !confirming && (
        <span id={`blocked-${itemId}`} className={styles.blocked} data-testid="redeem-blocked">
          {blocked}
        </span>
      )}
    </div>
  );
}
