import { apiRoute } from "@/lib/http/api-route";
import { decidePayoutLine } from "@/lib/server/decide-payout-line";

export const dynamic = "force-dynamic";

/**
 * Rejects a pending line of a run in draft or review (scope payouts:write): the lines of campaigns with an approval
 * policy wait for this before their run can be approved. A rejected line pays nothing. 404 for a line not in the run, 409 once decided.
 */
export const POST = apiRoute<{ id: string; lineId: string }>(async ({ ctx, params }) => decidePayoutLine(ctx, params.lineId, "reject", { runId: params.id }));
