"use server";

import { revalidatePath } from "next/cache";
import { raiseDispute } from "@/lib/server/raise-dispute";
import { formValues } from "@/lib/ui/action-state";
import { withValues, type FormResult } from "@/lib/ui/form-result";
import { runAction } from "@/lib/ui/run-action";

/** An agent disputes one of their own lines with a comment; the operation checks the line is theirs. */
export async function raiseDisputeAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const f = formValues(formData);
  const result = await runAction((ctx) => raiseDispute(ctx, { lineId: String(formData.get("lineId") ?? ""), comment: String(formData.get("comment") ?? "") }));
  if (result.ok) revalidatePath("/statements");
  return withValues(result, f);
}
