"use client";

import { useActionState } from "react";
import type { ActionState } from "./action-state";
import { SubmitButton, useValidationMessage } from "./form";

/**
 * A one-button form that asks before it revokes something (an API key, a display link): the id travels in a hidden
 * field, the server action decides, and a refusal is shown beside the button.
 */
export function RevokeButton({
  action,
  field,
  id,
  confirmText,
  label,
  pendingLabel,
}: {
  action: (prev: ActionState | null, formData: FormData) => Promise<ActionState>;
  field: string;
  id: string;
  confirmText: string;
  label: string;
  pendingLabel: string;
}) {
  const translate = useValidationMessage();
  const [state, dispatch] = useActionState(action, null);
  return (
    <form action={dispatch} onSubmit={(e) => !confirm(confirmText) && e.preventDefault()}>
      <input type="hidden" name={field} value={id} />
      <SubmitButton className="danger small-button" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      {state && !state.ok && <span className="field-error">{translate(state.message)}</span>}
    </form>
  );
}
