import type { getPayoutRun } from "@/lib/server/get-payout-run";
import { formatDateTime } from "@/lib/i18n/format";
import { amountUnit, DISPUTE_STATE_TONE } from "@/lib/ui/payout-format";
import { payoutDeps } from "@/lib/ui/payout-deps";
import { LineWhy } from "@/lib/ui/payout-line-why";
import { lineView } from "@/lib/ui/payout-view";
import { AgentCell, AmountCell } from "./line-cells";
import styles from "./payouts.module.css";
import { ResolveDisputeForm } from "./resolve-form";

type DisputeRow = Awaited<ReturnType<typeof getPayoutRun>>["disputes"][number];

/** Disputes with the line each concerns; open ones carry HR's accept / reject form. */
export async function DisputesTable({ disputes, timezone }: { disputes: DisputeRow[]; timezone: string }) {
  const { deps, t, whyLabels, locale } = await payoutDeps("payouts");
  return (
    <div className="table-wrap">
      <table data-testid="disputes-table">
        <thead>
          <tr>
            <th>{t("lines.agent")}</th>
            <th>{t("disputes.line")}</th>
            <th>{t("disputes.agentComment")}</th>
            <th>{t("disputes.state")}</th>
          </tr>
        </thead>
        <tbody>
          {disputes.map((d) => {
            const line = lineView(d.line, t, deps);
            return (
              <tr key={d.id} data-testid="dispute-row" data-dispute={d.id} data-state={d.state}>
                <td>
                  <AgentCell line={line} />
                </td>
                <td>
                  <div className="stack-tight">
                    <span>
                      {line.campaign} · <AmountCell line={line} />
                    </span>
                    <span className="muted small">
                      {t(`lineTypes.${line.lineType}`)} · {line.period} · {t(`statuses.${line.status}`)}
                    </span>
                    <LineWhy line={line} labels={whyLabels} classes={{ root: styles.why, ok: styles.ok, bad: styles.bad }} />
                  </div>
                </td>
                <td>
                  <p className="flush wrap-anywhere">{d.comment}</p>
                  <span className="muted small">{formatDateTime(d.createdAt, locale, timezone)}</span>
                </td>
                <td style={{ minWidth: d.state === "open" ? "26rem" : undefined }}>
                  <div className="stack-tight">
                    <span className={`badge ${DISPUTE_STATE_TONE[d.state] ?? ""}`}>{t(`disputeStates.${d.state}`)}</span>
                    {d.state === "open" ? (
                      <ResolveDisputeForm disputeId={d.id} unit={amountUnit(d.line)} currency={d.line.currency} />
                    ) : (
                      <>
                        {d.adjustment && (
                          <span className="small" data-testid="dispute-adjustment">
                            {t("lineTypes.adjustment")}: <AmountCell line={lineView(d.adjustment, t, deps)} />
                          </span>
                        )}
                        {d.resolution && <p className="flush small wrap-anywhere">{d.resolution}</p>}
                        {d.resolvedAt && <span className="muted small">{formatDateTime(d.resolvedAt, locale, timezone)}</span>}
                      </>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
