import { apiRoute } from "@/lib/http/api-route";
import { listAgents } from "@/lib/server/list-agents";

export const dynamic = "force-dynamic";

/** The agent directory of the key's organization (scope kpis:read). */
export const GET = apiRoute(async ({ ctx }) => ({ agents: await listAgents(ctx) }));
