"use client";

import { useTranslations } from "next-intl";
import type { Approval, Award, BudgetPolicy, CampaignDocument } from "@/lib/domain/campaigns/document";
import { defaultAward, fromMinor, toMinor } from "@/lib/ui/campaign-draft";
import { AwardEditor } from "./award-editor";
import { ErrorText } from "./field-errors";
import { CheckField, FieldShell, NumberField, RemoveButton, SelectField } from "./fields";
import type { Edit } from "./types";

const CAP_TYPES = ["points", "leave", "cash"] as const;

/** Caps per agent per period, a budget per currency with its policy, who approves, and shadow mode. */
export function LimitsSection({ doc, edit, currency, shadow, setShadow }: { doc: CampaignDocument; edit: Edit; currency: string; shadow: boolean; setShadow: (v: boolean) => void }) {
  const t = useTranslations("campaigns.limits");
  const caps = doc.capPerAgent ?? [];
  const setCaps = (next: Award[]) =>
    edit((d) => {
      if (next.length) d.capPerAgent = next;
      else delete d.capPerAgent;
    });
  const budget = doc.budget;
  return (
    <section className="card builder-section" aria-labelledby="limits-title">
      <h2 id="limits-title">{t("title")}</h2>
      <fieldset className="field" data-testid="caps">
        <legend>
          {t("caps")} <span className="hint">{t("capsHint")}</span>
        </legend>
        {caps.map((cap, i) => (
          <div className="row" key={i}>
            <AwardEditor award={cap} onChange={(a) => setCaps(caps.map((c, j) => (j === i ? a : c)))} path={`capPerAgent[${i}]`} label={t("capOf", { n: i + 1 })} currency={currency} types={CAP_TYPES} />
            <RemoveButton label={t("removeCap", { n: i + 1 })} onClick={() => setCaps(caps.filter((_, j) => j !== i))} />
          </div>
        ))}
        <div>
          <button type="button" className="secondary small-button" onClick={() => setCaps([...caps, { ...defaultAward("points", currency), amount: 1000 } as Award])}>
            + {t("addCap")}
          </button>
        </div>
      </fieldset>

      <fieldset className="field" data-testid="budget">
        <legend>{t("budget")}</legend>
        <CheckField
          label={t("useBudget")}
          hint={t("budgetHint")}
          path="budget"
          checked={budget !== undefined}
          onChange={(on) =>
            edit((d) => {
              if (on) d.budget = { currency, amountMinor: toMinor(1000, currency), policy: "prorate" };
              else delete d.budget;
            })
          }
        />
        {budget && (
          <div className="form-row">
            <FieldShell label={t("currency")} path="budget.currency">
              <input type="text" className="currency-input" maxLength={3} value={budget.currency} data-path="budget.currency" onChange={(e) => edit((d) => void (d.budget!.currency = e.target.value.toUpperCase()))} />
            </FieldShell>
            <NumberField
              label={t("amount")}
              path="budget.amountMinor"
              value={budget.amountMinor === null ? null : fromMinor(budget.amountMinor, budget.currency)}
              min={0}
              suffix={budget.currency}
              onChange={(v) => edit((d) => void (d.budget!.amountMinor = (v === null ? null : toMinor(v, d.budget!.currency)) as number))}
            />
            <SelectField
              label={t("policy")}
              path="budget.policy"
              value={budget.policy}
              onChange={(v) => edit((d) => void (d.budget!.policy = v as BudgetPolicy))}
              options={(["prorate", "rank_order"] as const).map((p) => ({ value: p, label: t(`policies.${p}`) }))}
            />
          </div>
        )}
        <ErrorText path="budget" />
      </fieldset>

      <div className="form-row">
        <SelectField
          label={t("approval")}
          path="approval"
          value={doc.approval ?? "auto"}
          onChange={(v) => edit((d) => void (d.approval = v as Approval))}
          options={(["auto", "manager", "hr"] as const).map((a) => ({ value: a, label: t(`approvals.${a}`) }))}
        />
      </div>
      <CheckField label={t("shadow")} hint={t("shadowHint")} path="shadow" checked={shadow} onChange={setShadow} />
    </section>
  );
}
