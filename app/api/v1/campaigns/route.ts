import { apiRoute, readJson } from "@/lib/http/api-route";
import { createCampaign } from "@/lib/server/create-campaign";
import { listCampaigns } from "@/lib/server/list-campaigns";

export const dynamic = "force-dynamic";

/** Create a campaign in draft from the §5.1 JSON (scope campaigns:write) → 201 `{ id, version }`. */
export const POST = apiRoute(async ({ ctx, request }) => Response.json(await createCampaign(ctx, await readJson(request)), { status: 201 }));

/** Every campaign of the organization with status and current cost (scope campaigns:read). */
export const GET = apiRoute(async ({ ctx }) => ({ campaigns: await listCampaigns(ctx) }));
