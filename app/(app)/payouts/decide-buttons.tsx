"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton, useValidationMessage } from "@/lib/ui/form";
import type { ActionState } from "@/lib/ui/action-state";
import { decideLinesAction } from "./actions";
import styles from "./payouts.module.css";

/** Approve / reject one pending line; a refusal (a run already approved, another team's line) shows beside them. */
export function DecideButtons({ lineId }: { lineId: string }) {
  const t = useTranslations("payouts.lines");
  const translate = useValidationMessage();
  const [state, dispatch] = useActionState<ActionState | null, FormData>(decideLinesAction, null);
  return (
    <form action={dispatch} className={styles.decide} data-testid="decide-line">
      <input type="hidden" name="lineId" value={lineId} />
      <button type="submit" name="decision" value="approve" data-testid="approve-line">
        {t("approve")}
      </button>
      <button type="submit" name="decision" value="reject" className="danger" data-testid="reject-line">
        {t("reject")}
      </button>
      {state && !state.ok && (
        <span className="field-error" role="alert">
          {translate(state.message)}
        </span>
      )}
    </form>
  );
}

/** "Approve all N": every pending line listed, each decided (and authorized) on its own. */
export function ApproveAllButton({ lineIds }: { lineIds: string[] }) {
  const t = useTranslations("payouts.lines");
  const translate = useValidationMessage();
  const [state, dispatch] = useActionState<ActionState | null, FormData>(decideLinesAction, null);
  if (lineIds.length === 0) return null;
  return (
    <form action={dispatch} onSubmit={(e) => !confirm(t("confirmApproveAll", { count: lineIds.length })) && e.preventDefault()} className="row">
      {lineIds.map((id) => (
        <input key={id} type="hidden" name="lineId" value={id} />
      ))}
      <input type="hidden" name="decision" value="approve" />
      <SubmitButton pendingLabel={t("approving")}>
        <span data-testid="approve-all">{t("approveAll", { count: lineIds.length })}</span>
      </SubmitButton>
      {state && !state.ok && (
        <span className="field-error" role="alert">
          {translate(state.message)}
        </span>
      )}
    </form>
  );
}
