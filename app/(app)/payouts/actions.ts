"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { closePeriod } from "@/lib/server/close-period";
import { decidePayoutLine } from "@/lib/server/decide-payout-line";
import { resolveDispute } from "@/lib/server/resolve-dispute";
import { transitionPayoutRun } from "@/lib/server/transition-payout-run";
import type { ActionState } from "@/lib/ui/action-state";
import { formValues } from "@/lib/ui/action-state";
import { withValues, type FormResult } from "@/lib/ui/form-result";
import { runAction } from "@/lib/ui/run-action";

// Thin adapters: untrusted form fields in (these are public POST endpoints), one operation out, which authorizes
// (payouts.manage, or awards.approve for a line) and validates itself.

const str = (formData: FormData, key: string) => String(formData.get(key) ?? "").trim();

/** Closes a period; on success opens its payout run. Can take seconds: the form polls /api/periods meanwhile. */
export async function closePeriodAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const input = { from: str(formData, "from"), to: str(formData, "to") };
  const result = await runAction((ctx) => closePeriod(ctx, input));
  if (!result.ok) return withValues(result, input);
  revalidatePath("/payouts", "layout");
  redirect(`/payouts/${result.data.payoutRunId}`);
}

const RUN_ACTIONS = ["submit", "reopen", "approve", "pay"] as const;

export async function transitionRunAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const action = RUN_ACTIONS.find((a) => a === formData.get("action")) ?? "submit";
  const result = await runAction((ctx) => transitionPayoutRun(ctx, str(formData, "runId"), action));
  if (result.ok) revalidatePath("/payouts", "layout");
  return result;
}

/**
 * Approves or rejects one line, or several (`lineId` repeated: "approve all"). Each line is its own operation, which
 * authorizes it; the first refusal stops and is reported with how many went through.
 */
export async function decideLinesAction(_prev: ActionState | null, formData: FormData): Promise<ActionState<{ decided: number }>> {
  const decision = formData.get("decision") === "reject" ? "reject" : "approve";
  const ids = formData.getAll("lineId").map(String).slice(0, 5_000);
  let decided = 0;
  for (const id of ids) {
    const result = await runAction((ctx) => decidePayoutLine(ctx, id, decision));
    if (!result.ok) {
      if (decided > 0) revalidatePath("/", "layout");
      return decided > 0 ? { ...result, message: `${result.message} (${decided} of ${ids.length} done)` } : result;
    }
    decided += 1;
  }
  revalidatePath("/", "layout");
  return { ok: true, data: { decided } };
}

/** Accept (with a signed correction in the line's unit) or reject a dispute, with a comment either way. */
export async function resolveDisputeAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const f = formValues(formData);
  const decision = formData.get("decision") === "reject" ? "reject" : "accept";
  const comment = String(formData.get("comment") ?? "");
  const amount = str(formData, "amount");
  const input = decision === "accept" ? { decision, amount: amount === "" ? undefined : amount, comment } : { decision, comment };
  const result = await runAction((ctx) => resolveDispute(ctx, str(formData, "disputeId"), input));
  if (result.ok) revalidatePath("/", "layout");
  return withValues(result, f);
}
