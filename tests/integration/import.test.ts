/**
 * CSV/XLSX import (SPEC §3.3): `npx podium import` through the real binary, and the import operation the page calls
 * chunk by chunk. Re-importing the same file changes nothing; rejected rows come back with their line numbers.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { foldPendingRollups } from "@/db/queries/events";
import { events, kpiDaily } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { chunkRows, withOccurrences } from "@/lib/import/chunks";
import { parseCsv } from "@/lib/import/parse-file";
import { importRows } from "@/lib/server/import-rows";
import { auditCount } from "../helpers/audit";
import { cli, inspectCliDatabase } from "../helpers/cli";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

const serverUrl = process.env.TEST_DATABASE_URL;
const mode = serverUrl ? "postgres" : "pglite";

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-import-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

// Month-first dates without offset, h:mm:ss durations, no id column (ids derived from the rows), one row twice
// (two calls alike in every cell: two events), one bad row (line 6).
const CALLS_CSV = [
  "Start,Agent,Answered,Talk time,Hold,Queue",
  "10/31/2026 23:30,agent.one,yes,0:04:05,0:00:10,billing",
  "11/01/2026 08:00,agent.one,no,,,billing",
  "11/01/2026 09:15,agent.one,yes,1:02:03,,billing",
  "11/01/2026 09:15,agent.one,yes,1:02:03,,billing",
  "13/01/2026 08:00,agent.one,maybe,abc,,billing",
  "",
].join("\r\n");

const CALLS_MAPPING = {
  eventType: "call",
  columns: { occurredAt: "Start", agent: "Agent", answered: "Answered", talkSeconds: "Talk time", holdSeconds: "Hold", queue: "Queue" },
  constants: { channel: "voice" },
  dateFormat: "MM/dd/yyyy HH:mm",
  timeZone: "America/New_York",
  duration: "hms",
};

async function callsXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Export");
  ws.addRow(["Call ID", "Start", "Agent", "Answered", "Talk"]);
  // Excel stores wall-clock times and durations as fractions of a day; exceljs reads them back as Dates
  ws.addRow(["x-1", new Date(Date.UTC(2026, 9, 31, 23, 30)), "agent.one", true, 245 / 86_400]);
  ws.addRow(["x-2", new Date(Date.UTC(2026, 10, 1, 8, 0)), "agent.one", false, null]);
  ws.addRow(["x-3", "not a date", "agent.one", true, 0.5]);
  for (const r of [2, 3, 4]) {
    ws.getRow(r).getCell(2).numFmt = "mm/dd/yyyy hh:mm";
    ws.getRow(r).getCell(5).numFmt = "[h]:mm:ss";
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`npx podium import, through the binary (${mode})`, () => {
  let server: TestDatabase | undefined;
  let dataDir: string;
  let env: { DATABASE_URL?: string; PODIUM_DATA_DIR: string };
  let orgId: string;
  let files: string;

  beforeAll(async () => {
    dataDir = tempDir();
    files = tempDir();
    if (serverUrl) server = await createTestDatabase();
    env = { DATABASE_URL: server?.url, PODIUM_DATA_DIR: dataDir };
    const org = await cli(["org", "create", "--name", "Import Org", "--timezone", "Asia/Kuala_Lumpur", "--json"], env);
    expect(org.stderr).toBe("");
    orgId = (JSON.parse(org.stdout) as { id: string }).id;
    fs.writeFileSync(path.join(files, "calls.csv"), CALLS_CSV);
    fs.writeFileSync(path.join(files, "calls.json"), JSON.stringify(CALLS_MAPPING));
    fs.writeFileSync(path.join(files, "calls.xlsx"), await callsXlsx());
    fs.writeFileSync(path.join(files, "xlsx.json"), JSON.stringify({ columns: { id: "Call ID", occurredAt: "Start", agent: "Agent", answered: "Answered", talkSeconds: "Talk" } }));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  const inspect = <T>(fn: (db: Db) => Promise<T>) => inspectCliDatabase(server, dataDir, fn);

  const snapshot = () =>
    inspect(async (db) => {
      await foldPendingRollups(db, orgId); // rollups as a KPI read sees them
      return {
        events: await db.select({ id: events.id, payload: events.payload }).from(events).where(eq(events.orgId, orgId)).orderBy(asc(events.id)),
        rollups: await db.select().from(kpiDaily).where(eq(kpiDaily.orgId, orgId)).orderBy(asc(kpiDaily.day), asc(kpiDaily.agentRef), asc(kpiDaily.queue)),
      };
    });

  it(
    "imports a CSV, reports the rejected row by line, and changes nothing when the same file is imported again",
    async () => {
      const report = path.join(files, "report.csv");
      const args = ["import", path.join(files, "calls.csv"), "--org", orgId, "--type", "call", "--mapping", path.join(files, "calls.json")];
      const first = await cli([...args, "--report", report, "--json"], env);
      expect(first.code).toBe(1); // a row was rejected
      expect(first.stderr).toBe("error: 1 of 5 rows were rejected; the others were imported\n");
      expect(JSON.parse(first.stdout)).toEqual({
        file: "calls.csv",
        rows: 5,
        accepted: 4,
        duplicates: 0,
        rejected: [
          {
            line: 6,
            id: null,
            errors: [
              'column "Start" (occurredAt): "13/01/2026 08:00" does not match the date format MM/dd/yyyy HH:mm',
              'column "Answered" (answered): "maybe" is not a yes/no value (use yes/no, true/false, y/n or 1/0)',
              'column "Talk time" (talkSeconds): "abc" is not a duration as h:mm:ss (e.g. 0:01:35)',
            ],
          },
        ],
      });
      expect(fs.readFileSync(report, "utf8").split("\r\n")).toEqual([
        "line,id,column,field,error",
        '6,,Start,occurredAt,"""13/01/2026 08:00"" does not match the date format MM/dd/yyyy HH:mm"',
        '6,,Answered,answered,"""maybe"" is not a yes/no value (use yes/no, true/false, y/n or 1/0)"',
        '6,,Talk time,talkSeconds,"""abc"" is not a duration as h:mm:ss (e.g. 0:01:35)"',
      ]);

      const before = await snapshot();
      expect(before.events).toHaveLength(4);
      const byTime = new Map(before.events.map((e) => [e.payload.occurredAt, e.payload]));
      expect(byTime.get("2026-10-31T23:30:00-04:00")).toMatchObject({ type: "call", agent: "agent.one", answered: true, talkSeconds: 245, holdSeconds: 10, channel: "voice", queue: "billing" });
      expect(byTime.get("2026-11-01T08:00:00-05:00")).toMatchObject({ answered: false, talkSeconds: null, holdSeconds: null });
      // the two identical rows are two events with ids derived from the row and its copy number
      const twins = before.events.filter((e) => e.payload.occurredAt === "2026-11-01T09:15:00-05:00").map((e) => e.id);
      expect(twins).toHaveLength(2);
      expect(twins.every((id) => /^import:[0-9a-f]{64}(:2)?$/.test(id))).toBe(true);
      expect(before.rollups.length).toBeGreaterThan(0);

      const again = await cli(args, env);
      expect(again.code).toBe(1);
      expect(again.stdout).toContain("accepted    0\nduplicates  4\nrejected    1\n");
      expect(again.stdout).toContain('  line 6: column "Talk time" (talkSeconds): "abc" is not a duration as h:mm:ss (e.g. 0:01:35)\n');
      expect(await snapshot()).toEqual(before);
    },
    180_000,
  );

  it(
    "imports XLSX date cells in the mapping's time zone (the organization's by default) and time cells as durations",
    async () => {
      const run = await cli(["import", path.join(files, "calls.xlsx"), "--org", orgId, "--type", "call", "--mapping", path.join(files, "xlsx.json")], env);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('file        calls.xlsx (xlsx, sheet "Export", 3 rows of call events; times without offset in Asia/Kuala_Lumpur');
      expect(run.stdout).toContain("accepted    2\n");
      expect(run.stdout).toContain('  line 4: column "Start" (occurredAt): "not a date" has no UTC offset: choose the date format of this column\n');
      const stored = await inspect((db) =>
        db.select({ id: events.id, payload: events.payload }).from(events).where(and(eq(events.orgId, orgId), eq(events.source, "import"))).orderBy(asc(events.id)),
      );
      expect(stored.filter((e) => e.id.startsWith("x-")).map((e) => e.payload)).toMatchObject([
        { id: "x-1", occurredAt: "2026-10-31T23:30:00+08:00", answered: true, talkSeconds: 245 },
        { id: "x-2", occurredAt: "2026-11-01T08:00:00+08:00", answered: false, talkSeconds: null },
      ]);
    },
    120_000,
  );

  it(
    "refuses a mapping that does not fit the file, without importing anything",
    async () => {
      const before = await snapshot();
      const bad = path.join(files, "bad.json");
      fs.writeFileSync(bad, JSON.stringify({ ...CALLS_MAPPING, columns: { ...CALLS_MAPPING.columns, talkSeconds: "Talk" }, duration: "minutes" }));
      const file = path.join(files, "calls.csv");
      const invalid = await cli(["import", file, "--org", orgId, "--type", "call", "--mapping", bad], env);
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toBe("error: mapping.duration: must be one of seconds, hms, h.mm.ss, dayfraction\n");

      fs.writeFileSync(bad, JSON.stringify({ ...CALLS_MAPPING, columns: { ...CALLS_MAPPING.columns, talkSeconds: "Talk" } }));
      const missing = await cli(["import", file, "--org", orgId, "--type", "call", "--mapping", bad], env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('error: mapping.columns.talkSeconds: column "Talk" is not in the file (its columns: "Start", "Agent"');

      const otherType = await cli(["import", file, "--org", orgId, "--type", "ticket", "--mapping", path.join(files, "calls.json")], env);
      expect(otherType.stderr).toBe("error: mapping.eventType: the mapping is for call events, but --type is ticket\n");

      fs.writeFileSync(bad, "{ not json");
      const notJson = await cli(["import", file, "--org", orgId, "--type", "call", "--mapping", bad], env);
      expect(notJson.code).toBe(1);
      expect(notJson.stderr).toMatch(/^error: mapping: .*bad\.json is not valid JSON/);

      const noMapping = await cli(["import", file, "--org", orgId, "--type", "call"], env);
      expect(noMapping.code).toBe(2);
      expect(noMapping.stderr).toContain("error: missing required option --mapping");
      expect(await snapshot()).toEqual(before);
    },
    180_000,
  );
});

describe(`importRows, chunk by chunk as the import page sends a file (${mode})`, () => {
  let database: TestDatabase;
  let org: TestOrg;
  beforeAll(async () => {
    database = await createTestDatabase();
    org = await makeOrg(database.db, "Import ops");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("numbers identical rows across chunks, so a re-import of the same file is all duplicates", async () => {
    const lines = ["Start,Agent,Answered"];
    for (let i = 0; i < 7; i++) lines.push(`2026-01-05T10:00:00+08:00,${org.users.agent.externalId},yes`); // seven identical calls
    lines.push("2026-01-05T11:00:00+08:00,,no");
    const parsed = parseCsv(lines.join("\n"), { maxRows: 100 });
    const mapping = { eventType: "call" as const, columns: { occurredAt: "Start", agent: "Agent", answered: "Answered" } };
    const rows = withOccurrences("call", parsed.headers, parsed.rows);
    const chunks = chunkRows(rows, { maxRows: 3, maxBytes: 1_000_000 });
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 2]);
    const ctx = { db: database.db, actor: org.actors.admin };
    const send = async () => {
      const totals = { accepted: 0, duplicates: 0, rejected: 0 };
      for (const chunk of chunks) {
        const r = await importRows(ctx, { mapping, headers: parsed.headers, rows: chunk, fileName: "calls.csv" });
        totals.accepted += r.accepted;
        totals.duplicates += r.duplicates;
        totals.rejected += r.rejected.length;
      }
      return totals;
    };
    const auditBefore = await auditCount(database.db, org.org.id, "events.import");
    expect(await send()).toEqual({ accepted: 8, duplicates: 0, rejected: 0 });
    const stored = await database.db.select({ n: count() }).from(events).where(eq(events.orgId, org.org.id));
    expect(Number(stored[0]?.n)).toBe(8);
    await foldPendingRollups(database.db, org.org.id);
    const rollups = await database.db.select().from(kpiDaily).where(eq(kpiDaily.orgId, org.org.id)).orderBy(asc(kpiDaily.agentRef));
    expect(await send()).toEqual({ accepted: 0, duplicates: 8, rejected: 0 });
    expect(await foldPendingRollups(database.db, org.org.id)).toBe(0); // duplicates queue nothing
    expect(await database.db.select().from(kpiDaily).where(eq(kpiDaily.orgId, org.org.id)).orderBy(asc(kpiDaily.agentRef))).toEqual(rollups);
    expect(await auditCount(database.db, org.org.id, "events.import")).toBe(auditBefore + 6); // one per call
  });

  it("answers malformed input with a ValidationError naming the field, never a crash", async () => {
    const ctx = { db: database.db, actor: org.actors.admin };
    const attempts: [unknown, string][] = [
      [null, ""], // not even an object: the input as a whole
      [{ mapping: { eventType: "call", columns: {} }, headers: ["A"], rows: [{ line: 2, cells: ["x"] }] }, "mapping.columns.occurredAt"],
      [{ mapping: { eventType: "metric", columns: { occurredAt: "A", metric: "B", value: "C" } }, headers: ["A", "B", "C"], rows: [{ line: 0, cells: [1] }] }, "rows[0].line"],
      [{ mapping: { eventType: "metric", columns: { occurredAt: "A", metric: "B", value: "Z" } }, headers: ["A", "B", "C"], rows: [{ line: 2, cells: [] }] }, "mapping.columns.value"],
      [{ mapping: { eventType: "metric", columns: { occurredAt: "A", metric: "B", value: "C" } }, headers: ["A", "A", "C"], rows: [{ line: 2, cells: [] }] }, "headers"],
    ];
    for (const [input, path] of attempts) {
      const err = await importRows(ctx, input as never).catch((e: unknown) => e);
      expect(err, JSON.stringify(input)).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues.map((i) => i.path)).toContain(path);
    }
  });

  it("reports every row that fails, stores the others, and refuses people without events.write", async () => {
    const ctx = { db: database.db, actor: org.actors.admin };
    const mapping = { eventType: "survey" as const, columns: { id: "ID", occurredAt: "When", score: "Score" }, constants: { survey: "csat" } };
    const r = await importRows(ctx, {
      mapping,
      headers: ["ID", "When", "Score"],
      rows: [
        { line: 2, cells: ["s-1", "2026-01-05T10:00:00Z", "5"] },
        { line: 3, cells: ["s-2", "2026-01-05T10:00:00Z", "6"] },
        { line: 4, cells: ["s-3", null, "4"] },
      ],
    });
    expect(r).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { line: 3, id: "s-2", issues: [{ field: "score", column: "Score", message: "must be between 1 and 5" }] },
        { line: 4, id: "s-3", issues: [{ field: "occurredAt", column: "When", message: "is required (ISO-8601 with offset)" }] },
      ],
    });
    for (const who of ["agent", "manager", "hr"] as const) {
      await expect(importRows({ db: database.db, actor: org.actors[who] }, { mapping, headers: ["ID", "When", "Score"], rows: [{ line: 2, cells: ["s-9", "2026-01-05T10:00:00Z", "5"] }] })).rejects.toThrow(
        "Not allowed: events.write",
      );
    }
    // the operator names the organization
    await expect(importRows({ db: database.db, actor: system }, { mapping, headers: ["ID", "When", "Score"], rows: [{ line: 2, cells: ["s-4", "2026-01-05T10:00:00Z", "4"] }] }, { orgId: org.org.id })).resolves.toMatchObject({ accepted: 1 });
  });
});
