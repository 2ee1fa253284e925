import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { getOrganization } from "@/lib/server/get-organization";
import { getStatement } from "@/lib/server/get-statement";
import { PageHead } from "@/lib/ui/page-head";
import { formatAssetDelta, formatBalance, formatLeaveHours, formatRange, DISPUTE_STATE_TONE, LINE_STATUS_TONE } from "@/lib/ui/payout-format";
import { payoutDeps } from "@/lib/ui/payout-deps";
import { LineWhy } from "@/lib/ui/payout-line-why";
import { lineView } from "@/lib/ui/payout-view";
import { AmountCell } from "../payouts/line-cells";
import styles from "../payouts/payouts.module.css";
import { DisputeLineForm } from "./dispute-form";

export const metadata: Metadata = { title: "Statements" };

async function load(...args: Parameters<typeof getStatement>) {
  try {
    return await getStatement(...args);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    if (err instanceof ForbiddenError) redirect("/forbidden");
    throw err;
  }
}

/**
 * My statements (SPEC §6, §9): balances, every line by period with its why, disputes and their resolution, and the
 * ledger. HR, admins and managers of the agent's teams may open another agent's with ?agent=<userId>. On a phone each
 * table row becomes a small card (rows-narrow in globals.css): amount and status stay on screen, top right.
 */
export default async function StatementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageCtx("self.view");
  const asked = (await searchParams).agent;
  const agentUserId = Array.isArray(asked) ? asked[0] : asked;
  const [statement, org, { deps, t, tp, whyLabels, locale }] = await Promise.all([
    load(ctx, agentUserId ? { agentUserId } : {}),
    getOrganization(ctx),
    payoutDeps("statements"),
  ]);
  const own = statement.agent.userId === ctx.actor.userId;
  const openDispute = new Set(statement.disputes.filter((d) => d.state === "open").map((d) => d.lineId));
  // points and leave always show (0 until earned); cash per currency once there is any
  const balances = [
    { asset: "points", amount: statement.balances.find((b) => b.asset === "points")?.amount ?? 0 },
    { asset: "leave_minutes", amount: statement.balances.find((b) => b.asset === "leave_minutes")?.amount ?? 0 },
    ...statement.balances.filter((b) => b.asset.startsWith("cash:")),
  ];
  // ledger entries name the payout line they come from (`payout_line:<id>`): shown as its campaign and period
  const lineOf = new Map<string, string>(statement.periods.flatMap((p) => p.lines.map((l) => [`payout_line:${l.id}`, `${l.campaignName} · ${formatRange(l.periodFrom, l.periodTo, locale)}`] as const)));
  const when = (d: Date) => formatDateTime(d, locale, org.timezone);
  const assetName = (asset: string) => (asset === "points" ? t("assets.points") : asset === "leave_minutes" ? t("assets.leave") : t("assets.cash", { currency: asset.slice(5) }));
  return (
    <div className="stack" data-testid="statements">
      <PageHead title={own ? t("title") : t("titleOf", { name: statement.agent.name })} subtitle={t("subtitle")} back={own ? undefined : { href: "/statements", label: t("backToMine") }}>
        {own && can(ctx.actor, "awards.approve") && (
          <Link href="/payouts/approvals" className="button secondary">
            {t("approvals")}
          </Link>
        )}
      </PageHead>

      <section className="card" aria-labelledby="balances-title">
        <h2 id="balances-title">{t("balances")}</h2>
        <div className={styles.balances} data-testid="balances">
          {balances.map((b) => (
            <div key={b.asset} className={styles.balance} data-asset={b.asset}>
              <span className={styles.balanceLabel}>{assetName(b.asset)}</span>
              <span className={styles.balanceValue}>{formatBalance(b.asset, b.amount, deps.t, locale)}</span>
              {b.asset === "leave_minutes" && b.amount !== 0 && <span className="muted small">{t("leaveHours", { hours: formatLeaveHours(b.amount, deps.t, locale) })}</span>}
            </div>
          ))}
        </div>
      </section>

      <section className="stack" aria-labelledby="periods-title">
        <h2 id="periods-title" className="flush">
          {t("periods")}
        </h2>
        {statement.periods.length === 0 && <p className="card empty">{t("noLines")}</p>}
        {statement.periods.map((p) => (
          <section key={p.periodId} className="card" data-testid="statement-period">
            <div className={styles.periodHead}>
              <h3>{formatRange(p.from, p.to, locale)}</h3>
              <span className="muted small">{t("lineCount", { count: p.lines.length })}</span>
            </div>
            <div className="table-wrap">
              <table className={`${styles.statementTable} rows-narrow`}>
                <thead>
                  <tr>
                    <th>{t("campaign")}</th>
                    <th>{t("type")}</th>
                    <th className="num">{t("amount")}</th>
                    <th>{t("status")}</th>
                    {own && <th />}
                  </tr>
                </thead>
                <tbody>
                  {p.lines.map((row) => {
                    const line = lineView(row, tp, deps);
                    return (
                      <tr key={line.id} data-testid="statement-line" data-line={line.id} data-line-type={line.lineType}>
                        <td>
                          {line.campaign}
                          <LineWhy line={line} labels={whyLabels} classes={{ root: styles.why, ok: styles.ok, bad: styles.bad }} correctsPeriod={false} />
                        </td>
                        <td>
                          <div className="badges">
                            {line.lineType === "adjustment" && <span className="badge brand">{tp("lineTypes.adjustment")}</span>}
                            <span className="badge">{tp(`awardTypes.${line.awardType}`)}</span>
                          </div>
                        </td>
                        <td className="num r-top-end">
                          <AmountCell line={line} />
                        </td>
                        <td className="r-end">
                          <span className={`badge ${LINE_STATUS_TONE[line.status] ?? ""}`}>{tp(`statuses.${line.status}`)}</span>
                        </td>
                        {own && (
                          <td className="r-full">
                            {openDispute.has(line.id) ? <span className="badge warn">{t("disputeOpen")}</span> : <DisputeLineForm lineId={line.id} />}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </section>

      <section className="card" aria-labelledby="disputes-title">
        <h2 id="disputes-title">{own ? t("myDisputes") : t("disputes")}</h2>
        {statement.disputes.length === 0 ? (
          <p className="empty">{t("noDisputes")}</p>
        ) : (
          <div className="table-wrap">
            <table className="rows-narrow" data-testid="my-disputes">
              <thead>
                <tr>
                  <th>{t("line")}</th>
                  <th>{t("comment")}</th>
                  <th>{t("state")}</th>
                  <th>{t("resolution")}</th>
                </tr>
              </thead>
              <tbody>
                {statement.disputes.map((d) => {
                  const line = lineView(d.line, tp, deps);
                  return (
                    <tr key={d.id} data-testid="my-dispute" data-state={d.state}>
                      <td>
                        {line.campaign} · <AmountCell line={line} />
                        <div className="muted small">{line.period}</div>
                      </td>
                      <td className="r-full" data-label={t("comment")}>
                        <p className="flush wrap-anywhere">{d.comment}</p>
                        <span className="muted small">{when(d.createdAt)}</span>
                      </td>
                      <td className="r-top-end">
                        <span className={`badge ${DISPUTE_STATE_TONE[d.state] ?? ""}`}>{tp(`disputeStates.${d.state}`)}</span>
                      </td>
                      <td className="r-full" data-label={t("resolution")}>
                        {d.resolution ? <p className="flush wrap-anywhere">{d.resolution}</p> : <span className="muted">{t("waiting")}</span>}
                        {d.resolvedAt && <span className="muted small">{when(d.resolvedAt)}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t("history")}</h2>
        {statement.history.length === 0 ? (
          <p className="empty">{t("noHistory")}</p>
        ) : (
          <div className="table-wrap">
            <table className="rows-narrow" data-testid="ledger-history">
              <thead>
                <tr>
                  <th>{t("when")}</th>
                  <th>{t("kind")}</th>
                  <th>{t("asset")}</th>
                  <th className="num">{t("amount")}</th>
                  <th>{t("memo")}</th>
                </tr>
              </thead>
              <tbody>
                {statement.history.map((e) => (
                  <tr key={e.id}>
                    <td className="small nowrap">{when(e.createdAt)}</td>
                    <td>
                      <span className="badge">{t(`kinds.${e.kind}`)}</span>
                    </td>
                    <td className="small r-end">{assetName(e.asset)}</td>
                    <td className="num r-top-end">
                      <span className={e.amount < 0 ? `${styles.amount} ${styles.negative}` : styles.amount}>{formatAssetDelta(e.asset, e.amount, deps.t, locale)}</span>
                    </td>
                    <td className="small muted r-full">{[lineOf.get(e.source), e.memo].filter(Boolean).join(" · ") || "—"}</td>
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
