"use server";

import { revalidatePath } from "next/cache";
import { isValidDay, localDay } from "@/lib/domain/calendar";
import { currentPeriod } from "@/lib/domain/campaigns/lifecycle";
import { archiveCampaign } from "@/lib/server/archive-campaign";
import { createCampaign } from "@/lib/server/create-campaign";
import { getOrganization } from "@/lib/server/get-organization";
import { launchCampaign } from "@/lib/server/launch-campaign";
import { pickRecognitionWinner } from "@/lib/server/pick-recognition-winner";
import { replayCampaign } from "@/lib/server/replay-campaign";
import { simulateCampaign } from "@/lib/server/simulate-campaign";
import { updateCampaign } from "@/lib/server/update-campaign";
import { formValues } from "@/lib/ui/action-state";
import { withValues, type FormResult } from "@/lib/ui/form-result";
import { runAction } from "@/lib/ui/run-action";

// Thin adapters for the builder: its document (§5.1 JSON, plus `shadow`) in, one operation (which authorizes and
// validates itself) out. Every argument is untrusted: these are public POST endpoints.

/** Create (id null) or edit: → `{ id, version, changed }`. */
export async function saveCampaignAction(id: string | null, body: unknown) {
  const result = await runAction(async (ctx) =>
    typeof id === "string" ? updateCampaign(ctx, id, body) : { ...(await createCampaign(ctx, body)), changed: true },
  );
  if (result.ok) revalidatePath("/campaigns", "layout");
  return result;
}

/**
 * Live preview: the draft over its current period (the one containing today in the organization's time zone, or the
 * nearest). A schedule that is not valid yet is sent as today only, so the document's own errors come back.
 */
export async function previewCampaignAction(campaign: unknown) {
  return runAction(async (ctx) => {
    const org = await getOrganization(ctx);
    const today = localDay(new Date(), org.timezone);
    const schedule = (campaign as { schedule?: { period?: unknown; from?: unknown; to?: unknown } } | null)?.schedule;
    const valid =
      typeof schedule?.from === "string" && typeof schedule.to === "string" && isValidDay(schedule.from) && isValidDay(schedule.to) &&
      ["month", "week", "quarter", "custom"].includes(schedule.period as string);
    const period = valid ? currentPeriod({ period: schedule.period as "month", from: schedule.from as string, to: schedule.to as string }, today) : null;
    return simulateCampaign(ctx, { campaign, from: period?.from ?? today, to: period?.to ?? today });
  });
}

/** What-if replay of a draft (saved or not) over a past range, period by period. No side effects. */
export async function replayCampaignAction(campaign: unknown, from: unknown, to: unknown) {
  return runAction((ctx) => replayCampaign(ctx, { campaign, from, to }));
}

export async function launchCampaignAction(id: unknown) {
  const result = await runAction((ctx) => launchCampaign(ctx, String(id)));
  if (result.ok) revalidatePath("/campaigns", "layout");
  return result;
}

export async function archiveCampaignAction(id: unknown) {
  const result = await runAction((ctx) => archiveCampaign(ctx, String(id)));
  if (result.ok) revalidatePath("/campaigns", "layout");
  return result;
}

/**
 * Employee of the month: picks (or, with `clear`, un-picks) the winner of one period of a recognition campaign, from
 * the form on /campaigns/{id}/pick.
 */
export async function pickWinnerAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const text = (key: string) => String(formData.get(key) ?? "").trim();
  const id = text("campaignId");
  const clear = formData.get("clear") !== null;
  const input = { from: text("from"), to: text("to"), agent: clear ? null : text("agent"), reason: text("reason") };
  const result = await runAction((ctx) => pickRecognitionWinner(ctx, id, input));
  if (result.ok) revalidatePath(`/campaigns/${id}/pick`);
  return withValues(result, formValues(formData));
}
