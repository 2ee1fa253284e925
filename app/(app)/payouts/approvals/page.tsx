import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { listApprovals } from "@/lib/server/list-approvals";
import { PageHead } from "@/lib/ui/page-head";
import { payoutDeps } from "@/lib/ui/payout-deps";
import { LineWhy } from "@/lib/ui/payout-line-why";
import { lineView } from "@/lib/ui/payout-view";
import { ApproveAllButton, DecideButtons } from "../decide-buttons";
import { AgentCell, AmountCell } from "../line-cells";
import styles from "../payouts.module.css";
import { PayoutsNav } from "../payouts-nav";

export const metadata: Metadata = { title: "Approvals" };

/**
 * Lines waiting for approval that this person may decide (SPEC §9): managers the non-cash lines of their teams, HR
 * and admins every one. Needs only awards.approve, so managers (who cannot see payout runs) have it too.
 */
export default async function ApprovalsPage() {
  const ctx = await requirePageCtx("awards.approve");
  const [pending, { deps, t, whyLabels }] = await Promise.all([listApprovals(ctx), payoutDeps("payouts")]);
  const lines = pending.map((l) => lineView(l, t, deps));
  const hr = can(ctx.actor, "payouts.manage");
  return (
    <div className="stack" data-testid="approvals">
      <PageHead title={t("approvalsPage.title")} subtitle={hr ? t("approvalsPage.subtitleHr") : t("approvalsPage.subtitleManager")} />
      {hr && <PayoutsNav current="approvals" />}
      <section className="card stack">
        <div className="spread wrap">
          <h2 className="flush">{t("approvalsPage.count", { count: lines.length })}</h2>
          <ApproveAllButton lineIds={lines.map((l) => l.id)} />
        </div>
        {lines.length === 0 ? (
          <p className="empty">{t("approvalsPage.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="approvals-table">
              <thead>
                <tr>
                  <th>{t("lines.agent")}</th>
                  <th>{t("lines.campaign")}</th>
                  <th>{t("approvalsPage.period")}</th>
                  <th className="num">{t("lines.amount")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {pending.map((row, i) => {
                  const line = lines[i]!;
                  return (
                    <tr key={line.id} data-testid="approval-line" data-line={line.id}>
                      <td>
                        <AgentCell line={line} />
                      </td>
                      <td>
                        {line.campaign}
                        <LineWhy line={line} labels={whyLabels} classes={{ root: styles.why, ok: styles.ok, bad: styles.bad }} />
                      </td>
                      <td className="small">
                        {line.period}
                        {hr && row.runId && (
                          <div>
                            <Link href={`/payouts/${row.runId}`}>{t("approvalsPage.openRun")}</Link>
                          </div>
                        )}
                      </td>
                      <td className="num">
                        <AmountCell line={line} />
                        <div className="muted small">{t(`awardTypes.${line.awardType}`)}</div>
                      </td>
                      <td>
                        <DecideButtons lineId={line.id} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
