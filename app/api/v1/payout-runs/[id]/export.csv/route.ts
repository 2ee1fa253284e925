import { apiRoute } from "@/lib/http/api-route";
import { exportResponse } from "@/lib/http/download";
import { exportPayoutRun } from "@/lib/server/export-payout-run";

export const dynamic = "force-dynamic";

/** The payroll file of an approved run (SPEC §6 columns), streamed; the same run always gives the same bytes (scope payouts:read). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => exportResponse(await exportPayoutRun(ctx, params.id, "csv")));
