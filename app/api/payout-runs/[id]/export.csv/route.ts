import { sessionExportRoute } from "@/lib/http/download";

export const dynamic = "force-dynamic";

/** The csv export button of a payout run page (session). */
export const GET = sessionExportRoute("csv");
