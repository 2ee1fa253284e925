import { createHash } from "node:crypto";
import { findOrganization } from "@/db/queries/orgs";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { EventType } from "@/lib/domain/events";
import { mapRow, type RejectedRow, type RowIssue } from "@/lib/domain/import/map-row";
import { prepareMapping, type FieldSource } from "@/lib/domain/import/mapping";
import { rowContentKey } from "@/lib/domain/import/row-key";
import type { ImportCell } from "@/lib/domain/import/values";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { importRowsSchema, type ImportRowsInput } from "@/lib/schemas/import";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";
import { ingestEvents } from "./ingest-events";

export type ImportRowsResult = { accepted: number; duplicates: number; rejected: RejectedRow[] };

/**
 * The id of a row without an id column: a hash of its content (see rowContentKey), plus the copy number for identical
 * rows of one file. The same file imported again yields the same ids, so it is all duplicates and changes nothing.
 */
export function derivedRowId(type: EventType, headers: readonly string[], cells: readonly ImportCell[], occurrence: number): string {
  const hash = createHash("sha256").update(rowContentKey(type, headers, cells)).digest("hex");
  return occurrence > 1 ? `import:${hash}:${occurrence}` : `import:${hash}`;
}

/**
 * Imports one chunk of a CSV/XLSX file (SPEC §3.3): every row is mapped and checked here again — whatever the page
 * showed is not trusted — and the valid ones are ingested like API events (source "import"), stored once per id and
 * counted in the KPIs. Rejected rows come back with their line numbers and every reason; they are never stored, and
 * the others of the chunk are unaffected. The UI sends a file in chunks to show progress; the CLI the same way.
 */
export async function importRows(ctx: Ctx, input: ImportRowsInput, opts: { orgId?: string } = {}): Promise<ImportRowsResult> {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "events.write", { orgId });
  const data = parseInput(importRowsSchema, input);
  const org = await findOrganization(ctx.db, orgId);
  if (!org) throw new NotFoundError("Organization not found");
  const prepared = prepareMapping(data.mapping, data.headers, { timeZone: org.timezone });
  if (!prepared.ok) {
    const issues = prepared.issues.map((i) => ({ path: `mapping.${i.path}`, message: i.message }));
    throw new ValidationError(`${issues[0]!.path}: ${issues[0]!.message}`, issues);
  }

  const rejected: RejectedRow[] = [];
  const events: unknown[] = [];
  const lines: number[] = [];
  for (const row of data.rows) {
    const id = derivedRowId(data.mapping.eventType, data.headers, row.cells, row.occurrence);
    const mapped = mapRow(prepared.prepared, row.cells, id);
    if (mapped.ok) {
      events.push(mapped.event);
      lines.push(row.line);
    } else {
      rejected.push({ line: row.line, id: idOf(prepared.prepared.sources, row.cells), issues: mapped.issues });
    }
  }
  const ingested = await ingestEvents(ctx, events, { source: "import", orgId });
  // Mapped rows passed the same canonical checks, so this stays empty; kept so that nothing rejected goes unreported.
  for (const r of ingested.rejected) {
    rejected.push({ line: lines[r.index]!, id: r.id, issues: r.errors.map(issueOf) });
  }
  rejected.sort((a, b) => a.line - b.line);

  const result = { accepted: ingested.accepted, duplicates: ingested.duplicates, rejected };
  // Written after the events' own transaction (ingestion commits on its own). Should it fail, the import is reported as
  // failed although its events are stored; importing the file again is safe: they are duplicates.
  await recordAudit(ctx.db, ctx.actor, {
    orgId,
    action: "events.import",
    targetType: "events",
    meta: {
      file: data.fileName ?? null,
      eventType: data.mapping.eventType,
      lines: { from: data.rows[0]!.line, to: data.rows[data.rows.length - 1]!.line },
      rows: data.rows.length,
      accepted: result.accepted,
      duplicates: result.duplicates,
      rejected: rejected.length,
    },
  });
  return result;
}

/** The row's own id when an id column is mapped, for the report (a derived id means nothing to a reader). */
function idOf(sources: readonly FieldSource[], cells: readonly ImportCell[]): string | null {
  const source = sources.find((s) => s.spec.field === "id");
  const cell = source && "column" in source ? cells[source.column] : null;
  return typeof cell === "string" && cell.trim() ? cell.trim() : null;
}

/** ingestEvents' "field: message" as a row issue. */
function issueOf(error: string): RowIssue {
  const split = error.indexOf(": ");
  return split > 0 ? { field: error.slice(0, split), column: null, message: error.slice(split + 2) } : { field: "event", column: null, message: error };
}
