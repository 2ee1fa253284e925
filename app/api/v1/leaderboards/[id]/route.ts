import { apiRoute } from "@/lib/http/api-route";
import { getLeaderboard } from "@/lib/server/get-leaderboard";

export const dynamic = "force-dynamic";

/** Ranked rows `{ rank, agent, name, value, n }` over ?from&to (default: the board's period), ?top (scope leaderboards:read). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params, request }) => {
  const search = new URL(request.url).searchParams;
  return getLeaderboard(ctx, params.id, Object.fromEntries([...search.entries()].filter(([k]) => k === "from" || k === "to" || k === "top")));
});
