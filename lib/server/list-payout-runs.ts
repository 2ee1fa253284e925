import { listPeriods } from "@/db/queries/payouts";
import { findOrganization } from "@/db/queries/orgs";
import type { PayPeriod, PayoutRunState, PeriodState } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { localDay } from "@/lib/domain/calendar";
import { nextPayPeriod } from "@/lib/domain/money/pay-periods";
import { NotFoundError } from "@/lib/errors";
import { nowOf, type Ctx } from "./context";

export type PeriodRow = {
  id: string;
  from: string;
  to: string;
  state: PeriodState;
  progress: number;
  total: number;
  closedAt: Date | null;
  closedBy: string;
  runId: string | null;
  runState: PayoutRunState | null;
};

export type PayoutOverview = {
  periods: PeriodRow[];
  payPeriod: PayPeriod;
  /** The next period to close by the organization's pay period, and whether it has ended yet. */
  suggested: { from: string; to: string; ended: boolean };
  today: string;
};

/** Periods (closing and closed) with their payout runs, newest first, and the period to close next. */
export async function listPayoutRuns(ctx: Ctx): Promise<PayoutOverview> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "payouts.read", { orgId });
  const org = await findOrganization(ctx.db, orgId);
  if (!org) throw new NotFoundError("Organization not found");
  const today = localDay(nowOf(ctx), org.timezone);
  const rows = await listPeriods(ctx.db, orgId);
  const periods = rows.map((p) => ({
    id: p.id,
    from: p.fromDay,
    to: p.toDay,
    state: p.state,
    progress: p.progress,
    total: p.total,
    closedAt: p.closedAt,
    closedBy: p.closedByName ?? p.closedByLabel, // a person by name; a key or the CLI as the audit log names it
    runId: p.runId,
    runState: p.runState,
  }));
  const suggested = nextPayPeriod(org.payPeriod, rows[0]?.toDay ?? null, today);
  return { periods, payPeriod: org.payPeriod, suggested: { ...suggested, ended: suggested.to < today }, today };
}
