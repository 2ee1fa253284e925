import { and, asc, count, eq, gt, max } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditLog, type AuditEntry } from "@/db/schema";

/** The id of the newest audit row of an organization (0 when none), to read what a step added afterwards. */
export async function lastAuditId(q: Queryable, orgId: string): Promise<number> {
  const [row] = await q.select({ id: max(auditLog.id) }).from(auditLog).where(eq(auditLog.orgId, orgId));
  return Number(row?.id ?? 0);
}

/** Audit rows of an organization written after `afterId`, oldest first. */
export async function auditAfter(q: Queryable, orgId: string, afterId: number): Promise<AuditEntry[]> {
  return q.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), gt(auditLog.id, afterId))).orderBy(asc(auditLog.id));
}

/** Runs `step` and returns the audit rows it wrote in `orgId` (also when it throws: then `error` is set). */
export async function auditOf<T>(
  q: Queryable,
  orgId: string,
  step: () => Promise<T>,
): Promise<{ result?: T; error?: unknown; entries: AuditEntry[] }> {
  const before = await lastAuditId(q, orgId);
  try {
    const result = await step();
    return { result, entries: await auditAfter(q, orgId, before) };
  } catch (error) {
    return { error, entries: await auditAfter(q, orgId, before) };
  }
}

export async function auditCount(q: Queryable, orgId: string, action?: string): Promise<number> {
  const conds = [eq(auditLog.orgId, orgId)];
  if (action) conds.push(eq(auditLog.action, action));
  const [row] = await q.select({ n: count() }).from(auditLog).where(and(...conds));
  return Number(row?.n ?? 0);
}
