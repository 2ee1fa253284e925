"use server";

import { revalidatePath } from "next/cache";
import type { CreateUserInput, UpdateUserInput } from "@/lib/schemas/users";
import { createUser } from "@/lib/server/create-user";
import { resetPassword } from "@/lib/server/reset-password";
import { updateUser } from "@/lib/server/update-user";
import { formValues } from "@/lib/ui/action-state";
import { runAction } from "@/lib/ui/run-action";
import { withValues, type FormResult } from "@/lib/ui/form-result";

// Thin adapters: form fields in, one operation (which authorizes and validates itself), form state out.

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

export async function createUserAction(_prev: FormResult | null, formData: FormData) {
  const f = formValues(formData);
  const result = await runAction((ctx) =>
    createUser(ctx, {
      email: text(f.email),
      name: text(f.name),
      role: text(f.role) as CreateUserInput["role"], // checked by the operation
      teamId: text(f.teamId),
      // Only agents have an external id; the field is hidden for other roles but may still hold a value.
      externalId: text(f.role) === "agent" ? text(f.externalId) : undefined,
      password: text(f.password),
    }),
  );
  if (result.ok) revalidatePath("/admin", "layout");
  return withValues(result, f, ["password"]);
}

export async function updateUserAction(_prev: FormResult | null, formData: FormData) {
  const f = formValues(formData);
  const result = await runAction((ctx) =>
    updateUser(ctx, {
      userId: text(f.userId),
      name: text(f.name),
      role: text(f.role) as UpdateUserInput["role"], // checked by the operation
      // An unticked checkbox sends nothing at all; the operation wants a boolean.
      active: text(f.active) === "on",
      externalId: text(f.externalId),
    }),
  );
  if (result.ok) revalidatePath("/admin", "layout");
  return withValues(result, { ...f, active: text(f.active) === "on" ? "on" : "off" });
}

export async function resetPasswordAction(_prev: FormResult | null, formData: FormData) {
  const f = formValues(formData);
  const password = text(f.password);
  const result = await runAction((ctx) => resetPassword(ctx, { userId: text(f.userId), password: password || undefined }));
  return withValues(result, f, ["password"]);
}
