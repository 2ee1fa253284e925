"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { isAppError, NotFoundError, ValidationError } from "@/lib/errors";
import { formatNumber } from "@/lib/i18n/format";
import { createRewardItem } from "@/lib/server/create-reward-item";
import { fulfilRedemption } from "@/lib/server/fulfil-redemption";
import { redeemReward } from "@/lib/server/redeem-reward";
import { rejectRedemption } from "@/lib/server/reject-redemption";
import { updateRewardItem } from "@/lib/server/update-reward-item";
import { formValues } from "@/lib/ui/action-state";
import { withValues, type FormResult } from "@/lib/ui/form-result";
import { runAction } from "@/lib/ui/run-action";

// Thin adapters: untrusted form fields in (these are public POST endpoints), one operation out, which authorizes and
// validates itself. The only extra work here is saying a refusal in the reader's language.

/**
 * Operations refuse in English with the figures in `details` (`{ reason: "not_enough_points", balance, cost }`);
 * this puts the known refusals into the reader's language before the form shows them.
 */
async function inReadersLanguage<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (!isAppError(err)) throw err;
    const [t, locale] = await Promise.all([getTranslations("rewards"), getLocale()]);
    const points = (n: number) => t("points", { count: n, points: formatNumber(n, locale, 0) });
    const details = (err.details ?? {}) as { reason?: string; balance?: number; cost?: number; state?: "requested" | "fulfilled" | "rejected" };
    if (details.reason === "not_enough_points") err.message = t("errors.notEnoughPoints", { balance: points(details.balance ?? 0), cost: points(details.cost ?? 0) });
    else if (details.reason === "out_of_stock") err.message = t("errors.outOfStock");
    else if (details.reason === "unavailable") err.message = t("errors.unavailable");
    else if (details.reason === "already_decided" && details.state) err.message = t("errors.alreadyDecided", { state: t(`states.${details.state}`).toLowerCase() });
    else if (err instanceof NotFoundError) err.message = t("errors.notFound");
    throw err;
  }
}

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** The catalog form's fields → the operation's input. An unticked checkbox sends nothing, which means "no". */
function itemBody(formData: FormData) {
  return {
    name: text(formData, "name"),
    description: text(formData, "description"),
    pointsCost: text(formData, "pointsCost"),
    stock: text(formData, "stock"),
    requiresApproval: formData.get("requiresApproval") === "on",
  };
}

export async function redeemAction(_prev: FormResult | null, formData: FormData) {
  const result = await runAction((ctx) => inReadersLanguage(() => redeemReward(ctx, { itemId: text(formData, "itemId") })));
  if (result.ok) revalidatePath("/rewards");
  return result;
}

export async function createRewardItemAction(_prev: FormResult | null, formData: FormData) {
  const result = await runAction((ctx) => createRewardItem(ctx, itemBody(formData)));
  if (result.ok) revalidatePath("/rewards");
  return withValues(result, formValues(formData));
}

export async function updateRewardItemAction(_prev: FormResult | null, formData: FormData) {
  const result = await runAction((ctx) => inReadersLanguage(() => updateRewardItem(ctx, text(formData, "itemId"), itemBody(formData))));
  if (result.ok) revalidatePath("/rewards");
  return withValues(result, formValues(formData));
}

/** Deactivate (out of the catalog) or activate again. */
export async function setRewardItemActiveAction(_prev: FormResult | null, formData: FormData) {
  const result = await runAction((ctx) => inReadersLanguage(() => updateRewardItem(ctx, text(formData, "itemId"), { active: text(formData, "active") === "true" })));
  if (result.ok) revalidatePath("/rewards");
  return result;
}

/** Fulfil or reject, by the button pressed, with the optional note. */
export async function decideRedemptionAction(_prev: FormResult | null, formData: FormData) {
  const id = text(formData, "redemptionId");
  const input = { note: text(formData, "note") };
  const decision = text(formData, "decision");
  const result = await runAction((ctx) =>
    inReadersLanguage(async () => {
      if (decision === "fulfil") return fulfilRedemption(ctx, id, input);
      if (decision === "reject") return rejectRedemption(ctx, id, input);
      throw new ValidationError("decision: must be fulfil or reject", [{ path: "decision", message: "must be fulfil or reject" }]);
    }),
  );
  if (result.ok) revalidatePath("/rewards");
  return withValues(result, formValues(formData));
}
