import { and, eq } from "drizzle-orm";
import { importMappings } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { deleteImportMappingSchema } from "@/lib/schemas/import";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

/** Forgets a saved mapping; events imported with it stay. The audit row keeps the mapping. */
export async function deleteImportMapping(ctx: Ctx, input: { mappingId: string }) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const { mappingId } = parseInput(deleteImportMappingSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(importMappings)
      .where(and(eq(importMappings.orgId, orgId), eq(importMappings.id, mappingId)))
      .returning();
    if (!row) throw new NotFoundError("Import mapping not found");
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: "import_mapping.delete",
      targetType: "import_mapping",
      targetId: row.id,
      before: { name: row.name, mapping: row.mapping },
    });
    return { id: row.id };
  });
}
