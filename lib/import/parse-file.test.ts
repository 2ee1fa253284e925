import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { chunkRows, withOccurrences } from "./chunks";
import { ImportFileError, parseCsv, parseImportFile, uniqueHeaders } from "./parse-file";
import { rejectedRowsCsv } from "./report";

const bytes = (s: string) => new TextEncoder().encode(s);
const opts = { maxRows: 1_000 };

describe("parseCsv", () => {
  it.each([
    [",", "a,b\n1,2"],
    [";", "a;b\n1;2"],
    ["\t", "a\tb\n1\t2"],
  ])("detects the %j delimiter", (delimiter, text) => {
    const parsed = parseCsv(text, opts);
    expect(parsed).toMatchObject({ delimiter, headers: ["a", "b"], rows: [{ line: 2, cells: ["1", "2"] }] });
  });

  it("numbers rows by the line they start on, past blank lines and quoted line breaks; blank cells are null", () => {
    const parsed = parseCsv('\ufeffid,note\r\n\r\n1,"two\r\nlines"\r\n2,\r\n,\r\n3,x', opts);
    expect(parsed.headers).toEqual(["id", "note"]);
    expect(parsed.rows).toEqual([
      { line: 3, cells: ["1", "two\r\nlines"] },
      { line: 5, cells: ["2", null] },
      { line: 7, cells: ["3", "x"] },
    ]);
  });

  it("names a quote that is never closed by its line, and refuses files without data or with too many rows", () => {
    expect(() => parseCsv('a,b\n1,2\n3,"oops\n4,5', opts)).toThrow(new ImportFileError("unclosed_quote", 'line 3: a quoted cell is never closed (a " is missing)', 3));
    expect(() => parseCsv("a,b\n", opts)).toThrow(ImportFileError);
    expect(() => parseCsv("a\n1\n2\n3", { maxRows: 2 })).toThrow("the file has more than 2 rows");
  });

  it("names blank and repeated headers so every column can be mapped", () => {
    expect(uniqueHeaders(["Agent", "", "agent", "Agent "])).toEqual(["Agent", "Column 2", "agent (2)", "Agent (3)"]);
  });
});

describe("parseImportFile", () => {
  it("decodes UTF-16 and Windows-1252 text", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("a;é\n1;2", (c) => [c.charCodeAt(0), 0]).flat()]);
    expect((await parseImportFile("x.csv", utf16, opts)).headers).toEqual(["a", "é"]);
    const latin1 = new Uint8Array([0x61, 0x2c, 0xe9, 0x0a, 0x31, 0x2c, 0x32]);
    expect((await parseImportFile("x.csv", latin1, opts)).headers).toEqual(["a", "é"]);
  });

  it("refuses old .xls workbooks and .xlsx files that are not workbooks", async () => {
    await expect(parseImportFile("old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), opts)).rejects.toMatchObject({ code: "old_xls" });
    await expect(parseImportFile("fake.xlsx", bytes("a,b\n1,2"), opts)).rejects.toMatchObject({ code: "not_xlsx" });
  });

  it("reads the first worksheet: spreadsheet row numbers, dates and times as serials, formulas by their result", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Calls");
    wb.addWorksheet("Other").addRow(["ignored"]);
    ws.addRow([]);
    ws.addRow(["ID", "Start", "Talk", "Answered", "Note"]);
    ws.addRow(["c-1", new Date(Date.UTC(2026, 9, 31, 23, 30)), 0.5, true, { richText: [{ text: "a" }, { text: "b" }] }]);
    ws.addRow([]);
    ws.addRow([42, null, { formula: "1+1", result: 2 }, false, { text: "link", hyperlink: "https://example.test" }]);
    const parsed = await parseImportFile("calls.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()), opts);
    expect(parsed).toEqual({
      format: "xlsx",
      sheet: "Calls",
      headers: ["ID", "Start", "Talk", "Answered", "Note"],
      rows: [
        { line: 3, cells: ["c-1", { serial: Date.UTC(2026, 9, 31, 23, 30) / 86_400_000 + 25_569 }, "0.5", "true", "ab"] },
        { line: 5, cells: ["42", null, "2", "false", "link"] },
      ],
    });
  });
});

describe("chunks and the report", () => {
  it("splits by rows and by size, and numbers identical rows over the whole file", () => {
    const rows = withOccurrences("call", ["a"], [1, 2, 3, 4, 5].map((line) => ({ line, cells: [line === 5 ? "y" : "x"] })));
    expect(rows.map((r) => r.occurrence)).toEqual([1, 2, 3, 4, 1]);
    expect(chunkRows(rows, { maxRows: 2, maxBytes: 10_000 }).map((c) => c.map((r) => r.line))).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunkRows(rows, { maxRows: 100, maxBytes: 80 }).map((c) => c.length)).toEqual([2, 2, 1]);
  });

  it("writes one CSV line per problem, in line order, with formula-like cells defused", () => {
    const csv = rejectedRowsCsv([
      { line: 9, id: "=HYPERLINK()", issues: [{ field: "score", column: "Score", message: "must be between 1 and 5" }] },
      { line: 3, id: null, issues: [{ field: "answered", column: null, message: "is required (true or false)" }] },
    ]);
    expect(csv.split("\r\n")).toEqual(["line,id,column,field,error", "3,,,answered,is required (true or false)", "9,'=HYPERLINK(),Score,score,must be between 1 and 5"]);
  });
});
