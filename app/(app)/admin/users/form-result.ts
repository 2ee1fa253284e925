import type { ActionState } from "@/lib/ui/action-state";

/**
 * Submitted fields, echoed back on failure so the form can show what was typed: React resets a form after its action,
 * to the fields' defaultValue. A <select> applies defaultValue only when it mounts, so forms give each select
 * key={its default} to remount it when the echoed value changes.
 */
export type FormValues = Record<string, string | string[]>;
export type FormResult<T = unknown> = ActionState<T> & { values?: FormValues };

/**
 * On failure: keep the submitted values (minus secrets) and, when the errors concern fields, replace the
 * "path: message" summary with a general sentence: each field already shows its own translated message, and the
 * summary mixes a field path into text the validation catalog cannot translate.
 */
export function withValues<T>(result: ActionState<T>, values: FormValues, omit: readonly string[] = []): FormResult<T> {
  if (result.ok) return result;
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !omit.includes(k)));
  const message = Object.keys(result.fieldErrors).length > 0 ? "Check the fields marked below." : result.message;
  return { ...result, message, values: kept };
}

/** A single text value from echoed form values. */
export function valueOf(values: FormValues | undefined, key: string): string | undefined {
  const v = values?.[key];
  return Array.isArray(v) ? v[0] : v;
}
