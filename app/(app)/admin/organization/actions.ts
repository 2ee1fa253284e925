"use server";

import { revalidatePath } from "next/cache";
import type { UpdateOrganizationInput } from "@/lib/schemas/org";
import { updateOrganization } from "@/lib/server/update-organization";
import { formValues } from "@/lib/ui/action-state";
import { runAction } from "@/lib/ui/run-action";
import { withValues, type FormResult } from "@/lib/ui/form-result";

export async function updateOrganizationAction(_prev: FormResult | null, formData: FormData) {
  const f = formValues(formData);
  const text = (key: string) => String(formData.get(key) ?? "");
  const days = formData.getAll("days").map(Number);
  const result = await runAction((ctx) =>
    updateOrganization(ctx, {
      name: text("name"),
      timezone: text("timezone"),
      currency: text("currency"),
      locale: text("locale") as UpdateOrganizationInput["locale"], // checked by the operation
      businessHours: { days, start: text("start"), end: text("end") },
      payPeriod: text("payPeriod") as UpdateOrganizationInput["payPeriod"], // checked by the operation
    }),
  );
  // Name, time zone and currency show across the app (top bar, dates, amounts).
  if (result.ok) revalidatePath("/", "layout");
  // Checkbox groups come back as a list even with one or no box ticked.
  return withValues(result, { ...f, days: days.map(String) });
}
