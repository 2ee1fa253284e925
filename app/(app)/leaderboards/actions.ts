"use server";

import { revalidatePath } from "next/cache";
import { createDisplayLink } from "@/lib/server/create-display-link";
import { createLeaderboard } from "@/lib/server/create-leaderboard";
import { deleteLeaderboard } from "@/lib/server/delete-leaderboard";
import { revokeDisplayLink } from "@/lib/server/revoke-display-link";
import { updateLeaderboard } from "@/lib/server/update-leaderboard";
import { formValues } from "@/lib/ui/action-state";
import { withValues, type FormResult } from "@/lib/ui/form-result";
import { runAction } from "@/lib/ui/run-action";

// Thin adapters: untrusted arguments in (these are public POST endpoints), one operation out, which authorizes
// (leaderboards.manage) and validates itself.

/** Create (id null) or edit a board: the form's request body → `{ id }`. */
export async function saveLeaderboardAction(id: string | null, body: unknown) {
  const result = await runAction((ctx) => (typeof id === "string" ? updateLeaderboard(ctx, id, body) : createLeaderboard(ctx, body)));
  if (result.ok) revalidatePath("/leaderboards", "layout");
  return result;
}

export async function deleteLeaderboardAction(id: unknown) {
  const result = await runAction((ctx) => deleteLeaderboard(ctx, String(id)));
  if (result.ok) revalidatePath("/leaderboards", "layout");
  return result;
}

/** A display link for a wall screen → `{ id, token, path }`; the token is in the answer once, never stored in clear. */
export async function createDisplayLinkAction(_prev: FormResult | null, formData: FormData) {
  const f = formValues(formData);
  const boards = formData.getAll("boards").map(String);
  const seconds = String(formData.get("rotateSeconds") ?? "").trim();
  const result = await runAction((ctx) => createDisplayLink(ctx, { name: String(formData.get("name") ?? ""), boards, ...(seconds ? { rotateSeconds: seconds } : {}) }));
  if (result.ok) revalidatePath("/leaderboards/displays");
  return withValues(result, { ...f, boards });
}

export async function revokeDisplayLinkAction(_prev: FormResult | null, formData: FormData) {
  const result = await runAction((ctx) => revokeDisplayLink(ctx, String(formData.get("linkId") ?? "")));
  if (result.ok) revalidatePath("/leaderboards/displays");
  return result;
}
