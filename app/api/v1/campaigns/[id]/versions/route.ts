import { apiRoute } from "@/lib/http/api-route";
import { listCampaignVersions } from "@/lib/server/list-campaign-versions";

export const dynamic = "force-dynamic";

/** Every rule version of a campaign, newest first (scope campaigns:read). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => ({ versions: await listCampaignVersions(ctx, params.id) }));
