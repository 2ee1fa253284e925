"use server";

import { revalidatePath } from "next/cache";
import type { SetWebhookSecretInput } from "@/lib/schemas/webhooks";
import { deleteWebhookSecret } from "@/lib/server/delete-webhook-secret";
import { setWebhookSecret } from "@/lib/server/set-webhook-secret";
import { formValues } from "@/lib/ui/action-state";
import { runAction } from "@/lib/ui/run-action";
import { withValues, type FormResult } from "@/lib/ui/form-result";

/** Sets or rotates a source's signing secret: pasted (Zendesk's own) or, left empty, generated and shown once. */
export async function setWebhookSecretAction(_prev: FormResult | null, formData: FormData) {
  const f = formValues(formData);
  const source = String(formData.get("source") ?? "") as SetWebhookSecretInput["source"]; // checked by the operation
  const result = await runAction((ctx) => setWebhookSecret(ctx, { source, secret: String(formData.get("secret") ?? "") }));
  if (result.ok) revalidatePath("/admin/data-sources");
  return withValues(result, f, ["secret"]); // a secret is never echoed back into the form
}

export async function deleteWebhookSecretAction(_prev: FormResult | null, formData: FormData) {
  const result = await runAction((ctx) => deleteWebhookSecret(ctx, { source: String(formData.get("source") ?? "") }));
  if (result.ok) revalidatePath("/admin/data-sources");
  return result;
}
