import { apiRoute, readJson } from "@/lib/http/api-route";
import { closePeriod } from "@/lib/server/close-period";

export const dynamic = "force-dynamic";

/** Closes a pay period: `{ "from", "to" }` → `{ "periodId", "payoutRunId" }`; an overlapping range is a 409 (scope payouts:write). */
export const POST = apiRoute(async ({ ctx, request }) => Response.json(await closePeriod(ctx, await readJson(request)), { status: 201 }));
