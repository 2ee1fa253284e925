"use client";

import { useTranslations } from "next-intl";
import type { PerUnitRule, Rule, StreakRule } from "@/lib/domain/campaigns/document";
import { AwardEditor } from "./award-editor";
import { OpSelect } from "./conditions-section";
import { ErrorText } from "./field-errors";
import { CheckField, FieldShell, NumberField, NumberInput, RemoveButton, SelectField } from "./fields";
import { KpiSelect } from "./kpi-select";
import type { EditRule } from "./types";

/** Forms of the rule kinds that count: per unit (with optional volume bands) and streaks (SPEC §5.1). */
type Props<R extends Rule> = { rule: R; editRule: EditRule<R>; currency: string };

export function PerUnitForm({ rule, editRule, currency }: Props<PerUnitRule>) {
  const t = useTranslations("campaigns.rule");
  const bands = rule.bands;
  return (
    <div className="stack">
      <div className="form-row">
        <NumberField label={t("per")} path="rule.per" value={rule.per} min={0} suffix={t("perHint")} onChange={(v) => editRule((r) => void (r.per = v as number))} />
        {!bands && (
          <FieldShell label={t("awardPerUnit")} path="rule.award" className="wide" group>
            <AwardEditor award={rule.award} onChange={(a) => editRule((r) => void (r.award = a))} path="rule.award" label={t("awardPerUnit")} currency={currency} />
          </FieldShell>
        )}
      </div>
      <CheckField
        label={t("useBands")}
        hint={t("bandsHint")}
        path="rule.bands"
        checked={bands !== undefined}
        onChange={(on) =>
          editRule((r) => {
            if (on) {
              r.bands = [{ from: 0, award: structuredClone(r.award) }];
              r.mode = "slab";
            } else {
              delete r.bands;
              delete r.mode;
            }
          })
        }
      />
      {bands && (
        <>
          <SelectField
            label={t("mode")}
            path="rule.mode"
            value={rule.mode ?? "slab"}
            onChange={(v) => editRule((r) => void (r.mode = v as "slab" | "marginal"))}
            options={(["slab", "marginal"] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))}
          />
          <p className="muted small flush">{t(`modeHelp.${rule.mode ?? "slab"}`)}</p>
          <table className="list-table" data-testid="bands">
            <thead>
              <tr>
                <th>{t("bandFrom")}</th>
                <th>{t("awardPerUnit")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {bands.map((band, i) => (
                <tr key={i}>
                  <td>
                    <NumberInput value={band.from} min={0} onChange={(v) => editRule((r) => void (r.bands![i]!.from = v as number))} path={`rule.bands[${i}].from`} label={t("bandFromOf", { n: i + 1 })} />
                    <ErrorText path={`rule.bands[${i}].from`} />
                  </td>
                  <td>
                    <AwardEditor award={band.award} onChange={(a) => editRule((r) => void (r.bands![i]!.award = a))} path={`rule.bands[${i}].award`} label={t("bandAwardOf", { n: i + 1 })} currency={currency} />
                  </td>
                  <td>
                    <RemoveButton label={t("removeBand", { n: i + 1 })} onClick={() => editRule((r) => void r.bands!.splice(i, 1))} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ErrorText path="rule.bands" />
          <div>
            <button
              type="button"
              className="secondary small-button"
              onClick={() =>
                editRule((r) => {
                  const last = r.bands![r.bands!.length - 1];
                  r.bands!.push({ from: (typeof last?.from === "number" ? last.from : 0) + 50, award: structuredClone(last?.award ?? r.award) });
                })
              }
            >
              + {t("addBand")}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

export function StreakForm({ rule, editRule, currency }: Props<StreakRule>) {
  const t = useTranslations("campaigns.rule");
  const tc = useTranslations("campaigns");
  const c = rule.condition;
  return (
    <div className="stack">
      <div className="form-row">
        <SelectField
          label={t("every")}
          path="rule.every"
          value={rule.every}
          onChange={(v) => editRule((r) => void (r.every = v as "day" | "week"))}
          options={(["day", "week"] as const).map((e) => ({ value: e, label: t(`everyOptions.${e}`) }))}
        />
        <NumberField label={t("count")} path="rule.count" value={rule.count} step={1} min={1} onChange={(v) => editRule((r) => void (r.count = v as number))} />
      </div>
      <fieldset className="field nested">
        <legend>{t("condition")}</legend>
        <div className="form-row">
          <FieldShell label={t("conditionKpi")} path="rule.condition.metric">
            {/* the rule's metric is the condition's: what a streak measures */}
            <KpiSelect
              value={c.metric}
              onChange={(metric) =>
                editRule((r) => {
                  r.condition.metric = metric;
                  r.metric = metric;
                })
              }
              path="rule.condition.metric"
              label={t("conditionKpi")}
            />
          </FieldShell>
          <FieldShell label={t("op")} path="rule.condition.op">
            <OpSelect value={c.op} onChange={(op) => editRule((r) => void (r.condition.op = op))} path="rule.condition.op" label={t("op")} />
          </FieldShell>
          <NumberField label={t("conditionValue")} path="rule.condition.value" value={c.value} onChange={(v) => editRule((r) => void (r.condition.value = v as number))} />
          <NumberField
            label={t("conditionMinSamples")}
            path="rule.condition.minSamples"
            value={c.minSamples}
            step={1}
            min={0}
            onChange={(v) =>
              editRule((r) => {
                if (v === null) delete r.condition.minSamples;
                else r.condition.minSamples = v;
              })
            }
          />
        </div>
        <ErrorText path="rule.metric" />
      </fieldset>
      <FieldShell label={t("awardPerStreak")} path="rule.award" group>
        <AwardEditor award={rule.award} onChange={(a) => editRule((r) => void (r.award = a))} path="rule.award" label={t("awardPerStreak")} currency={currency} />
      </FieldShell>
      <p className="muted small flush">{t("streakHelp", { count: rule.count ?? 0, every: tc(`every.${rule.every === "week" ? "week" : "day"}`) })}</p>
    </div>
  );
}
