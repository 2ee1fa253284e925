import { and } from "drizzle-orm";
import { countLines, findRun, lineConditions, listDisputes, pendingLineIds, runBlockers, runLines, runTotals, type DisputeRow, type LineRow } from "@/db/queries/payouts";
import type { PayoutRunState } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { lineFilterSchema } from "@/lib/schemas/payouts";
import { parseInput } from "@/lib/validation";
import type { Ctx } from "./context";

export type PayoutRunView = {
  id: string;
  state: PayoutRunState;
  period: { id: string; from: string; to: string; closedAt: Date | null; closedBy: string };
  /** Per line type × award type × currency × status: the sum and the number of lines. */
  totals: Awaited<ReturnType<typeof runTotals>>;
  pending: number;
  openDisputes: number;
  lines: LineRow[];
  /** Lines matching the filter, of which `lines` is the page asked for. */
  lineCount: number;
  disputes: DisputeRow[];
  /** With `pendingIds: true`: every pending line's id (up to 5,000), for approving them all at once. */
  pendingIds?: string[];
};

const MAX_PAGE = 5_000;

/** A payout run with its lines (filtered, paged), totals, what blocks approval and its disputes (SPEC §10). */
export async function getPayoutRun(
  ctx: Ctx,
  id: string,
  query: { filter?: unknown; limit?: number; offset?: number; pendingIds?: boolean } = {},
): Promise<PayoutRunView> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "payouts.read", { orgId });
  const filter = parseInput(lineFilterSchema, query.filter ?? {});
  const run = await findRun(ctx.db, orgId, id);
  if (!run) throw new NotFoundError("Payout run not found");
  const where = and(
    lineConditions.run(run.id),
    filter.status ? lineConditions.status(filter.status) : undefined,
    filter.lineType ? lineConditions.lineType(filter.lineType) : undefined,
    filter.awardType ? lineConditions.awardType(filter.awardType) : undefined,
    filter.q ? lineConditions.search(filter.q) : undefined,
  );
  const limit = Math.min(Math.max(1, query.limit ?? MAX_PAGE), MAX_PAGE);
  const offset = Math.max(0, query.offset ?? 0);
  const [lines, all, totals, blockers, disputes, pendingIds] = await Promise.all([
    runLines(ctx.db, orgId, where, { limit, offset }),
    countLines(ctx.db, orgId, where),
    runTotals(ctx.db, run.id),
    runBlockers(ctx.db, run.id),
    listDisputes(ctx.db, orgId, { runId: run.id }),
    query.pendingIds ? pendingLineIds(ctx.db, orgId, run.id, MAX_PAGE) : undefined,
  ]);
  return {
    id: run.id,
    state: run.state,
    period: { id: run.period.id, from: run.period.fromDay, to: run.period.toDay, closedAt: run.period.closedAt, closedBy: run.period.closedByLabel },
    totals,
    ...blockers,
    lines,
    lineCount: all,
    disputes,
    ...(pendingIds ? { pendingIds } : {}),
  };
}
