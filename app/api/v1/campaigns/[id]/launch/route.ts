import { apiRoute } from "@/lib/http/api-route";
import { launchCampaign } from "@/lib/server/launch-campaign";

export const dynamic = "force-dynamic";

/** Draft → scheduled or active (scope campaigns:write). */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params }) => launchCampaign(ctx, params.id));
