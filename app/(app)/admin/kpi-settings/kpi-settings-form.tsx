"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FairnessMethod } from "@/lib/domain/fairness";
import { messageKey, SubmitButton, useValidationMessage } from "@/lib/ui/form";
import { valueOf, type FormResult } from "@/lib/ui/form-result";
import type { KpiUnit } from "@/lib/ui/kpi-format";
import { updateKpiSettingsAction } from "./actions";

export type SettingRowView = {
  kpi: string;
  kind: "rate" | "mean" | "count" | "score";
  direction: "higher" | "lower" | null;
  unit: KpiUnit;
  methods: FairnessMethod[];
  target: number | null;
  minSamples: number;
  method: FairnessMethod;
  bayesWeight: number;
};

type Saved = { changed: string[]; rebuilt: { events: number } | null };

/** This page's own messages first (targets, T), then the shared validation catalog. */
function useMessage() {
  const t = useTranslations("kpis.validation");
  const shared = useValidationMessage();
  return (message: string) => (t.has(messageKey(message)) ? t(messageKey(message)) : shared(message));
}

function ErrorText({ state, name }: { state: FormResult | null; name: string }) {
  const translate = useMessage();
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  if (!error) return null;
  return (
    <span className="field-error" role="alert" data-field={name}>
      {translate(error)}
    </span>
  );
}

function Status({ state }: { state: FormResult<Saved> | null }) {
  const t = useTranslations("kpis.settings");
  const tc = useTranslations("common");
  const translate = useMessage();
  if (!state) return null;
  if (state.ok) {
    const { changed, rebuilt } = state.data;
    const text = rebuilt ? t("savedRebuilt", { events: rebuilt.events }) : changed.length ? t("saved") : t("nothingChanged");
    return (
      <div className="alert success" role="status" data-testid="kpi-settings-saved">
        {text}
      </div>
    );
  }
  return (
    <div className="alert error" role="alert">
      {state.status === 403 ? tc("forbidden") : state.status === 401 ? tc("signedOut") : translate(state.message)}
    </div>
  );
}

export function KpiSettingsForm({ rows, serviceLevelSeconds }: { rows: SettingRowView[]; serviceLevelSeconds: number }) {
  const t = useTranslations("kpis");
  const tc = useTranslations("common");
  const [state, action] = useActionState<FormResult<Saved> | null, FormData>(
    updateKpiSettingsAction as (prev: FormResult<Saved> | null, formData: FormData) => Promise<FormResult<Saved>>,
    null,
  );
  const values = state && !state.ok ? state.values : undefined;
  const invalid = (name: string) => (state && !state.ok && state.fieldErrors[name] ? "true" : undefined);
  const shown = (name: string, stored: string) => valueOf(values, name) ?? stored;
  return (
    <form action={action} className="form kpi-form" noValidate data-testid="kpi-settings-form">
      <fieldset className="field" data-invalid={invalid("serviceLevelSeconds")}>
        <legend>
          {t("settings.serviceLevel")} <span className="hint">{t("settings.serviceLevelHint")}</span>
        </legend>
        <label className="inline-field">
          <input
            type="number"
            name="serviceLevelSeconds"
            min={1}
            max={3600}
            step={1}
            required
            aria-label={t("settings.serviceLevel")}
            defaultValue={shown("serviceLevelSeconds", String(serviceLevelSeconds))}
          />
          <span className="muted">{t("settings.unitSeconds")}</span>
        </label>
        <ErrorText state={state} name="serviceLevelSeconds" />
        <p className="muted small flush">{t("settings.serviceLevelHelp")}</p>
      </fieldset>

      <div className="table-wrap">
        <table className="kpi-settings-table" data-testid="kpi-settings-table">
          <thead>
            <tr>
              <th scope="col">{t("settings.kpi")}</th>
              <th scope="col">{t("settings.target")}</th>
              <th scope="col">{t("settings.minSamples")}</th>
              <th scope="col">{t("settings.method")}</th>
              <th scope="col">{t("settings.bayesWeight")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const name = t(`names.${row.kpi}`);
              const field = (f: string) => `kpis.${row.kpi}.${f}`;
              const method = shown(field("method"), row.method);
              return (
                <tr key={row.kpi} data-kpi={row.kpi}>
                  <th scope="row">
                    <span className="kpi-setting-name">{name}</span>
                    <span className="muted small">
                      <code>{row.kpi}</code> · {t(`kinds.${row.kind}`)}
                      {row.direction && ` · ${t(`settings.${row.direction}`)}`}
                    </span>
                  </th>
                  <td data-invalid={invalid(field("target"))}>
                    <span className="inline-field">
                      <input
                        type="number"
                        step="any"
                        name={field("target")}
                        aria-label={t("settings.targetOf", { kpi: name })}
                        defaultValue={shown(field("target"), row.target === null ? "" : String(row.target))}
                      />
                      <span className="muted small unit">{row.unit === "percent" ? "%" : row.unit === "duration" ? "s" : ""}</span>
                    </span>
                    <ErrorText state={state} name={field("target")} />
                  </td>
                  <td data-invalid={invalid(field("minSamples"))}>
                    <input
                      type="number"
                      min={0}
                      step={1}
                      name={field("minSamples")}
                      aria-label={t("settings.minSamplesOf", { kpi: name })}
                      defaultValue={shown(field("minSamples"), String(row.minSamples))}
                    />
                    <ErrorText state={state} name={field("minSamples")} />
                  </td>
                  <td data-invalid={invalid(field("method"))}>
                    {row.methods.length > 1 ? (
                      <select name={field("method")} aria-label={t("settings.methodOf", { kpi: name })} defaultValue={method} key={method}>
                        {row.methods.map((m) => (
                          <option key={m} value={m}>
                            {t(`settings.methods.${m}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className="muted small">{t("settings.methods.raw")}</span>
                    )}
                    <ErrorText state={state} name={field("method")} />
                  </td>
                  <td data-invalid={invalid(field("bayesWeight"))}>
                    {row.methods.includes("bayes") ? (
                      <input
                        type="number"
                        min={0}
                        step="any"
                        name={field("bayesWeight")}
                        aria-label={t("settings.bayesWeightOf", { kpi: name })}
                        defaultValue={shown(field("bayesWeight"), String(row.bayesWeight))}
                      />
                    ) : (
                      <span className="muted small">—</span>
                    )}
                    <ErrorText state={state} name={field("bayesWeight")} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small flush">{t("settings.methodsHelp")}</p>
      {/* next to the button, where the reader is after a long table */}
      <Status state={state} />
      <div>
        <SubmitButton pendingLabel={tc("saving")}>{t("settings.save")}</SubmitButton>
      </div>
    </form>
  );
}
