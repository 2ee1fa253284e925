import { and, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog, ACTOR_TYPES } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { optionalText } from "@/lib/schemas/common";
import { parseInput } from "@/lib/validation";
import { isValidDay } from "@/lib/domain/calendar";
import type { Ctx } from "./context";

const isoDate = z.string().refine(isValidDay, { message: "must be a date as YYYY-MM-DD" });

export const auditFilterSchema = z.object({
  action: optionalText(z.string().max(100)),
  actor: optionalText(z.string().max(200)),
  actorType: optionalText(z.enum(ACTOR_TYPES)),
  targetType: optionalText(z.string().max(50)),
  from: optionalText(isoDate),
  to: optionalText(isoDate),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

/** Newest first. `from`/`to` are whole UTC days, inclusive. */
export async function listAudit(ctx: Ctx, filter: AuditFilter = {}) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "audit.read", { orgId });
  const f = parseInput(auditFilterSchema, filter);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(auditConditions(orgId, f))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(f.pageSize + 1)
    .offset((f.page - 1) * f.pageSize);
  return { entries: rows.slice(0, f.pageSize), page: f.page, pageSize: f.pageSize, hasMore: rows.length > f.pageSize };
}

/** The filter as a condition, within the organization (also what the audit export reads). */
export function auditConditions(orgId: string, f: z.output<typeof auditFilterSchema>): SQL {
  const conds: SQL[] = [eq(auditLog.orgId, orgId)];
  if (f.action) conds.push(ilike(auditLog.action, `${f.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (f.actorType) conds.push(eq(auditLog.actorType, f.actorType));
  if (f.actor) conds.push(or(ilike(auditLog.actorLabel, `%${f.actor.replace(/[%_\\]/g, "\\$&")}%`), eq(auditLog.actorId, f.actor))!);
  if (f.targetType) conds.push(eq(auditLog.targetType, f.targetType));
  if (f.from) conds.push(gte(auditLog.createdAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conds.push(lt(auditLog.createdAt, new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)));
  return and(...conds)!;
}
