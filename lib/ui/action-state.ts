/** What every server action returns to its form: success with data, or an error with the fields it concerns. */
export type ActionState<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; status: number; code: string; message: string; fieldErrors: Record<string, string> };

export const initialActionState = null as ActionState | null;

/** Form fields arrive as strings; repeated fields (checkbox groups) as arrays. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return out;
}
