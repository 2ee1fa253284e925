import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { listAgents } from "@/lib/server/list-agents";

export const dynamic = "force-dynamic";

/** Next has already decoded the path segment once; decoding again would break ids containing "%". */
/** One agent of the key's organization by external id (scope kpis:read); another organization's agent is a 404. */
export const GET = apiRoute<{ externalId: string }>(async ({ ctx, params }) => {
  const [agent] = await listAgents(ctx, { externalId: params.externalId });
  if (!agent) throw new NotFoundError("No agent with this external id");
  return agent;
});
