import type { ActionState } from "./action-state";

/**
 * Submitted fields, echoed back on failure so the form can show what was typed: React resets a form after its action,
 * to the fields' defaultValue. A <select> applies defaultValue only when it mounts, so forms give each select
 * key={its default} to remount it when the echoed value changes.
 */
export type FormValues = Record<string, string | string[]>;
export type FormResult<T = unknown> = ActionState<T> & { values?: FormValues };

/**
 * On failure, keep the submitted values (minus secrets) so the form can show them again. (runAction already replaces
 * the "path: message" summary with a general sentence when the errors concern fields.)
 */
export function withValues<T>(result: ActionState<T>, values: FormValues, omit: readonly string[] = []): FormResult<T> {
  if (result.ok) return result;
  return { ...result, values: Object.fromEntries(Object.entries(values).filter(([k]) => !omit.includes(k))) };
}

/** A single text value from echoed form values. */
export function valueOf(values: FormValues | undefined, key: string): string | undefined {
  const v = values?.[key];
  return Array.isArray(v) ? v[0] : v;
}
