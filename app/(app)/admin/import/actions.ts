"use server";

import { revalidatePath } from "next/cache";
import type { ImportRowsInput, SaveImportMappingInput } from "@/lib/schemas/import";
import { deleteImportMapping } from "@/lib/server/delete-import-mapping";
import { importRows } from "@/lib/server/import-rows";
import { saveImportMapping } from "@/lib/server/save-import-mapping";
import { runAction } from "@/lib/ui/run-action";

// The page calls these with plain objects, not forms. Each operation authorizes and validates its input itself:
// a server action is a public endpoint, and what the browser already checked is checked again.

/** One chunk of a file (up to 500 rows from the page); the page calls it once per chunk to show progress. */
export async function importRowsAction(input: ImportRowsInput) {
  return runAction((ctx) => importRows(ctx, input));
}

export async function saveImportMappingAction(input: SaveImportMappingInput) {
  const result = await runAction((ctx) => saveImportMapping(ctx, input));
  if (result.ok) revalidatePath("/admin/import");
  return result;
}

export async function deleteImportMappingAction(input: { mappingId: string }) {
  const result = await runAction((ctx) => deleteImportMapping(ctx, input));
  if (result.ok) revalidatePath("/admin/import");
  return result;
}
