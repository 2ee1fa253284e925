"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { RewardItemView } from "@/lib/server/list-reward-items";
import { Field, FormAlert, SubmitButton, useValidationMessage } from "@/lib/ui/form";
import { valueOf, type FormResult } from "@/lib/ui/form-result";
import { createRewardItemAction, setRewardItemActiveAction, updateRewardItemAction } from "./actions";

/** Add a catalog item (no `item`) or edit one. Failed fields keep what was typed. */
export function RewardItemForm({ item }: { item?: RewardItemView }) {
  const t = useTranslations("rewards.manage");
  const tc = useTranslations("common");
  const [state, action] = useActionState<FormResult | null, FormData>(item ? updateRewardItemAction : createRewardItemAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const value = (key: string, fallback: string) => valueOf(values, key) ?? fallback;
  const approval = values ? values.requiresApproval === "on" : (item?.requiresApproval ?? true);
  return (
    <form action={action} className="form" noValidate data-testid={item ? "edit-reward-form" : "new-reward-form"}>
      <FormAlert state={state} success={item ? t("saved") : t("added")} />
      {item && <input type="hidden" name="itemId" value={item.id} />}
      <div className="form-row">
        <Field label={t("name")} name="name" state={state}>
          <input type="text" name="name" required maxLength={120} autoComplete="off" defaultValue={value("name", item?.name ?? "")} />
        </Field>
        <Field label={t("pointsCost")} name="pointsCost" state={state}>
          <input type="number" name="pointsCost" required min={1} max={1_000_000} step={1} className="num-input" defaultValue={value("pointsCost", item ? String(item.pointsCost) : "")} />
        </Field>
        <Field label={t("stock")} name="stock" state={state} hint={t("stockHint")}>
          <input type="number" name="stock" min={0} step={1} className="num-input" defaultValue={value("stock", item?.stock === null || item?.stock === undefined ? "" : String(item.stock))} />
        </Field>
      </div>
      <Field label={t("description")} name="description" state={state}>
        <textarea name="description" rows={2} maxLength={1000} defaultValue={value("description", item?.description ?? "")} />
      </Field>
      <label className="check">
        <input type="checkbox" name="requiresApproval" defaultChecked={approval} key={String(approval)} />
        {t("requiresApproval")}
      </label>
      <div>
        <SubmitButton pendingLabel={item ? tc("saving") : tc("creating")}>{item ? t("save") : t("add")}</SubmitButton>
      </div>
    </form>
  );
}

/** Take an item out of the catalog (asks first) or put it back. */
export function ActiveToggle({ item }: { item: RewardItemView }) {
  const t = useTranslations("rewards.manage");
  const translate = useValidationMessage();
  const [state, action] = useActionState<FormResult | null, FormData>(setRewardItemActiveAction, null);
  const deactivating = item.active;
  return (
    <form action={action} onSubmit={(e) => deactivating && !confirm(t("confirmDeactivate", { name: item.name })) && e.preventDefault()}>
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="active" value={deactivating ? "false" : "true"} />
      <SubmitButton className={deactivating ? "danger small-button" : "secondary small-button"} pendingLabel={t("working")}>
        {deactivating ? t("deactivate") : t("activate")}
      </SubmitButton>
      {state && !state.ok && <span className="field-error">{translate(state.message)}</span>}
    </form>
  );
}
