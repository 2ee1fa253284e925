import { getLocale, getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { scopeSchema } from "@/lib/schemas/api-keys";
import { getOrganization } from "@/lib/server/get-organization";
import { listApiKeys } from "@/lib/server/list-api-keys";
import { CreateApiKeyForm, RevokeApiKeyButton } from "./api-key-forms";
import { PageHead } from "@/lib/ui/page-head";

export default async function ApiKeysPage() {
  const ctx = await requirePageCtx("org.admin");
  const [keys, org, locale, t] = await Promise.all([listApiKeys(ctx), getOrganization(ctx), getLocale(), getTranslations("apiKeys")]);
  const when = (d: Date) => formatDateTime(d, locale, org.timezone);
  return (
    <div className="stack">
      <PageHead title={t("title")} subtitle={t("subtitle")} />
      <section className="card">
        <h2>{t("createTitle")}</h2>
        <CreateApiKeyForm scopes={scopeSchema.options} />
      </section>
      <section className="card">
        {keys.length === 0 ? (
          <p className="empty">{t("empty")}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="api-keys-table">
              <thead>
                <tr>
                  <th>{t("name")}</th>
                  <th>{t("scopes")}</th>
                  <th>{t("created")}</th>
                  <th>{t("lastUsed")}</th>
                  <th>{t("status")}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id}>
                    <td>
                      <strong>{key.name}</strong>
                      <div className="mono small muted">{key.prefix}…</div>
                    </td>
                    <td>
                      <div className="badges">
                        {key.scopes.map((s) => (
                          <span key={s} className="badge mono">
                            {s}
                          </span>
                        ))}
                      </div>
                    </td>
                    <td className="small">{when(key.createdAt)}</td>
                    <td className="small">{key.lastUsedAt ? when(key.lastUsedAt) : <span className="muted">{t("never")}</span>}</td>
                    <td>
                      <div className="stack-tight">
                        {key.revokedAt ? (
                          <span className="badge bad" title={when(key.revokedAt)}>
                            {t("revoked")}
                          </span>
                        ) : (
                          <span className="badge ok">{t("active")}</span>
                        )}
                        {!key.revokedAt && <RevokeApiKeyButton keyId={key.id} name={key.name} />}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
