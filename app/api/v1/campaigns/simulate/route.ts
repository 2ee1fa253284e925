import { apiRoute, readJson } from "@/lib/http/api-route";
import { simulateCampaign } from "@/lib/server/simulate-campaign";

export const dynamic = "force-dynamic";

/** What-if: `{ campaign, from, to }` evaluated with no side effects (scope campaigns:read). */
export const POST = apiRoute(async ({ ctx, request }) => simulateCampaign(ctx, await readJson(request)));
