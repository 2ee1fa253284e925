import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { ValidationError, type Issue } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { getOrganization } from "@/lib/server/get-organization";
import { listAudit } from "@/lib/server/list-audit";
import { FilterErrors } from "./filter-errors";
import { PageHead } from "@/lib/ui/page-head";

/** The filters this page understands, as query parameters (kept in the pager links). */
const FILTERS = ["action", "actor", "actorType", "targetType", "from", "to"] as const;
type Filters = Partial<Record<(typeof FILTERS)[number] | "page", string>>;
const ACTOR_TYPES = ["user", "api_key", "cli", "system"] as const;

function readFilters(params: Record<string, string | string[] | undefined>): Filters {
  const out: Filters = {};
  for (const key of [...FILTERS, "page"] as const) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** The CSV of every entry matching the filters (all pages). */
function exportHrefFor(filters: Filters): string {
  const q = new URLSearchParams();
  for (const key of FILTERS) if (filters[key]) q.set(key, filters[key]);
  const s = q.toString();
  return s ? `/api/audit/export.csv?${s}` : "/api/audit/export.csv";
}

function hrefFor(filters: Filters, page: number): string {
  const q = new URLSearchParams();
  for (const key of FILTERS) if (filters[key]) q.set(key, filters[key]);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/admin/audit?${s}` : "/admin/audit";
}

/** Links to the changed thing, where the viewer can open it (HR reads the log but not the admin pages). */
function targetHref(type: string | null, id: string | null, isAdmin: boolean): string | null {
  if (!isAdmin || !id) return null;
  if (type === "user") return `/admin/users/${id}`;
  if (type === "team") return `/admin/teams/${id}`;
  if (type === "organization") return "/admin/organization";
  if (type === "api_key") return "/admin/api-keys";
  return null;
}

/**
 * listAudit checks the YYYY-MM-DD shape only, so "2024-13-45" reaches the query as an invalid Date and fails there.
 * Until the operation rejects impossible dates itself, they are reported here with the same message.
 */
function impossibleDates(filters: Filters): Issue[] {
  const issues: Issue[] = [];
  for (const key of ["from", "to"] as const) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(filters[key] ?? "");
    if (!match) continue;
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      issues.push({ path: key, message: "must be a date as YYYY-MM-DD" });
    }
  }
  return issues;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageCtx("audit.read");
  const filters = readFilters(await searchParams);
  const [org, locale, t, tc] = await Promise.all([getOrganization(ctx), getLocale(), getTranslations("audit"), getTranslations("common")]);
  let result: Awaited<ReturnType<typeof listAudit>> | null = null;
  const dateIssues = impossibleDates(filters);
  let issues: Issue[] = [];
  try {
    // Impossible dates are left out of this call so the remaining filters are still checked and reported together.
    const bad = new Set(dateIssues.map((i) => i.path));
    result = await listAudit(ctx, { ...filters, from: bad.has("from") ? undefined : filters.from, to: bad.has("to") ? undefined : filters.to });
  } catch (err) {
    // A hand-edited URL (bad date, page 0) is the reader's mistake: say what is wrong instead of failing the page.
    if (!(err instanceof ValidationError)) throw err;
    issues = err.issues.length ? err.issues : [{ path: "", message: err.message }];
  }
  issues = [...dateIssues, ...issues];
  if (issues.length > 0) result = null;
  const isAdmin = can(ctx.actor, "org.admin");
  const actorTypeLabel = (type: string) => (t.has(`actorTypes.${type}`) ? t(`actorTypes.${type}`) : type);
  const labels: Record<string, string> = {
    action: t("action"),
    actor: t("actor"),
    actorType: t("actorType"),
    targetType: t("targetType"),
    from: t("from"),
    to: t("to"),
    page: t("page"),
    pageSize: t("page"),
  };
  return (
    <div className="stack">
      <PageHead title={t("title")} subtitle={t("subtitle", { timezone: org.timezone })}>
        {result && (
          <a className="button secondary" href={exportHrefFor(filters)} download data-testid="audit-export">
            {t("export")}
          </a>
        )}
      </PageHead>

      <form method="get" action="/admin/audit" className="card audit-filters" data-testid="audit-filters">
        <label className="field">
          <span>
            {t("action")} <span className="hint">{t("actionHint")}</span>
          </span>
          <input type="text" name="action" defaultValue={filters.action} placeholder={t("actionPlaceholder")} />
        </label>
        <label className="field">
          <span>{t("actor")}</span>
          <input type="text" name="actor" defaultValue={filters.actor} placeholder={t("actorPlaceholder")} />
        </label>
        <label className="field">
          <span>{t("actorType")}</span>
          <select name="actorType" defaultValue={filters.actorType ?? ""}>
            <option value="">{t("any")}</option>
            {ACTOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {actorTypeLabel(type)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("targetType")}</span>
          <input type="text" name="targetType" defaultValue={filters.targetType} placeholder={t("targetTypePlaceholder")} list="audit-target-types" />
        </label>
        <datalist id="audit-target-types">
          {["user", "team", "organization", "api_key", "campaign", "leaderboard", "period", "payout_run", "payout_line", "dispute", "reward_item", "redemption"].map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <label className="field">
          <span>{t("from")}</span>
          <input type="date" name="from" defaultValue={filters.from} />
        </label>
        <label className="field">
          <span>{t("to")}</span>
          <input type="date" name="to" defaultValue={filters.to} />
        </label>
        <div className="row audit-filter-buttons">
          <button type="submit">{t("apply")}</button>
          <Link href="/admin/audit" className="button secondary">
            {t("clear")}
          </Link>
        </div>
      </form>

      {issues.length > 0 && <FilterErrors issues={issues} labels={labels} values={filters} title={t("invalidFilters")} />}

      {result && (
        <section className="card">
          {result.entries.length === 0 ? (
            <p className="empty" data-testid="audit-empty">
              {Object.keys(filters).length ? t("noMatch") : t("empty")}
            </p>
          ) : (
            <div className="table-wrap">
              <table data-testid="audit-table">
                <thead>
                  <tr>
                    <th>{t("time")}</th>
                    <th>{t("actor")}</th>
                    <th>{t("action")}</th>
                    <th>{t("target")}</th>
                    <th>{t("changes")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.entries.map((e) => {
                    const href = targetHref(e.targetType, e.targetId, isAdmin);
                    const hasDetails = e.before !== null || e.after !== null || e.meta !== null;
                    return (
                      <tr key={e.id}>
                        <td className="small nowrap">{formatDateTime(e.createdAt, locale, org.timezone)}</td>
                        <td>
                          <Link href={hrefFor({ actor: e.actorLabel }, 1)} title={t("filterBy")}>
                            {e.actorLabel}
                          </Link>
                          <div>
                            <span className="badge">{actorTypeLabel(e.actorType)}</span>
                          </div>
                        </td>
                        <td>
                          <Link href={hrefFor({ action: e.action }, 1)} title={t("filterBy")}>
                            <code>{e.action}</code>
                          </Link>
                        </td>
                        <td className="small">
                          {e.targetType ? (
                            <>
                              <span className="badge">{e.targetType}</span>
                              {e.targetId && (
                                <div className="mono muted break">{href ? <Link href={href}>{e.targetId}</Link> : e.targetId}</div>
                              )}
                            </>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                        <td>
                          {hasDetails ? (
                            <details className="json">
                              <summary>{t("showChanges")}</summary>
                              {e.before !== null && (
                                <>
                                  <div className="small muted">{t("before")}</div>
                                  <pre>{json(e.before)}</pre>
                                </>
                              )}
                              {e.after !== null && (
                                <>
                                  <div className="small muted">{t("after")}</div>
                                  <pre>{json(e.after)}</pre>
                                </>
                              )}
                              {e.meta !== null && (
                                <>
                                  <div className="small muted">{t("meta")}</div>
                                  <pre>{json(e.meta)}</pre>
                                </>
                              )}
                            </details>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {(result.page > 1 || result.hasMore) && (
            <nav className="pager" aria-label={t("pages")}>
              <span className="muted small">{t("pageOf", { page: result.page })}</span>
              {result.page > 1 && (
                <Link className="button secondary" href={hrefFor(filters, result.page - 1)} rel="prev">
                  ← {tc("previous")}
                </Link>
              )}
              {result.hasMore && (
                <Link className="button secondary" href={hrefFor(filters, result.page + 1)} rel="next">
                  {tc("next")} →
                </Link>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
