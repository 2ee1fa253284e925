"use server";

import { revalidatePath } from "next/cache";
import type { CreateApiKeyInput } from "@/lib/schemas/api-keys";
import { createApiKey } from "@/lib/server/create-api-key";
import { revokeApiKey } from "@/lib/server/revoke-api-key";
import { formValues } from "@/lib/ui/action-state";
import { runAction } from "@/lib/ui/run-action";
import { withValues, type FormResult } from "@/lib/ui/form-result";

export async function createApiKeyAction(_prev: FormResult | null, formData: FormData) {
  const f = formValues(formData);
  const scopes = formData.getAll("scopes").map(String) as CreateApiKeyInput["scopes"]; // checked by the operation
  const result = await runAction((ctx) => createApiKey(ctx, { name: String(formData.get("name") ?? ""), scopes }));
  if (result.ok) revalidatePath("/admin/api-keys");
  return withValues(result, { ...f, scopes });
}

export async function revokeApiKeyAction(_prev: FormResult | null, formData: FormData) {
  const result = await runAction((ctx) => revokeApiKey(ctx, { keyId: String(formData.get("keyId") ?? "") }));
  if (result.ok) revalidatePath("/admin/api-keys");
  return result;
}
