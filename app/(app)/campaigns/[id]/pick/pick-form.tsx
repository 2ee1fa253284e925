"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/lib/ui/form";
import { valueOf, type FormResult } from "@/lib/ui/form-result";
import { pickWinnerAction } from "../../actions";

/** Pick this agent as the period's winner, with an optional reason; on the picked row, a button to un-pick. */
export function PickForm({ campaignId, from, to, agent, picked }: { campaignId: string; from: string; to: string; agent: string; picked: boolean }) {
  const t = useTranslations("campaigns.pick");
  const [state, dispatch, pending] = useActionState<FormResult | null, FormData>(pickWinnerAction, null);
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={dispatch} className="stack-tight" noValidate data-testid="pick-form">
      <FormAlert state={state} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="agent" value={agent} />
      {picked ? (
        <button type="submit" name="clear" value="1" className="secondary" disabled={pending} data-testid="unpick">
          {t("unpick")}
        </button>
      ) : (
        <div className="row">
          <input type="text" name="reason" maxLength={500} placeholder={t("reasonPlaceholder")} aria-label={t("reason")} defaultValue={valueOf(values, "reason") ?? ""} />
          <button type="submit" disabled={pending} data-testid="pick">
            {t("pickButton")}
          </button>
        </div>
      )}
    </form>
  );
}
