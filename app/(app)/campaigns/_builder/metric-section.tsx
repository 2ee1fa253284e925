"use client";

import { useTranslations } from "next-intl";
import { COMPARES, type Compare, type Rule } from "@/lib/domain/campaigns/document";
import { ErrorText } from "./field-errors";
import { FieldShell, NumberInput, RemoveButton, SelectField } from "./fields";
import { CompositeEditor } from "./composite-editor";
import { KpiSelect } from "./kpi-select";
import type { EditRule } from "./types";

/**
 * What the rule measures: a KPI or a composite score, compared as the value itself, as attainment of each agent's
 * own target, or as improvement on the previous period. Streaks measure their condition instead (see the rule form).
 */
export function MetricSection({ rule, editRule }: { rule: Rule; editRule: EditRule }) {
  const t = useTranslations("campaigns.metric");
  const isComposite = rule.metric === "composite";
  const setMetric = (metric: string) =>
    editRule((r) => {
      r.metric = metric;
      if (metric === "composite") {
        r.composite ??= { normalize: "zscore", weights: { csat: 0.5, aht: 0.3, fcr_rate: 0.2 } };
        delete r.compare;
        delete r.targets;
      } else delete r.composite;
    });
  const setCompare = (compare: Compare) =>
    editRule((r) => {
      if (compare === "value") delete r.compare;
      else r.compare = compare;
      if (compare === "attainment") r.targets ??= {};
      else delete r.targets;
    });
  if (rule.kind === "streak") return null;
  return (
    <fieldset className="field" data-testid="metric-section">
      <legend>{t("title")}</legend>
      <div className="form-row">
        <FieldShell label={t("metric")} path="rule.metric" hint={rule.kind === "per_unit" ? t("countOnly") : undefined}>
          <KpiSelect value={rule.metric} onChange={setMetric} path="rule.metric" label={t("metric")} composite={rule.kind !== "per_unit"} counts={rule.kind === "per_unit"} />
        </FieldShell>
        {!isComposite && rule.kind !== "per_unit" && (
          <SelectField
            label={t("compare")}
            path="rule.compare"
            value={rule.compare ?? "value"}
            onChange={(v) => setCompare(v as Compare)}
            options={COMPARES.map((c) => ({ value: c, label: t(`compareOptions.${c}`) }))}
          />
        )}
      </div>
      {!isComposite && rule.compare && <p className="muted small flush">{t(`compareHelp.${rule.compare}`)}</p>}
      {isComposite && rule.composite && <CompositeEditor composite={rule.composite} onChange={(c) => editRule((r) => void (r.composite = c))} />}
      {rule.compare === "attainment" && <TargetsEditor targets={rule.targets ?? {}} onChange={(targets) => editRule((r) => void (r.targets = targets))} />}
    </fieldset>
  );
}

/** Each agent's own target for compare: attainment, by external id. */
function TargetsEditor({ targets, onChange }: { targets: Record<string, number>; onChange: (t: Record<string, number>) => void }) {
  const t = useTranslations("campaigns.metric");
  const entries = Object.entries(targets);
  const set = (next: Array<[string, number]>) => onChange(Object.fromEntries(next));
  return (
    <fieldset className="field nested" data-testid="targets-editor">
      <legend>{t("targets")}</legend>
      {entries.length > 0 && (
        <table className="list-table">
          <thead>
            <tr>
              <th>{t("agent")}</th>
              <th>{t("target")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map(([agent, target], i) => (
              <tr key={i}>
                <td>
                  <input type="text" value={agent} list="campaign-agents" aria-label={t("targetAgent", { n: i + 1 })} data-path={`rule.targets.${agent}`} onChange={(e) => set(entries.map((x, j) => (j === i ? [e.target.value.trim(), x[1]] : x)))} />
                  <ErrorText path={`rule.targets.${agent}`} />
                </td>
                <td>
                  <NumberInput value={target} label={t("targetValue", { n: i + 1 })} path={`rule.targets.${agent}`} onChange={(v) => set(entries.map((x, j) => (j === i ? [x[0], v as number] : x)))} />
                </td>
                <td>
                  <RemoveButton label={t("removeTarget", { n: i + 1 })} onClick={() => set(entries.filter((_, j) => j !== i))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorText path="rule.targets" />
      <div>
        <button type="button" className="secondary small-button" onClick={() => set([...entries, ["", 100]])}>
          + {t("addTarget")}
        </button>
      </div>
    </fieldset>
  );
}
