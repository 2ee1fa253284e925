import { apiRoute } from "@/lib/http/api-route";
import { getPayoutRun } from "@/lib/server/get-payout-run";

export const dynamic = "force-dynamic";

/** A payout run: state, totals and lines (?status&lineType&awardType&q&limit&offset) (scope payouts:read). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const search = new URL(request.url).searchParams;
  const filter = Object.fromEntries([...search.entries()].filter(([k]) => ["status", "lineType", "awardType", "q"].includes(k)));
  const number = (k: string) => (search.has(k) ? Number(search.get(k)) || 0 : undefined);
  return getPayoutRun(ctx, params.id, { filter, limit: number("limit"), offset: number("offset") });
});
