import { describe, expect, it } from "vitest";
import { formatIssue, mapRow } from "./map-row";
import { importMappingSchema, prepareMapping, type ImportMappingInput, type PreparedMapping } from "./mapping";
import { occurrences, rowContentKey } from "./row-key";
import type { ImportCell } from "./values";

const HEADERS = ["Call ID", "Start", "Agent", "Answered", "Talk", "Hold", "Queue"];
const CALLS: ImportMappingInput = {
  eventType: "call",
  columns: { id: "Call ID", occurredAt: "Start", agent: "Agent", answered: "Answered", talkSeconds: "Talk", holdSeconds: "Hold", queue: "Queue" },
  constants: { channel: "voice" },
  dateFormat: "MM/dd/yyyy HH:mm",
  timeZone: "America/New_York",
  duration: "hms",
};

function prepared(input: ImportMappingInput = CALLS, headers = HEADERS): PreparedMapping {
  const result = prepareMapping(importMappingSchema.parse(input), headers, { timeZone: "UTC" });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.prepared;
}

const issuesOf = (cells: ImportCell[], mapping = prepared()) => {
  const r = mapRow(mapping, cells, "derived");
  return r.ok ? [] : r.issues.map(formatIssue);
};

describe("mapRow", () => {
  it("turns a row into a canonical call: month-first date in the time zone, h:mm:ss durations, constants", () => {
    const r = mapRow(prepared(), ["c-1", "10/31/2026 23:30", "a.tan@example.com", "yes", "0:04:05", "", " billing "], "derived");
    expect(r).toEqual({
      ok: true,
      event: {
        id: "c-1",
        type: "call",
        occurredAt: "2026-10-31T23:30:00-04:00",
        agent: "a.tan@example.com",
        queue: "billing",
        channel: "voice",
        answered: true,
        resolved: null,
        firstContactResolved: null,
        waitSeconds: null,
        talkSeconds: 245,
        holdSeconds: null, // blank is unknown, never 0
        wrapSeconds: null,
      },
    });
  });

  it("uses the derived id when no id column is mapped", () => {
    const { id: _id, ...columns } = CALLS.columns!;
    const r = mapRow(prepared({ ...CALLS, columns }), ["ignored", "10/31/2026 23:30", "", "no", "", "", ""], "import:abc");
    expect(r.ok && r.event).toMatchObject({ id: "import:abc", agent: null, answered: false, talkSeconds: null });
  });

  it("reports every problem of a row with its column, field and reason", () => {
    expect(issuesOf(["c-2", "31/10/2026 23:30", "x", "perhaps", "4:05", "-0:00:10", "q"])).toEqual([
      'column "Start" (occurredAt): "31/10/2026 23:30" does not match the date format MM/dd/yyyy HH:mm',
      'column "Answered" (answered): "perhaps" is not a yes/no value (use yes/no, true/false, y/n or 1/0)',
      'column "Talk" (talkSeconds): "4:05" is not a duration as h:mm:ss (e.g. 0:01:35)',
      'column "Hold" (holdSeconds): must not be negative',
    ]);
  });

  it("reports a blank required cell and a blank id", () => {
    expect(issuesOf(["", "10/31/2026 23:30", "x", "", "", "", ""])).toEqual([
      'column "Call ID" (id): is required',
      'column "Answered" (answered): is required (true or false)',
    ]);
  });

  it("reads day-first files with a day-first format and spreadsheet fractions of a day", () => {
    const m = prepared({ ...CALLS, dateFormat: "dd/MM/yyyy HH:mm", duration: "dayfraction", timeZone: "Europe/London" });
    const r = mapRow(m, ["c-3", "01/11/2026 09:00", "x", "1", "0.5", "0.25", ""], "derived");
    expect(r.ok && r.event).toMatchObject({ occurredAt: "2026-11-01T09:00:00+00:00", talkSeconds: 43_200, holdSeconds: 21_600 });
  });

  it("reads h.mm.ss durations", () => {
    const r = mapRow(prepared({ ...CALLS, duration: "h.mm.ss" }), ["c-4", "10/31/2026 23:30", "x", "y", "1.02.03", "0.00.30", ""], "derived");
    expect(r.ok && r.event).toMatchObject({ talkSeconds: 3723, holdSeconds: 30 });
  });

  it("maps surveys with a custom scale and checks the score against it", () => {
    const m = prepared(
      { eventType: "survey", columns: { id: "ID", occurredAt: "When", score: "Score", scaleMax: "Out of" }, constants: { survey: "CSAT", scaleMin: 1 } },
      ["ID", "When", "Score", "Out of"],
    );
    const r = mapRow(m, ["s-1", "2026-10-31T10:00:00Z", "9", "10"], "derived");
    expect(r.ok && r.event).toMatchObject({ survey: "csat", score: 9, scale: { min: 1, max: 10 } });
    expect(issuesOf(["s-2", "2026-10-31T10:00:00Z", "11", "10"], m)).toEqual(['column "Score" (score): must be between 1 and 10']);
    expect(issuesOf(["s-3", "2026-10-31T10:00:00Z", "4", ""], m)).toEqual(['column "Out of" (scaleMax): is required when the other end of the scale is given']);
  });

  it("reads integers and ISO timestamps of tickets", () => {
    const m = prepared(
      { eventType: "ticket", columns: { id: "ID", occurredAt: "Created", createdAt: "Created", solvedAt: "Solved", replies: "Replies" }, dateFormat: "yyyy-MM-dd HH:mm", timeZone: "Asia/Kuala_Lumpur" },
      ["ID", "Created", "Solved", "Replies"],
    );
    const r = mapRow(m, ["t-1", "2026-10-31 09:00", "2026-10-31T05:00:00Z", "3"], "derived");
    expect(r.ok && r.event).toMatchObject({ createdAt: "2026-10-31T09:00:00+08:00", solvedAt: "2026-10-31T05:00:00Z", replies: 3 });
    expect(issuesOf(["t-2", "2026-10-31 09:00", "", "2.5"], m)).toEqual(['column "Replies" (replies): "2.5" is not a whole number']);
  });
});

describe("importMappingSchema and prepareMapping", () => {
  const problems = (input: unknown) => {
    const r = importMappingSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("defaults the version and the duration format, and canonicalizes the time zone", () => {
    const m = importMappingSchema.parse({ eventType: "metric", columns: { occurredAt: "Day", metric: "Key", value: "Value" }, timeZone: "asia/kuala_lumpur" });
    expect(m).toMatchObject({ version: 1, duration: "seconds", timeZone: "Asia/Kuala_Lumpur", constants: {} });
  });

  it("names what is wrong", () => {
    expect(problems({ eventType: "chat" })).toEqual(["eventType: must be one of call, ticket, survey, qa_review, metric"]);
    expect(problems({ ...CALLS, columns: { ...CALLS.columns, talk_seconds: "Talk" } })).toEqual([
      "columns.talk_seconds: is not a field of call events (fields: id, occurredAt, agent, queue, channel, answered, resolved, firstContactResolved, waitSeconds, talkSeconds, holdSeconds, wrapSeconds)",
    ]);
    expect(problems({ ...CALLS, columns: { id: "Call ID", channel: "Channel" }, constants: { id: "x", channel: "voice" } })).toEqual([
      "constants.id: cannot be a constant: every row would be the same event",
      "constants.channel: has a column too: give a column or a constant, not both",
      "columns.occurredAt: is required: map a column to it",
      "columns.answered: is required: map a column to it",
    ]);
    expect(problems({ ...CALLS, dateFormat: "MM/dd HH:mm", timeZone: "Mars/Olympus", duration: "minutes" })).toEqual([
      "dateFormat: must contain the year (yyyy, or yy for two digits)",
      "timeZone: must be an IANA time zone such as Asia/Kuala_Lumpur",
      "duration: must be one of seconds, hms, h.mm.ss, dayfraction",
    ]);
    expect(problems({ ...CALLS, extra: 1 })).toHaveLength(1);
  });

  it("refuses a mapping naming a column the file does not have, and matches headers ignoring case", () => {
    const m = importMappingSchema.parse(CALLS);
    const missing = prepareMapping(m, ["Call ID", "Start"], { timeZone: "UTC" });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues[0]).toEqual({ path: "columns.agent", message: 'column "Agent" is not in the file (its columns: "Call ID", "Start")' });
    const folded = prepareMapping(m, HEADERS.map((h) => h.toUpperCase()), { timeZone: "UTC" });
    expect(folded.ok).toBe(true);
  });

  it("falls back to the organization's time zone", () => {
    const { timeZone: _tz, ...rest } = CALLS;
    const r = prepareMapping(importMappingSchema.parse(rest), HEADERS, { timeZone: "Asia/Kuala_Lumpur" });
    expect(r.ok && r.prepared.timeZone).toBe("Asia/Kuala_Lumpur");
  });
});

describe("row identity", () => {
  it("ignores column order and blank cells, and numbers identical rows", () => {
    const a = rowContentKey("call", ["A", "B", "C"], ["1", " x ", ""]);
    const b = rowContentKey("call", ["B", "A", "C"], ["x", "1", null]);
    expect(a).toBe(b);
    expect(rowContentKey("ticket", ["A", "B", "C"], ["1", "x", ""])).not.toBe(a);
    expect(occurrences([a, "other", a, a])).toEqual([1, 1, 2, 3]);
  });
});
