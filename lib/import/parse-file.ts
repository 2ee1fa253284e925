import Papa from "papaparse";
import type { CellValue, Workbook } from "exceljs";
import type { ImportCell } from "@/lib/domain/import/values";

/**
 * Turns an uploaded CSV or XLSX file into a header row and data rows with their line numbers (SPEC §3.3). Runs in
 * the browser (the import page reads the file without uploading it whole) and in Node (the CLI): no I/O here.
 */
export type ParsedRow = { line: number; cells: ImportCell[] };
export type ParsedFile = { format: "csv" | "xlsx"; headers: string[]; rows: ParsedRow[]; delimiter?: string; sheet?: string };

export type ImportFileProblem = "empty" | "unclosed_quote" | "too_many_rows" | "old_xls" | "not_xlsx" | "unreadable_xlsx" | "no_sheet";

/** A file that cannot be read at all. `code` lets the UI say it in the reader's language; `line` where known. */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileProblem,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}

export type ParseOptions = { maxRows: number };

export async function parseImportFile(name: string, bytes: Uint8Array, options: ParseOptions): Promise<ParsedFile> {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportFileError("old_xls", "this is an old Excel 97–2003 (.xls) workbook: save it as .xlsx or CSV and try again");
  }
  const zip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  if (/\.xlsx$/i.test(name) && !zip) throw new ImportFileError("not_xlsx", "the file is named .xlsx but is not an Excel workbook");
  return zip ? parseXlsx(bytes, options) : parseCsv(decodeText(bytes), options);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** UTF-8 (with or without BOM) and UTF-16 (with BOM) as spreadsheets save them; anything else as Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

/** Header cells as names: blanks get "Column N", repeats get " (2)", " (3)"… so every column can be mapped. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.trim() || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

const blankRow = (cells: readonly ImportCell[]) => cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));

function tooMany(max: number, line: number): ImportFileError {
  return new ImportFileError("too_many_rows", `the file has more than ${max.toLocaleString("en")} rows: split it into smaller files`, line);
}

/**
 * CSV with a header row; the delimiter (comma, semicolon, tab or pipe) is detected. A row's line is the physical line
 * it starts on, as an editor shows it (the same as the spreadsheet row unless a quoted cell spans lines).
 */
export function parseCsv(text: string, options: ParseOptions): ParsedFile {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  let headers: string[] | null = null;
  const rows: ParsedRow[] = [];
  let line = 1;
  let cursor = 0;
  let delimiter: string | undefined;
  let failure: ImportFileError | null = null;
  Papa.parse<string[]>(body, {
    delimitersToGuess: [",", ";", "\t", "|"],
    step: (result, parser) => {
      const startLine = line;
      const end = result.meta.cursor;
      line += (body.slice(cursor, end).match(/\r\n|\r|\n/g) ?? []).length;
      cursor = end;
      delimiter = result.meta.delimiter;
      if (result.errors.some((e) => e.code === "MissingQuotes")) {
        failure = new ImportFileError("unclosed_quote", `line ${startLine}: a quoted cell is never closed (a " is missing)`, startLine);
        parser.abort();
        return;
      }
      const cells: ImportCell[] = result.data.map((c) => (c === "" ? null : c));
      if (blankRow(cells)) return;
      if (headers === null) {
        headers = uniqueHeaders(result.data);
        return;
      }
      if (rows.length >= options.maxRows) {
        failure = tooMany(options.maxRows, startLine);
        parser.abort();
        return;
      }
      rows.push({ line: startLine, cells });
    },
  });
  if (failure) throw failure;
  if (headers === null || rows.length === 0) throw new ImportFileError("empty", "the file needs a header row and at least one data row");
  return { format: "csv", headers, rows, delimiter };
}

/** Serial day number of an exceljs date (which reads the workbook's cell as a UTC wall-clock time). */
const serialOf = (d: Date) => d.getTime() / 86_400_000 + 25_569;

/** An XLSX cell as import text, or a date/time cell as its serial number (see ImportCell). */
export function xlsxCell(value: CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { serial: serialOf(value) };
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return String(value);
    case "boolean":
      return value ? "true" : "false";
  }
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return value.text;
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return xlsxCell((value.result ?? null) as CellValue);
  return null;
}

/** The first worksheet; the first non-blank row is the header. A row's line is its spreadsheet row number. */
export async function parseXlsx(bytes: Uint8Array, options: ParseOptions): Promise<ParsedFile> {
  const ExcelJS = (await import("exceljs")).default;
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    // exceljs hands the bytes to JSZip, which takes a Uint8Array in Node and in browsers alike
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  } catch (err) {
    throw new ImportFileError("unreadable_xlsx", `the workbook cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("no_sheet", "the workbook has no worksheet");
  let headers: string[] | null = null;
  const rows: ParsedRow[] = [];
  let failure: ImportFileError | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (failure) return;
    const width = Math.max(row.cellCount, headers?.length ?? 0);
    const cells: ImportCell[] = [];
    for (let col = 1; col <= width; col++) cells.push(xlsxCell(row.getCell(col).value));
    if (blankRow(cells)) return;
    if (headers === null) {
      headers = uniqueHeaders(cells.map((c) => (c === null ? "" : typeof c === "string" ? c : String(c.serial))));
      return;
    }
    if (rows.length >= options.maxRows) {
      failure = tooMany(options.maxRows, rowNumber);
      return;
    }
    rows.push({ line: rowNumber, cells });
  });
  if (failure) throw failure;
  if (headers === null || rows.length === 0) {
    throw new ImportFileError("empty", `the worksheet "${sheet.name}" needs a header row and at least one data row`);
  }
  return { format: "xlsx", headers, rows, sheet: sheet.name };
}
