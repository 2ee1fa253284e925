import { isAppError, type Issue } from "@/lib/errors";
import { requireCtx } from "@/lib/auth/session";
import type { UserActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/server/context";
import type { ActionState } from "./action-state";

/**
 * Runs one operation for a server action. Server actions are public POST endpoints: the session is re-checked here
 * and the operation authorizes itself. Typed errors become form state with per-field messages; anything else is
 * logged and reported without internals.
 */
export async function runAction<T>(operation: (ctx: Ctx & { actor: UserActor }) => Promise<T>): Promise<ActionState<T>> {
  try {
    const ctx = await requireCtx();
    return { ok: true, data: await operation(ctx) };
  } catch (err) {
    if (isAppError(err)) {
      const issues = ((err.details as { issues?: Issue[] } | undefined)?.issues ?? []) as Issue[];
      const fieldErrors: Record<string, string> = {};
      for (const issue of issues) fieldErrors[issue.path] ??= issue.message;
      // With field errors each field shows its own (translatable) message; the summary stays general.
      const message = Object.keys(fieldErrors).length > 0 ? "Check the fields marked below." : err.message;
      return { ok: false, status: err.status, code: err.code, message, fieldErrors };
    }
    console.error("[podium] server action failed", err);
    return { ok: false, status: 500, code: "internal_error", message: "Something went wrong on our side. It has been logged.", fieldErrors: {} };
  }
}
