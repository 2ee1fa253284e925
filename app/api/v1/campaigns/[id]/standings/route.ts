import { apiRoute } from "@/lib/http/api-route";
import { getCampaignStandings } from "@/lib/server/get-campaign-standings";

export const dynamic = "force-dynamic";

/** Provisional results over ?from&to, or the current period (scope campaigns:read). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const search = new URL(request.url).searchParams;
  return getCampaignStandings(ctx, params.id, { from: search.get("from") ?? undefined, to: search.get("to") ?? undefined });
});
