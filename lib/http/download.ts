import { requireCtx } from "@/lib/auth/session";
import { exportPayoutRun, type ExportFormat } from "@/lib/server/export-payout-run";
import { toErrorResponse } from "./errors";

/** A file download: its type, a safe attachment name, never cached (payroll data). */
export function exportResponse(file: { filename: string; contentType: string; body: ReadableStream<Uint8Array> }): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}

/**
 * The export buttons of the payouts page: a session route serving the same file as the API's for the signed-in HR
 * user. One handler per format.
 */
export function sessionExportRoute(format: ExportFormat) {
  return async (_request: Request, route: { params: Promise<{ id: string }> }): Promise<Response> => {
    try {
      const ctx = await requireCtx();
      return exportResponse(await exportPayoutRun(ctx, (await route.params).id, format));
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}
