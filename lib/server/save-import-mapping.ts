import { and, eq, sql } from "drizzle-orm";
import { isUniqueViolation } from "@/db/errors";
import { importMappings } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { ConflictError } from "@/lib/errors";
import { saveImportMappingSchema, type SaveImportMappingInput } from "@/lib/schemas/import";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import type { SavedImportMapping } from "./list-import-mappings";

/**
 * Saves a column mapping under a source name ("Genesys daily export"). Saving under an existing name (in any case)
 * replaces that mapping: the import page's "save" keeps one mapping per source.
 */
export async function saveImportMapping(ctx: Ctx, input: SaveImportMappingInput, opts: { orgId?: string } = {}): Promise<SavedImportMapping & { created: boolean }> {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(saveImportMappingSchema, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [existing] = await tx
        .select()
        .from(importMappings)
        .where(and(eq(importMappings.orgId, orgId), eq(sql`lower(${importMappings.name})`, data.name.toLowerCase())))
        .for("update");
      const values = { name: data.name, eventType: data.mapping.eventType, mapping: data.mapping as Record<string, unknown>, updatedAt: nowOf(ctx) };
      const [row] = existing
        ? await tx.update(importMappings).set(values).where(and(eq(importMappings.orgId, orgId), eq(importMappings.id, existing.id))).returning()
        : await tx.insert(importMappings).values({ orgId, ...values }).returning();
      if (!row) throw new Error("import mapping write returned no row");
      await recordAudit(tx, ctx.actor, {
        orgId,
        action: existing ? "import_mapping.update" : "import_mapping.create",
        targetType: "import_mapping",
        targetId: row.id,
        before: existing ? { name: existing.name, mapping: existing.mapping } : undefined,
        after: { name: row.name, mapping: row.mapping },
      });
      return { id: row.id, name: row.name, eventType: row.eventType, mapping: data.mapping, updatedAt: row.updatedAt, created: !existing };
    });
  } catch (err) {
    // two first saves of one name at the same moment: the unique index lets one through
    if (isUniqueViolation(err)) {
      throw new ConflictError("name: a mapping with this name was saved at the same moment; save again", {
        issues: [{ path: "name", message: "a mapping with this name was saved at the same moment; save again" }],
      });
    }
    throw err;
  }
}
