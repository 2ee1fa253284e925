import { z } from "zod";
import { importMappingSchema } from "@/lib/domain/import/mapping";
import { nameSchema, uuidSchema } from "./common";

/** A cell as the import page and the CLI send it: text, a spreadsheet date/time serial, or nothing. */
const cellSchema = z.union([z.string().max(10_000, { message: "must be at most 10,000 characters" }), z.strictObject({ serial: z.number().finite() }), z.null()], {
  message: "must be text, a spreadsheet date or null",
});

const headersSchema = z
  .array(z.string().trim().min(1, { message: "must not be blank" }).max(200, { message: "must be at most 200 characters" }), {
    message: "must be the list of column headers",
  })
  .min(1, { message: "must name at least one column" })
  .max(500, { message: "must be at most 500 columns" })
  .refine((h) => new Set(h).size === h.length, { message: "must not repeat a header" });

const rowSchema = z.object({
  line: z.number().int().min(1, { message: "must be a line number" }),
  cells: z.array(cellSchema).max(500, { message: "must be at most 500 cells" }),
  occurrence: z.number().int().min(1).max(1_000_000).default(1),
});

/** The ingestion batch limit (SPEC §3.2, MAX_BATCH_EVENTS): one import call is one batch. */
export const MAX_IMPORT_ROWS_PER_CALL = 5_000;

/** One call of the import: a mapping and up to 5,000 rows of a file, with their line numbers. */
export const importRowsSchema = z.object({
  mapping: importMappingSchema,
  headers: headersSchema,
  rows: z
    .array(rowSchema, { message: "must be a list of rows" })
    .min(1, { message: "must contain at least one row" })
    .max(MAX_IMPORT_ROWS_PER_CALL, { message: `must be at most ${MAX_IMPORT_ROWS_PER_CALL} rows per call` }),
  fileName: z.string().trim().max(255).optional(),
});
export type ImportRowsInput = z.input<typeof importRowsSchema>;

export const saveImportMappingSchema = z.object({ name: nameSchema, mapping: importMappingSchema });
export type SaveImportMappingInput = z.input<typeof saveImportMappingSchema>;

export const deleteImportMappingSchema = z.object({ mappingId: uuidSchema });
