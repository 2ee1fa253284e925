import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getOrganization } from "@/lib/server/get-organization";
import { listWebhookSources } from "@/lib/server/list-webhook-sources";
import { CopyButton } from "@/lib/ui/copy-button";
import { RemoveWebhookSecretButton, WebhookSecretForm } from "./data-source-forms";

const STEPS = ["step1", "step2", "step3", "step4"] as const;

/** The origin the admin reached this page at (behind a proxy: its forwarded host and scheme), for the URL to paste. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function DataSourcesPage() {
  const ctx = await requirePageCtx("org.admin");
  const [sources, org, locale, t] = await Promise.all([
    listWebhookSources(ctx, { baseUrl: await requestOrigin() }),
    getOrganization(ctx),
    getLocale(),
    getTranslations("dataSources"),
  ]);
  const when = (d: Date) => formatDateTime(d, locale, org.timezone);
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p>{t("subtitle")}</p>
          <p className="muted small">
            {t("docsHint")} <code>docs/webhooks.md</code>
          </p>
        </div>
      </div>
      {sources.map((s) => {
        const name = t(`sources.${s.source}`);
        return (
          <section key={s.source} className="card stack" data-testid={`data-source-${s.source}`}>
            <div className="spread">
              <h2 className="flush">{name}</h2>
              {s.configured ? <span className="badge ok">{t("configured")}</span> : <span className="badge">{t("notConfigured")}</span>}
            </div>
            <table>
              <tbody>
                <tr>
                  <th scope="row">{t("webhookUrl")}</th>
                  <td>
                    <div className="row">
                      <code className="wrap-anywhere" data-testid={`webhook-url-${s.source}`}>
                        {s.url}
                      </code>
                      <CopyButton text={s.url} className="secondary small-button" labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }} />
                    </div>
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("secretSetAt")}</th>
                  <td className="small">{s.secretCreatedAt ? when(s.secretCreatedAt) : <span className="muted">{t("noSecret")}</span>}</td>
                </tr>
                <tr>
                  <th scope="row">{t("lastReceived")}</th>
                  <td className="small">{s.lastReceivedAt ? when(s.lastReceivedAt) : <span className="muted">{t("never")}</span>}</td>
                </tr>
              </tbody>
            </table>
            <div>
              <h3>{t("setupTitle")}</h3>
              <ol className="small">
                {STEPS.map((step) => (
                  <li key={step}>{t(`steps.${s.source}.${step}`)}</li>
                ))}
              </ol>
              <details className="json">
                <summary>{t("template")}</summary>
                <pre>{s.template}</pre>
              </details>
            </div>
            <WebhookSecretForm source={s.source} sourceName={name} configured={s.configured} />
            {s.configured && <RemoveWebhookSecretButton source={s.source} sourceName={name} />}
          </section>
        );
      })}
    </div>
  );
}
