import { requireCtx } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/http/errors";
import { listPayoutRuns } from "@/lib/server/list-payout-runs";

export const dynamic = "force-dynamic";

/**
 * The close form's progress bar (session route, payouts.read): the periods being closed, with the campaigns evaluated
 * so far and in all. The close itself runs in a server action; this is polled beside it.
 */
export async function GET(): Promise<Response> {
  try {
    const ctx = await requireCtx();
    const overview = await listPayoutRuns(ctx);
    const closing = overview.periods.filter((p) => p.state === "closing").map((p) => ({ id: p.id, from: p.from, to: p.to, progress: p.progress, total: p.total }));
    return Response.json({ closing }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
