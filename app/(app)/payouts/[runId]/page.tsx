import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { NotFoundError } from "@/lib/errors";
import { getOrganization } from "@/lib/server/get-organization";
import { getPayoutRun } from "@/lib/server/get-payout-run";
import { PageHead } from "@/lib/ui/page-head";
import { formatRange, RUN_STATE_TONE, totalRows } from "@/lib/ui/payout-format";
import { payoutDeps } from "@/lib/ui/payout-deps";
import { LineWhy } from "@/lib/ui/payout-line-why";
import { lineView } from "@/lib/ui/payout-view";
import { ApproveAllButton, DecideButtons } from "../decide-buttons";
import { DisputesTable } from "../disputes-table";
import { AgentCell, AmountCell, StatusBadge } from "../line-cells";
import styles from "../payouts.module.css";
import { RunActions } from "../run-actions";
import { AWARD_TYPES, LINE_TYPES, linesHref, PAGE_SIZE, readLinesQuery, STATUSES } from "./filters";

export const metadata: Metadata = { title: "Payout run" };

type Props = { params: Promise<{ runId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(...args: Parameters<typeof getPayoutRun>) {
  try {
    return await getPayoutRun(...args);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

/** One payout run (SPEC §6): state and its moves, what blocks approval, totals, the lines with their why, disputes. */
export default async function PayoutRunPage({ params, searchParams }: Props) {
  const ctx = await requirePageCtx("payouts.read");
  const { runId } = await params;
  const query = readLinesQuery(await searchParams);
  const { status, lineType, awardType, q } = query;
  const filter = { ...(status ? { status } : {}), ...(lineType ? { lineType } : {}), ...(awardType ? { awardType } : {}), ...(q ? { q } : {}) };
  const [run, org, { deps, t, whyLabels, locale }, tc] = await Promise.all([
    load(ctx, runId, { filter, limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE, pendingIds: true }),
    getOrganization(ctx),
    payoutDeps("payouts"),
    getTranslations("common"),
  ]);
  const editable = run.state === "draft" || run.state === "in_review";
  const pendingIds = editable ? (run.pendingIds ?? []) : [];
  const lines = run.lines.map((l) => lineView(l, t, deps));
  const disputed = new Set(run.disputes.filter((d) => d.state === "open").map((d) => d.lineId));
  const totals = totalRows(run.totals, deps.t, locale);
  const pages = Math.max(1, Math.ceil(run.lineCount / PAGE_SIZE));
  const filtered = Object.keys(filter).length > 0;
  const range = formatRange(run.period.from, run.period.to, locale);
  return (
    <div className="stack" data-testid="payout-run">
      <PageHead title={t("run.title", { range })} titleTestId="run-title" back={{ href: "/payouts", label: t("back") }} />

      <section className="card stack">
        <div className={styles.runHead}>
          <div className={styles.runFacts}>
            <span className={`badge ${RUN_STATE_TONE[run.state]} ${styles.stateBadge}`} data-testid="run-state" data-state={run.state}>
              {t(`states.${run.state}`)}
            </span>
            <span>
              {t("run.closedBy")} <strong>{run.period.closedBy}</strong>
              {run.period.closedAt && ` · ${formatDateTime(run.period.closedAt, locale, org.timezone)}`}
            </span>
            <span>
              {t("run.lines")} <strong>{totals.reduce((n, r) => n + r.lines, 0)}</strong>
            </span>
          </div>
          <RunActions runId={run.id} state={run.state} blocked={run.pending > 0 || run.openDisputes > 0} />
        </div>
        {(run.pending > 0 || run.openDisputes > 0) && (
          <ul className={styles.blockers} data-testid="run-blockers">
            {run.pending > 0 && (
              <li>
                <Link href={linesHref(run.id, { status: "pending", page: 1 }, 1)} className="badge warn" data-testid="blocker-pending">
                  {t("run.pending", { count: run.pending })}
                </Link>
              </li>
            )}
            {run.openDisputes > 0 && (
              <li>
                <a href="#disputes" className="badge warn" data-testid="blocker-disputes">
                  {t("run.openDisputes", { count: run.openDisputes })}
                </a>
              </li>
            )}
          </ul>
        )}
        <p className="muted small flush">{t(`run.help.${run.state}`)}</p>
      </section>

      <section className="card">
        <h2>{t("totals.title")}</h2>
        {totals.length === 0 ? (
          <p className="empty">{t("totals.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="run-totals">
              <thead>
                <tr>
                  <th>{t("totals.lineType")}</th>
                  <th>{t("totals.awardType")}</th>
                  <th className="num">{t("totals.amount")}</th>
                  <th className="num">{t("totals.lines")}</th>
                  <th className="num">{t("totals.pending")}</th>
                  <th className="num">{t("totals.rejected")}</th>
                </tr>
              </thead>
              <tbody>
                {totals.map((row) => (
                  <tr key={row.key}>
                    <td>{t(`lineTypes.${row.lineType}`)}</td>
                    <td>{t(`awardTypes.${row.awardType}`)}</td>
                    <td className="num">
                      <strong>{row.amount}</strong>
                    </td>
                    <td className="num">{row.lines}</td>
                    <td className="num">{row.pending || "—"}</td>
                    <td className="num">{row.rejected || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">{t("totals.note")}</p>
          </div>
        )}
      </section>

      <section className="card stack" id="lines">
        <div className="spread wrap">
          <h2 className="flush">{t("lines.title")}</h2>
          <ApproveAllButton lineIds={pendingIds} />
        </div>
        <form method="get" action={`/payouts/${run.id}`} className={styles.filters} data-testid="line-filters">
          <label className="field">
            <span>{t("lines.status")}</span>
            <select name="status" defaultValue={status ?? ""}>
              <option value="">{t("lines.any")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("lines.lineType")}</span>
            <select name="lineType" defaultValue={lineType ?? ""}>
              <option value="">{t("lines.any")}</option>
              {LINE_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`lineTypes.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("lines.awardType")}</span>
            <select name="awardType" defaultValue={awardType ?? ""}>
              <option value="">{t("lines.any")}</option>
              {AWARD_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`awardTypes.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className={`field ${styles.grow}`}>
            <span>{t("lines.search")}</span>
            <input type="search" name="q" defaultValue={q ?? ""} placeholder={t("lines.searchPlaceholder")} />
          </label>
          <div className="row">
            <button type="submit">{t("lines.apply")}</button>
            {filtered && (
              <Link href={`/payouts/${run.id}`} className="button secondary">
                {t("lines.clear")}
              </Link>
            )}
          </div>
        </form>
        {lines.length === 0 ? (
          <p className="empty">{filtered ? t("lines.noMatch") : t("lines.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="run-lines">
              <thead>
                <tr>
                  <th>{t("lines.agent")}</th>
                  <th>{t("lines.campaign")}</th>
                  <th>{t("lines.type")}</th>
                  <th className="num">{t("lines.amount")}</th>
                  <th>{t("lines.status")}</th>
                  {editable && <th />}
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.id} data-testid="run-line" data-line={line.id} data-line-type={line.lineType} data-agent={line.agentEmail}>
                    <td>
                      <AgentCell line={line} />
                    </td>
                    <td>
                      {line.campaign}
                      <LineWhy line={line} labels={whyLabels} classes={{ root: styles.why, ok: styles.ok, bad: styles.bad }} />
                    </td>
                    <td>
                      <div className="badges">
                        <span className={`badge ${line.lineType === "adjustment" ? "brand" : ""}`}>{t(`lineTypes.${line.lineType}`)}</span>
                        <span className="badge">{t(`awardTypes.${line.awardType}`)}</span>
                      </div>
                    </td>
                    <td className="num">
                      <AmountCell line={line} />
                    </td>
                    <td>
                      <div className="stack-tight">
                        <StatusBadge status={line.status} label={t(`statuses.${line.status}`)} />
                        {line.status === "pending" && <span className="muted small">{t(`approvals.${line.approval}`)}</span>}
                        {disputed.has(line.id) && <span className="badge bad">{t("lines.disputed")}</span>}
                      </div>
                    </td>
                    {editable && <td>{line.status === "pending" && <DecideButtons lineId={line.id} />}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav className="pager" aria-label={t("lines.pages")}>
            <span className="muted small">{t("lines.pageOf", { page: query.page, pages, count: run.lineCount })}</span>
            {query.page > 1 && (
              <Link className="button secondary" href={linesHref(run.id, query, query.page - 1)}>
                {tc("previous")}
              </Link>
            )}
            {query.page < pages && (
              <Link className="button secondary" href={linesHref(run.id, query, query.page + 1)}>
                {tc("next")}
              </Link>
            )}
          </nav>
        )}
      </section>

      <section className="card" id="disputes">
        <h2>{t("disputes.runTitle")}</h2>
        {run.disputes.length === 0 ? <p className="empty">{t("disputes.noneOnRun")}</p> : <DisputesTable disputes={run.disputes} timezone={org.timezone} />}
      </section>
    </div>
  );
}
