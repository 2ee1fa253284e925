"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useValidationMessage } from "@/lib/ui/form";
import type { FormResult } from "@/lib/ui/form-result";
import { decideRedemptionAction } from "./actions";
import styles from "./rewards.module.css";

/** Fulfil or reject a requested redemption, with an optional note for the agent; the button pressed decides. */
export function DecideForm({ redemptionId, agentName }: { redemptionId: string; agentName: string }) {
  const t = useTranslations("rewards.queue");
  const translate = useValidationMessage();
  const [state, action] = useActionState<FormResult | null, FormData>(decideRedemptionAction, null);
  return (
    <form action={action} className={styles.decide} data-testid="decide-form">
      <input type="hidden" name="redemptionId" value={redemptionId} />
      <input type="text" name="note" maxLength={1000} placeholder={t("notePlaceholder")} aria-label={t("noteLabel", { name: agentName })} />
      <DecisionButton decision="fulfil" className="small-button">
        {t("fulfil")}
      </DecisionButton>
      <DecisionButton decision="reject" className="danger small-button">
        {t("reject")}
      </DecisionButton>
      {state && !state.ok && (
        <span className="field-error" role="alert">
          {translate(state.message)}
        </span>
      )}
    </form>
  );
}

/** A submit button that sends which decision it is (React passes the pressed button's name and value). */
function DecisionButton({ decision, className, children }: { decision: "fulfil" | "reject"; className: string; children: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name="decision" value={decision} className={className} disabled={pending} aria-busy={pending} data-testid={`decide-${decision}`}>
      {children}
    </button>
  );
}
