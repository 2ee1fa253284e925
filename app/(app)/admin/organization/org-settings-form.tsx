"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormAlert, SubmitButton, useValidationMessage } from "@/lib/ui/form";
import { valueOf, type FormResult } from "@/lib/ui/form-result";
import { updateOrganizationAction } from "./actions";

type Settings = { name: string; timezone: string; currency: string; locale: string; businessHours: { days: number[]; start: string; end: string }; payPeriod: string };
type Option<T> = { value: T; label: string };

export function OrgSettingsForm({
  org,
  timeZones,
  currencies,
  locales,
  weekdays,
}: {
  org: Settings;
  timeZones: string[];
  currencies: string[];
  locales: Option<string>[];
  weekdays: Option<number>[];
}) {
  const t = useTranslations("org");
  const tc = useTranslations("common");
  const translate = useValidationMessage();
  const [state, action] = useActionState<FormResult | null, FormData>(updateOrganizationAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const echoedDays = values?.days;
  const days = new Set(echoedDays === undefined ? org.businessHours.days.map(String) : Array.isArray(echoedDays) ? echoedDays : [echoedDays]);
  // A bad entry in the list is reported as businessHours.days[0]; show it with the group.
  const daysError =
    state && !state.ok ? Object.entries(state.fieldErrors).find(([path]) => path.startsWith("businessHours.days"))?.[1] : undefined;
  return (
    <form action={action} className="form" noValidate data-testid="org-settings-form">
      <FormAlert state={state} success={tc("saved")} />
      <Field label={t("name")} name="name" state={state}>
        <input type="text" name="name" required maxLength={120} defaultValue={valueOf(values, "name") ?? org.name} />
      </Field>
      <div className="form-row">
        <Field label={t("timezone")} name="timezone" state={state} hint={t("timezoneHint")}>
          <input type="text" name="timezone" list="tz-list" required autoComplete="off" spellCheck={false} defaultValue={valueOf(values, "timezone") ?? org.timezone} />
        </Field>
        <Field label={t("currency")} name="currency" state={state} hint={t("currencyHint")}>
          <input type="text" name="currency" list="currency-list" required autoComplete="off" spellCheck={false} maxLength={3} defaultValue={valueOf(values, "currency") ?? org.currency} />
        </Field>
      </div>
      <datalist id="tz-list">
        {timeZones.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <datalist id="currency-list">
        {currencies.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Field label={t("payPeriod")} name="payPeriod" state={state} hint={t("payPeriodHint")}>
        <select name="payPeriod" key={valueOf(values, "payPeriod") ?? org.payPeriod} defaultValue={valueOf(values, "payPeriod") ?? org.payPeriod}>
          {(["week", "month", "quarter"] as const).map((p) => (
            <option key={p} value={p}>
              {t(`payPeriods.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("locale")} name="locale" state={state} hint={t("localeHint")}>
        <select name="locale" key={valueOf(values, "locale") ?? org.locale} defaultValue={valueOf(values, "locale") ?? org.locale}>
          {locales.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="field" data-invalid={daysError ? "true" : undefined}>
        <legend>{t("businessHours")}</legend>
        <p className="muted small flush">{t("businessHoursHint")}</p>
        <div className="checks" role="group" aria-label={t("days")}>
          {weekdays.map((d) => (
            <label key={d.value}>
              <input type="checkbox" name="days" value={d.value} defaultChecked={days.has(String(d.value))} />
              {d.label}
            </label>
          ))}
        </div>
        {daysError && (
          <span className="field-error" role="alert" data-field="businessHours.days">
            {translate(daysError)}
          </span>
        )}
        <div className="form-row">
          <Field label={t("start")} name="businessHours.start" state={state}>
            <input type="time" name="start" required defaultValue={valueOf(values, "start") ?? org.businessHours.start} />
          </Field>
          <Field label={t("end")} name="businessHours.end" state={state}>
            <input type="time" name="end" required defaultValue={valueOf(values, "end") ?? org.businessHours.end} />
          </Field>
        </div>
      </fieldset>
      <div>
        <SubmitButton pendingLabel={tc("saving")}>{tc("save")}</SubmitButton>
      </div>
    </form>
  );
}
