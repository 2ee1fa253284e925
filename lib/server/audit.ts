import type { Queryable } from "@/db/client";
import { auditLog } from "@/db/schema";
import { actorLabel, type Actor } from "@/lib/auth/actor";

export type AuditInput = {
  orgId: string;
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
};

/**
 * Write an audit row. Call it inside the same transaction as the change: if the audit insert fails, the change
 * is rolled back too (audit fails closed).
 */
export async function recordAudit(q: Queryable, actor: Actor, entry: AuditInput): Promise<void> {
  await q.insert(auditLog).values(auditRow(actor, entry));
}

/** Several audit rows in one statement (the API access log, written in batches: see lib/http/access-log.ts). */
export async function recordAudits(q: Queryable, rows: ReadonlyArray<{ actor: Actor; entry: AuditInput }>): Promise<void> {
  if (rows.length > 0) await q.insert(auditLog).values(rows.map((r) => auditRow(r.actor, r.entry)));
}

function auditRow(actor: Actor, entry: AuditInput): typeof auditLog.$inferInsert {
  return {
    orgId: entry.orgId,
    actorType: actor.kind === "system" ? (actor.label === "cli" ? "cli" : "system") : actor.kind,
    actorId: actor.kind === "user" ? actor.userId : actor.kind === "api_key" ? actor.keyId : null,
    actorLabel: actorLabel(actor),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    meta: entry.meta ?? null,
  };
}
