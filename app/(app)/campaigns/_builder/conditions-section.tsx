"use client";

import { useTranslations } from "next-intl";
import { OPS, type Gate, type Op, type Rule } from "@/lib/domain/campaigns/document";
import type { FairnessMethod } from "@/lib/domain/fairness";
import { ErrorText } from "./field-errors";
import { CheckField, NumberField, NumberInput, RemoveButton, SelectField, SelectInput } from "./fields";
import { KpiSelect } from "./kpi-select";
import type { EditRule } from "./types";

/** Fairness (minimum samples, Wilson / Bayesian adjustment) and gates: the conditions every payout also needs. */
export function ConditionsSection({ rule, editRule }: { rule: Rule; editRule: EditRule }) {
  const t = useTranslations("campaigns.conditions");
  const fairness = rule.fairness;
  return (
    <>
      <fieldset className="field" data-testid="fairness">
        <legend>{t("fairness")}</legend>
        <CheckField
          label={t("useFairness")}
          hint={t("fairnessHint")}
          path="rule.fairness"
          checked={fairness !== undefined}
          onChange={(on) =>
            editRule((r) => {
              if (on) r.fairness = { minSamples: 20, method: "raw" };
              else delete r.fairness;
            })
          }
        />
        {fairness && (
          <div className="form-row">
            <NumberField label={t("minSamples")} path="rule.fairness.minSamples" value={fairness.minSamples} step={1} min={0} onChange={(v) => editRule((r) => void (r.fairness!.minSamples = v as number))} />
            <SelectField
              label={t("method")}
              path="rule.fairness.method"
              value={fairness.method}
              onChange={(v) =>
                editRule((r) => {
                  r.fairness!.method = v as FairnessMethod;
                  if (v === "bayes") r.fairness!.bayesWeight ??= 10;
                  else delete r.fairness!.bayesWeight;
                })
              }
              options={(["raw", "wilson", "bayes"] as const).map((m) => ({ value: m, label: t(`methods.${m}`) }))}
            />
            {fairness.method === "bayes" && (
              <NumberField label={t("bayesWeight")} path="rule.fairness.bayesWeight" value={fairness.bayesWeight} min={0} onChange={(v) => editRule((r) => void (r.fairness!.bayesWeight = v as number))} />
            )}
          </div>
        )}
      </fieldset>
      <GatesEditor gates={rule.gates ?? []} onChange={(gates) => editRule((r) => (gates.length ? void (r.gates = gates) : void delete r.gates))} />
    </>
  );
}

function GatesEditor({ gates, onChange }: { gates: Gate[]; onChange: (g: Gate[]) => void }) {
  const t = useTranslations("campaigns.conditions");
  const set = (i: number, patch: Partial<Gate>) => onChange(gates.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <fieldset className="field" data-testid="gates">
      <legend>
        {t("gates")} <span className="hint">{t("gatesHint")}</span>
      </legend>
      {gates.length > 0 && (
        <div className="table-wrap">
          <table className="list-table">
            <thead>
              <tr>
                <th>{t("kpi")}</th>
                <th>{t("op")}</th>
                <th>{t("value")}</th>
                <th>{t("minSamples")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {gates.map((g, i) => {
                const path = `rule.gates[${i}]`;
                return (
                  <tr key={i}>
                    <td>
                      <KpiSelect value={g.metric} onChange={(metric) => set(i, { metric })} path={`${path}.metric`} label={t("gateKpi", { n: i + 1 })} />
                      <ErrorText path={`${path}.metric`} />
                    </td>
                    <td>
                      <OpSelect value={g.op} onChange={(op) => set(i, { op })} path={`${path}.op`} label={t("gateOp", { n: i + 1 })} short />
                    </td>
                    <td>
                      <NumberInput value={g.value} onChange={(v) => set(i, { value: v as number })} path={`${path}.value`} label={t("gateValue", { n: i + 1 })} />
                      <ErrorText path={`${path}.value`} />
                    </td>
                    <td>
                      <NumberInput
                        value={g.minSamples}
                        step={1}
                        min={0}
                        onChange={(v) => onChange(gates.map((x, j) => (j !== i ? x : v === null ? withoutMin(x) : { ...x, minSamples: v })))}
                        path={`${path}.minSamples`}
                        label={t("gateMinSamples", { n: i + 1 })}
                      />
                      <ErrorText path={`${path}.minSamples`} />
                    </td>
                    <td>
                      <RemoveButton label={t("removeGate", { n: i + 1 })} onClick={() => onChange(gates.filter((_, j) => j !== i))} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <button type="button" className="secondary small-button" onClick={() => onChange([...gates, { metric: "csat", op: "gte", value: 85, minSamples: 20 }])}>
          + {t("addGate")}
        </button>
      </div>
    </fieldset>
  );
}

function withoutMin(g: Gate): Gate {
  const { minSamples: _drop, ...rest } = g;
  return rest;
}

/** "at least (≥)" / "at most (≤)"; `short`: the symbol only, for table cells (the label still says which). */
export function OpSelect({ value, onChange, path, label, short = false }: { value: Op; onChange: (op: Op) => void; path: string; label: string; short?: boolean }) {
  const t = useTranslations("campaigns.ops");
  const options = OPS.map((op) => ({ value: op, label: short ? (op === "gte" ? "≥" : "≤") : t(op) }));
  return <SelectInput value={value} onChange={(v) => onChange(v as Op)} path={path} label={label} options={options} />;
}
