import { getLocale, getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime, formatMoney } from "@/lib/i18n/format";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { getOrganization } from "@/lib/server/get-organization";
import { OrgSettingsForm } from "./org-settings-form";

/** ISO weekdays 1 (Monday) … 7 (Sunday), named in the reader's language. 1 January 2024 was a Monday. */
function weekdayNames(locale: string, weekday: "long" | "short" = "long"): { value: number; label: string }[] {
  const format = new Intl.DateTimeFormat(locale, { weekday, timeZone: "UTC" });
  return [1, 2, 3, 4, 5, 6, 7].map((value) => ({ value, label: format.format(new Date(Date.UTC(2024, 0, value))) }));
}

export default async function OrganizationPage() {
  const ctx = await requirePageCtx("org.admin");
  const [org, locale, t] = await Promise.all([getOrganization(ctx), getLocale(), getTranslations("org")]);
  return (
    <div className="grid grid-2 admin-split">
      <section className="card">
        <h1>{t("title")}</h1>
        <p className="muted">{t("subtitle")}</p>
        <OrgSettingsForm
          org={{ name: org.name, timezone: org.timezone, currency: org.currency, locale: org.locale, businessHours: org.businessHours, payPeriod: org.payPeriod }}
          timeZones={[...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])]}
          currencies={Intl.supportedValuesOf("currency")}
          locales={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          weekdays={weekdayNames(locale)}
        />
      </section>
      <section className="card">
        <h2>{t("preview")}</h2>
        <p className="muted small">{t("previewHint")}</p>
        <table>
          <tbody>
            <tr>
              <th scope="row">{t("localTime")}</th>
              <td>{formatDateTime(new Date(), locale, org.timezone)}</td>
            </tr>
            <tr>
              <th scope="row">{t("sampleAmount")}</th>
              <td>{formatMoney(123456, org.currency, locale)}</td>
            </tr>
            <tr>
              <th scope="row">{t("hours")}</th>
              <td>
                {weekdayNames(locale, "short")
                  .filter((d) => org.businessHours.days.includes(d.value))
                  .map((d) => d.label)
                  .join(", ")}
                <div>
                  {org.businessHours.start}–{org.businessHours.end}
                </div>
              </td>
            </tr>
          </tbody>
        </table>
      </section>
    </div>
  );
}
