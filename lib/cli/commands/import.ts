import fs from "node:fs";
import path from "node:path";
import { findOrganization } from "@/db/queries/orgs";
import { EVENT_TYPES, type EventType } from "@/lib/domain/events";
import { formatIssue, type RejectedRow } from "@/lib/domain/import/map-row";
import { importMappingSchema, prepareMapping, type ImportMapping } from "@/lib/domain/import/mapping";
import { ValidationError } from "@/lib/errors";
import { chunkRows, withOccurrences } from "@/lib/import/chunks";
import { ImportFileError, parseImportFile, type ParsedFile } from "@/lib/import/parse-file";
import { rejectedRowsCsv } from "@/lib/import/report";
import { importRows } from "@/lib/server/import-rows";
import { parseInput } from "@/lib/validation";
import { parseCommandLine, required } from "../args";
import type { Command } from "../command";
import { cliActor, withDatabase } from "../database";
import { EXIT_FAILED, EXIT_OK, UsageError } from "../errors";
import { parseOrgId, requireOrganization } from "../org";

const usage = `Usage: npx podium import <file> --org <id> --type <type> --mapping <mapping.json> [options]

Imports a CSV or XLSX file (first worksheet) as canonical events, exactly as the import page does. Rows already
imported are duplicates and change nothing, so a file can be imported again safely.

Options:
  --org <id>            organization id
  --type <type>         ${EVENT_TYPES.join(", ")}
  --mapping <file>      the column mapping, as JSON (below); the import page saves and downloads the same JSON
  --report <file.csv>   also write the rejected rows (line, id, column, field, error) as CSV
  --json                print {"file","rows","accepted","duplicates","rejected":[{"line","id","errors"}]}

Mapping JSON:
  {
    "eventType": "call",
    "columns": { "id": "Call ID", "occurredAt": "Start", "agent": "Agent", "answered": "Answered",
                 "talkSeconds": "Talk time" },
    "constants": { "channel": "voice" },
    "dateFormat": "MM/dd/yyyy HH:mm",
    "timeZone": "America/New_York",
    "duration": "hms"
  }
  columns     canonical field → column header (SPEC §3.1 fields of the type); blank cells are null
  constants   a value for a field on every row, read like a cell
  dateFormat  date-fns tokens, e.g. MM/dd/yyyy HH:mm (month first) or dd/MM/yyyy HH:mm (day first); never guessed.
              Values with a UTC offset (2026-10-31T23:30:00+08:00) keep it; XLSX date cells need no format.
  timeZone    IANA zone for times without an offset (default: the organization's)
  duration    seconds | hms (h:mm:ss) | h.mm.ss | dayfraction (0.5 = 12 hours); default seconds
  eventType   optional here: --type decides, and must agree with it when given
Without an "id" column, each row's id is derived from its content.

Exit status: 0 every row imported or already there; 1 some rows rejected (the others are imported) or the file or
mapping cannot be used; 2 the command line is wrong.`;

const options = {
  org: { type: "string" },
  type: { type: "string" },
  mapping: { type: "string" },
  report: { type: "string" },
  json: { type: "boolean" },
} as const;

/** Rows per call: one ingestion batch each (at most 5,000). */
const CHUNK_ROWS = 2_000;
/** The CLI takes larger files than the page (which reads them in the browser). */
const MAX_ROWS = 1_000_000;
const PRINTED_REJECTIONS = 50;

const fail = (path: string, message: string) => new ValidationError(`${path}: ${message}`, [{ path, message }]);

function readMapping(file: string, type: EventType): ImportMapping {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw fail("mapping", `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw fail("mapping", `${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw fail("mapping", `${file} must hold a JSON object`);
  const given = (json as { eventType?: unknown }).eventType;
  if (given !== undefined && given !== type) throw fail("mapping.eventType", `the mapping is for ${String(given)} events, but --type is ${type}`);
  return parseInput(importMappingSchema, { ...json, eventType: type }, "mapping");
}

async function readFile(file: string): Promise<ParsedFile> {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw fail("file", `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return await parseImportFile(file, bytes, { maxRows: MAX_ROWS });
  } catch (err) {
    if (err instanceof ImportFileError) throw fail("file", err.message);
    throw err;
  }
}

export const importCommand: Command = {
  name: "import",
  summary: "import a CSV or XLSX file of events with a column mapping",
  usage,
  async run(args, { io, database }) {
    const { values, positionals } = parseCommandLine(args, options, usage);
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one file, got ${positionals.length}` : "missing the file to import", usage);
    const file = positionals[0]!;
    const orgId = parseOrgId(required(values.org, "--org", usage));
    const type = required(values.type, "--type", usage);
    if (!(EVENT_TYPES as readonly string[]).includes(type)) throw fail("type", `must be one of ${EVENT_TYPES.join(", ")}`);
    const mapping = readMapping(required(values.mapping, "--mapping", usage), type as EventType);
    const parsed = await readFile(file);
    // Columns the file lacks are reported before the database is opened (the time zone here is a placeholder).
    const check = prepareMapping(mapping, parsed.headers, { timeZone: "UTC" });
    if (!check.ok) {
      const issues = check.issues.map((i) => ({ path: `mapping.${i.path}`, message: i.message }));
      throw new ValidationError(`${issues[0]!.path}: ${issues[0]!.message}`, issues);
    }

    const rows = withOccurrences(mapping.eventType, parsed.headers, parsed.rows);
    const totals = { accepted: 0, duplicates: 0, rejected: [] as RejectedRow[] };
    let zone = mapping.timeZone ? `${mapping.timeZone} (from the mapping)` : "";
    await withDatabase(database, async ({ db }) => {
      await requireOrganization(db, orgId);
      zone ||= `${(await findOrganization(db, orgId))?.timezone} (the organization's)`;
      for (const chunk of chunkRows(rows, { maxRows: CHUNK_ROWS, maxBytes: Number.POSITIVE_INFINITY })) {
        const r = await importRows({ db, actor: cliActor }, { mapping, headers: parsed.headers, rows: chunk, fileName: path.basename(file) }, { orgId });
        totals.accepted += r.accepted;
        totals.duplicates += r.duplicates;
        totals.rejected.push(...r.rejected);
      }
    });
    if (values.report) fs.writeFileSync(values.report, rejectedRowsCsv(totals.rejected));

    const rejected = totals.rejected.map((r) => ({ line: r.line, id: r.id, errors: r.issues.map(formatIssue) }));
    if (values.json) {
      io.stdout(JSON.stringify({ file: path.basename(file), rows: rows.length, accepted: totals.accepted, duplicates: totals.duplicates, rejected }));
    } else {
      io.stdout(`file        ${path.basename(file)} (${parsed.format}${parsed.sheet ? `, sheet "${parsed.sheet}"` : ""}, ${rows.length} rows of ${mapping.eventType} events; times without offset in ${zone})`);
      io.stdout(`accepted    ${totals.accepted}`);
      io.stdout(`duplicates  ${totals.duplicates}`);
      io.stdout(`rejected    ${rejected.length}`);
      for (const r of rejected.slice(0, PRINTED_REJECTIONS)) {
        for (const e of r.errors) io.stdout(`  line ${r.line}: ${e}`);
      }
      if (rejected.length > PRINTED_REJECTIONS) io.stdout(`  … and ${rejected.length - PRINTED_REJECTIONS} more rows${values.report ? "" : " (--report writes them all)"}`);
    }
    if (rejected.length === 0) return EXIT_OK;
    io.stderr(`error: ${rejected.length} of ${rows.length} rows were rejected; the others were imported`);
    return EXIT_FAILED;
  },
};
