"use server";

import { revalidatePath } from "next/cache";
import { addTeamMember } from "@/lib/server/add-team-member";
import { createTeam } from "@/lib/server/create-team";
import { deleteTeam } from "@/lib/server/delete-team";
import { removeTeamMember } from "@/lib/server/remove-team-member";
import { renameTeam } from "@/lib/server/rename-team";
import { formValues, type ActionState } from "@/lib/ui/action-state";
import { runAction } from "@/lib/ui/run-action";

// Thin adapters: form fields in, one operation (which authorizes itself), form state out.

export async function createTeamAction(_prev: ActionState | null, formData: FormData) {
  const f = formValues(formData);
  const result = await runAction((ctx) => createTeam(ctx, { name: String(f.name ?? "") }));
  if (result.ok) revalidatePath("/admin/teams");
  return result;
}

export async function renameTeamAction(_prev: ActionState | null, formData: FormData) {
  const f = formValues(formData);
  const result = await runAction((ctx) => renameTeam(ctx, { teamId: String(f.teamId ?? ""), name: String(f.name ?? "") }));
  if (result.ok) revalidatePath("/admin/teams", "layout");
  return result;
}

export async function deleteTeamAction(_prev: ActionState | null, formData: FormData) {
  const f = formValues(formData);
  const result = await runAction((ctx) => deleteTeam(ctx, { teamId: String(f.teamId ?? "") }));
  if (result.ok) revalidatePath("/admin/teams", "layout");
  return result;
}

export async function addTeamMemberAction(_prev: ActionState | null, formData: FormData) {
  const f = formValues(formData);
  const role = f.role === "manager" ? "manager" : "agent";
  const result = await runAction((ctx) => addTeamMember(ctx, { teamId: String(f.teamId ?? ""), userId: String(f.userId ?? ""), role }));
  if (result.ok) revalidatePath("/admin/teams", "layout");
  return result;
}

export async function removeTeamMemberAction(_prev: ActionState | null, formData: FormData) {
  const f = formValues(formData);
  const result = await runAction((ctx) => removeTeamMember(ctx, { teamId: String(f.teamId ?? ""), userId: String(f.userId ?? "") }));
  if (result.ok) revalidatePath("/admin/teams", "layout");
  return result;
}
