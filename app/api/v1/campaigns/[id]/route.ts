import { apiRoute, readJson } from "@/lib/http/api-route";
import { getCampaign } from "@/lib/server/get-campaign";
import { updateCampaign } from "@/lib/server/update-campaign";

export const dynamic = "force-dynamic";

/** One campaign as §5.1 JSON with id, version, status and shadow (scope campaigns:read). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => getCampaign(ctx, params.id));

/** Edit (scope campaigns:write) → `{ id, version }`: a launched campaign's edit is a new rule version. */
export const PUT = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const { id, version } = await updateCampaign(ctx, params.id, await readJson(request));
  return { id, version };
});
