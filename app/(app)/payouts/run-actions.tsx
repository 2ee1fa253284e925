"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { FormAlert, SubmitButton } from "@/lib/ui/form";
import type { ActionState } from "@/lib/ui/action-state";
import { transitionRunAction } from "./actions";
import styles from "./payouts.module.css";

type RunState = "draft" | "in_review" | "approved" | "exported" | "paid";

const MOVES: Record<RunState, ReadonlyArray<{ action: "submit" | "reopen" | "approve" | "pay"; secondary?: boolean }>> = {
  draft: [{ action: "submit" }],
  in_review: [{ action: "reopen", secondary: true }, { action: "approve" }],
  approved: [],
  exported: [{ action: "pay" }],
  paid: [],
};

/**
 * The moves valid for the run's state, and the exports once it is approved. Downloading the first export moves an
 * approved run to exported, so the page is refreshed after a download starts.
 */
export function RunActions({ runId, state, blocked }: { runId: string; state: RunState; blocked: boolean }) {
  const t = useTranslations("payouts.run");
  const router = useRouter();
  const [result, dispatch] = useActionState<ActionState | null, FormData>(transitionRunAction, null);
  const exportable = state === "approved" || state === "exported" || state === "paid";
  const refreshSoon = () => setTimeout(() => router.refresh(), 1_500);
  return (
    <div className={styles.actions} data-testid="run-actions">
      {MOVES[state].map((move) => (
        <form key={move.action} action={dispatch} onSubmit={(e) => move.action !== "reopen" && !confirm(t(`confirm.${move.action}`)) && e.preventDefault()}>
          <input type="hidden" name="runId" value={runId} />
          <input type="hidden" name="action" value={move.action} />
          <SubmitButton className={move.secondary ? "secondary" : undefined} pendingLabel={t("working")}>
            <span data-testid={`run-${move.action}`} title={move.action === "approve" && blocked ? t("blockedHint") : undefined}>
              {t(`actions.${move.action}`)}
            </span>
          </SubmitButton>
        </form>
      ))}
      {exportable && (
        <>
          <a className="button secondary" href={`/api/payout-runs/${runId}/export.csv`} download onClick={refreshSoon} data-testid="export-csv">
            {t("exportCsv")}
          </a>
          <a className="button secondary" href={`/api/payout-runs/${runId}/export.xlsx`} download onClick={refreshSoon} data-testid="export-xlsx">
            {t("exportXlsx")}
          </a>
        </>
      )}
      {result && !result.ok && (
        <div className={styles.actionError}>
          <FormAlert state={result} />
        </div>
      )}
    </div>
  );
}
