import { asc, eq, sql } from "drizzle-orm";
import { importMappings } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { importMappingSchema, type ImportMapping } from "@/lib/domain/import/mapping";
import type { Ctx } from "./context";

export type SavedImportMapping = {
  id: string;
  name: string;
  eventType: string;
  /** null when the stored JSON no longer passes the mapping checks: it is listed, but cannot be loaded. */
  mapping: ImportMapping | null;
  updatedAt: Date;
};

/** The organization's saved column mappings, by name. Stored JSON is checked again on the way out. */
export async function listImportMappings(ctx: Ctx): Promise<SavedImportMapping[]> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const rows = await ctx.db
    .select()
    .from(importMappings)
    .where(eq(importMappings.orgId, orgId))
    .orderBy(asc(sql`lower(${importMappings.name})`));
  return rows.map((r) => {
    const parsed = importMappingSchema.safeParse(r.mapping);
    return { id: r.id, name: r.name, eventType: r.eventType, mapping: parsed.success ? parsed.data : null, updatedAt: r.updatedAt };
  });
}
