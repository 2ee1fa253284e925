import { apiRoute } from "@/lib/http/api-route";
import { getKpis } from "@/lib/server/get-kpis";

export const dynamic = "force-dynamic";

/** KPIs over a day range grouped by agent, team, queue or org (SPEC §4.1; scope kpis:read). */
export const GET = apiRoute(async ({ ctx, request }) => {
  const params = new URL(request.url).searchParams;
  const get = (name: string) => params.get(name) ?? undefined;
  return getKpis(ctx, {
    from: get("from"),
    to: get("to"),
    groupBy: get("groupBy"),
    metrics: get("metrics"),
    team: get("team"),
    queue: get("queue"),
    agent: get("agent"),
  });
});
