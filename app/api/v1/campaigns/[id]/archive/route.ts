import { apiRoute } from "@/lib/http/api-route";
import { archiveCampaign } from "@/lib/server/archive-campaign";

export const dynamic = "force-dynamic";

/** Archive a campaign (scope campaigns:write). */
export const POST = apiRoute<{ id: string }>(async ({ ctx, params }) => archiveCampaign(ctx, params.id));
