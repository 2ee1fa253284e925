import { apiRoute, readJson } from "@/lib/http/api-route";
import { createLeaderboard } from "@/lib/server/create-leaderboard";
import { listLeaderboards } from "@/lib/server/list-leaderboards";

export const dynamic = "force-dynamic";

/** Create a leaderboard (scope leaderboards:write) → 201 `{ id }`. */
export const POST = apiRoute(async ({ ctx, request }) => Response.json(await createLeaderboard(ctx, await readJson(request)), { status: 201 }));

/** The organization's boards (scope leaderboards:read). */
export const GET = apiRoute(async ({ ctx }) => ({ leaderboards: await listLeaderboards(ctx) }));
