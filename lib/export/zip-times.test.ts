import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { pinZipTimes } from "./zip-times";

async function workbook(): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const at = new Date("2026-01-31T10:00:00Z");
  wb.created = at;
  wb.modified = at;
  wb.addWorksheet("P").addRow(["a", 1]).commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

describe("pinZipTimes", () => {
  it("makes two zips written at different times byte-identical, and still a readable workbook", async () => {
    const first = await workbook();
    await new Promise((r) => setTimeout(r, 2_100)); // past the 2-second resolution of zip times
    const second = await workbook();
    expect(second.equals(first)).toBe(false);
    const at = new Date("2026-02-01T00:00:00Z");
    const [a, b] = [pinZipTimes(first, at), pinZipTimes(second, at)];
    expect(b.equals(a)).toBe(true);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(a as unknown as ArrayBuffer);
    expect(read.getWorksheet("P")!.getRow(1).values).toEqual([undefined, "a", 1]);
  });

  it("leaves what is not a zip alone", () => {
    const notZip = Buffer.from("hello, world");
    expect(pinZipTimes(notZip, new Date()).toString()).toBe("hello, world");
  });
});
