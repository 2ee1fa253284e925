import { apiRoute } from "@/lib/http/api-route";
import { transitionPayoutRun } from "@/lib/server/transition-payout-run";

export const dynamic = "force-dynamic";

/** Payout run: the "submit" step of draft → in_review → approved → exported → paid (scope payouts:write). */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params }) => transitionPayoutRun(ctx, params.id, "submit"));
