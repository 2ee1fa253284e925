import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { exportLinePages, findRun, setRunState } from "@/db/queries/payouts";
import { authorize, orgOf } from "@/lib/auth/policy";
import { EXPORT_COLUMNS, exportRow, type Cell } from "@/lib/domain/money/export";
import { nextRunState } from "@/lib/domain/money/payout-states";
import { pinZipTimes } from "@/lib/export/zip-times";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import { teamNamesByAgent } from "@/db/queries/teams";

export type ExportFormat = "csv" | "xlsx";

export type PayoutExport = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

/** Lines are read and written this many at a time: memory stays flat whatever the size of the run. */
const PAGE = 1_000;

/**
 * The payroll file of a payout run (SPEC §6 columns): approved lines only, in a stable order, streamed page by page.
 * Only an approved run can be exported; the first export marks it exported, later ones (exported, paid) give the
 * same bytes again — nothing in the file depends on when it was fetched. Every export is audited.
 */
export async function exportPayoutRun(ctx: Ctx, id: string, format: ExportFormat): Promise<PayoutExport> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "payouts.read", { orgId });
  const now = nowOf(ctx);
  const run = await ctx.db.transaction(async (tx) => {
    const found = await findRun(tx, orgId, id, { forUpdate: true });
    if (!found) throw new NotFoundError("Payout run not found");
    const next = nextRunState(found.state, "export");
    if ("error" in next) throw new ConflictError(next.error);
    if (next.to !== found.state) await setRunState(tx, found.id, next.to, now);
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: "payout_run.export",
      targetType: "payout_run",
      targetId: found.id,
      before: { state: found.state },
      after: { state: next.to, format },
    });
    return found;
  });
  const teamsOf = await teamNamesByAgent(ctx.db, orgId);
  async function* rows(): AsyncGenerator<Cell[][]> {
    for await (const page of exportLinePages(ctx.db, orgId, run.id, PAGE)) yield page.map((l) => exportRow({ ...l, teams: teamsOf.get(l.agentId) ?? [] }));
  }
  const name = `payout-${run.period.fromDay}_${run.period.toDay}`;
  if (format === "csv") return { filename: `${name}.csv`, contentType: "text/csv; charset=utf-8", body: csvStream(rows()) };
  // the workbook's own dates are the period's close, so the same run always gives the same bytes
  const stamp = run.period.closedAt ?? run.createdAt;
  return { filename: `${name}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: xlsxStream(rows(), stamp) };
}

/** RFC 4180: a header row, CRLF after every record, fields quoted when they need it (papaparse). */
function csvStream(pages: AsyncGenerator<Cell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${EXPORT_COLUMNS.join(",")}\r\n`));
        return;
      }
      const next = await pages.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(`${Papa.unparse(next.value, { newline: "\r\n" })}\r\n`));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/**
 * The workbook is written by exceljs's streaming writer (rows never all in memory) into one buffer, whose zip entry
 * times are then pinned to the period's close: the same run always gives the same bytes.
 */
function xlsxStream(pages: AsyncGenerator<Cell[][]>, stamp: Date): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        const out = new PassThrough();
        const chunks: Buffer[] = [];
        out.on("data", (c: Buffer) => chunks.push(c));
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
        workbook.created = stamp;
        workbook.modified = stamp;
        workbook.creator = "Podium";
        const sheet = workbook.addWorksheet("Payout");
        sheet.addRow([...EXPORT_COLUMNS]).commit();
        for await (const page of pages) for (const row of page) sheet.addRow(row).commit();
        sheet.commit();
        await workbook.commit();
        controller.enqueue(new Uint8Array(pinZipTimes(Buffer.concat(chunks), stamp)));
        controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
}
