import { and, desc, lt } from "drizzle-orm";
import Papa from "papaparse";
import { auditLog, type AuditEntry } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { neutralize } from "@/lib/domain/money/export";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";
import { auditConditions, auditFilterSchema, type AuditFilter } from "./list-audit";

export const AUDIT_EXPORT_COLUMNS = ["created_at", "actor_type", "actor", "action", "target_type", "target_id", "before", "after", "meta"] as const;

const PAGE = 2_000;

/**
 * The audit log as CSV (SPEC §6: filterable, exportable), with the filters of the audit page, newest first, streamed
 * page by page (keyset on the id, so rows written meanwhile neither repeat nor shift pages). Text cells are
 * neutralized against formula injection. The export itself is audited.
 */
export async function exportAudit(ctx: Ctx, filter: AuditFilter = {}): Promise<{ filename: string; contentType: string; body: ReadableStream<Uint8Array> }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "audit.read", { orgId });
  const f = parseInput(auditFilterSchema, filter);
  await recordAudit(ctx.db, ctx.actor, { orgId, action: "audit.export", targetType: "audit_log", meta: { filter: { ...f, page: undefined, pageSize: undefined } } });
  const where = auditConditions(orgId, f);
  const encoder = new TextEncoder();
  let cursor: AuditEntry["id"] | null = null;
  let headerSent = false;
  let done = false;
  return {
    filename: `audit-${new Date().toISOString().slice(0, 10)}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(`${AUDIT_EXPORT_COLUMNS.join(",")}\r\n`));
          return;
        }
        if (done) return controller.close();
        // ids grow with every row written: a keyset on the id (not on timestamps, which JS rounds to the millisecond)
        const rows = await ctx.db
          .select()
          .from(auditLog)
          .where(and(where, cursor === null ? undefined : lt(auditLog.id, cursor)))
          .orderBy(desc(auditLog.id))
          .limit(PAGE);
        if (rows.length < PAGE) done = true;
        if (rows.length === 0) return controller.close();
        const last = rows[rows.length - 1]!;
        cursor = last.id;
        const cells = rows.map((r) => [
          r.createdAt.toISOString(),
          r.actorType,
          neutralize(r.actorLabel),
          neutralize(r.action),
          neutralize(r.targetType ?? ""),
          neutralize(r.targetId ?? ""),
          neutralize(r.before === null ? "" : JSON.stringify(r.before)),
          neutralize(r.after === null ? "" : JSON.stringify(r.after)),
          neutralize(r.meta === null ? "" : JSON.stringify(r.meta)),
        ]);
        controller.enqueue(encoder.encode(`${Papa.unparse(cells, { newline: "\r\n" })}\r\n`));
      },
    }),
  };
}
