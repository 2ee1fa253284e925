"use client";

import { useTranslations } from "next-intl";
import type { Composite } from "@/lib/domain/campaigns/document";
import { BUILTIN_KPIS } from "@/lib/domain/kpis";
import { ErrorText } from "./field-errors";
import { NumberInput, RemoveButton, SelectField } from "./fields";
import { KpiSelect } from "./kpi-select";

/** A composite score (SPEC §5): KPIs normalized within the participants, weighted and summed. */
export function CompositeEditor({ composite, onChange }: { composite: Composite; onChange: (c: Composite) => void }) {
  const t = useTranslations("campaigns.metric");
  const entries = Object.entries(composite.weights);
  // renaming a key keeps the order of the others
  const setEntries = (next: Array<[string, number]>) => onChange({ ...composite, weights: Object.fromEntries(next) });
  const unused = BUILTIN_KPIS.find((k) => !(k in composite.weights));
  return (
    <fieldset className="field nested" data-testid="composite-editor">
      <legend>{t("compositeTitle")}</legend>
      <SelectField
        label={t("normalize")}
        path="rule.composite.normalize"
        value={composite.normalize}
        onChange={(v) => onChange({ ...composite, normalize: v as Composite["normalize"] })}
        options={(["zscore", "minmax"] as const).map((n) => ({ value: n, label: t(`normalizeOptions.${n}`) }))}
      />
      <table className="list-table">
        <thead>
          <tr>
            <th>{t("kpi")}</th>
            <th>{t("weight")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map(([key, weight], i) => (
            <tr key={i}>
              <td>
                <KpiSelect value={key} label={t("partKpi", { n: i + 1 })} path={`rule.composite.weights.${key}`} onChange={(k) => setEntries(entries.map((e, j) => (j === i ? [k, e[1]] : e)))} />
                <ErrorText path={`rule.composite.weights.${key}`} />
              </td>
              <td>
                <NumberInput value={weight} label={t("partWeight", { n: i + 1 })} path={`rule.composite.weights.${key}`} step={0.1} min={0} onChange={(w) => setEntries(entries.map((e, j) => (j === i ? [e[0], w as number] : e)))} />
              </td>
              <td>
                <RemoveButton label={t("removePart", { n: i + 1 })} onClick={() => setEntries(entries.filter((_, j) => j !== i))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText path="rule.composite.weights" />
      <ErrorText path="rule.composite" />
      {unused && (
        <div>
          <button type="button" className="secondary small-button" onClick={() => setEntries([...entries, [unused, 0.1]])}>
            + {t("addPart")}
          </button>
        </div>
      )}
      <p className="muted small flush">{t("compositeHelp")}</p>
    </fieldset>
  );
}
