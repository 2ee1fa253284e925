import type { LineView } from "@/lib/ui/payout-view";
import { LINE_STATUS_TONE } from "@/lib/ui/payout-format";
import styles from "./payouts.module.css";

/** Cells shared by the run's lines, the approvals queue and the disputes queue. */
export function AgentCell({ line }: { line: Pick<LineView, "agentName" | "employeeId" | "agentEmail"> }) {
  return (
    <div className={styles.agent}>
      <strong>{line.agentName}</strong>
      <span className="muted small">{line.employeeId ?? line.agentEmail}</span>
    </div>
  );
}

export function AmountCell({ line }: { line: Pick<LineView, "amount" | "negative"> }) {
  return <span className={line.negative ? `${styles.amount} ${styles.negative}` : styles.amount}>{line.amount}</span>;
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span className={`badge ${LINE_STATUS_TONE[status] ?? ""}`} data-testid="line-status" data-status={status}>
      {label}
    </span>
  );
}
