import { EXPORT_COLUMNS } from "@/lib/domain/money/export";
import { PAYOUT_RUN_STATES } from "@/lib/domain/money/payout-states";
import { errorResponse, keyed } from "./openapi-parts";

/** The period close and payout run paths of the OpenAPI document (SPEC §6 and §10). */
const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const idParam = { name: "id", in: "path", required: true, description: "The payout run's id", schema: { type: "string", format: "uuid" } };
const day = { type: "string", format: "date" };
const nullable = (type: string, extra: object = {}) => ({ type: [type, "null"], ...extra });
const AWARD_TYPES = ["points", "leave", "cash", "badge", "reward"];

export const payoutSchemas = {
  ClosePeriod: {
    type: "object",
    description: "An inclusive day range in the organization's time zone, at most 366 days, that has ended (`to` before today).",
    required: ["from", "to"],
    additionalProperties: false,
    properties: { from: day, to: day },
  },
  PayoutLine: {
    type: "object",
    description:
      "One line per agent × campaign × award type × currency of a period (`award`), or a correction of an earlier period's line (`adjustment`: late events, an accepted dispute). `amount` is points, leave minutes or cash minor units (1 for a badge or reward).",
    required: ["id", "runId", "periodId", "lineType", "agentId", "campaignName", "awardType", "amount", "status"],
    properties: {
      id: { type: "string", format: "uuid" },
      runId: nullable("string", { format: "uuid" }),
      periodId: { type: "string", format: "uuid", description: "The period the line is for; for an adjustment, the period it corrects" },
      periodFrom: day,
      periodTo: day,
      lineType: { enum: ["award", "adjustment"] },
      agentId: { type: "string" },
      agentName: { type: "string" },
      agentEmail: { type: "string", format: "email" },
      employeeId: nullable("string", { description: "The agent's external id" }),
      campaignId: nullable("string", { format: "uuid" }),
      campaignName: { type: "string" },
      campaignVersion: nullable("integer", { description: "The rule version the line was evaluated with" }),
      awardType: { enum: AWARD_TYPES },
      amount: { type: "integer" },
      currency: nullable("string", { description: "ISO 4217, for cash lines" }),
      label: nullable("string", { description: "The badge name or reward id of a badge or reward award" }),
      status: { enum: ["pending", "approved", "rejected"] },
      approval: { enum: ["auto", "manager", "hr"] },
      teamIds: { type: "array", items: { type: "string", format: "uuid" } },
      explanation: { type: ["object", "null"], description: "Values and n used, thresholds, tiers or rank, gates, caps and budget effects: enough to recompute the award" },
      reason: nullable("string", { description: "Why an adjustment was made" }),
      correctsLineId: nullable("string", { format: "uuid" }),
      ledgerEntryId: nullable("string", { format: "uuid", description: "The ledger entry of an approved line (badges and rewards have none)" }),
      decidedBy: nullable("string"),
      decidedAt: nullable("string", { format: "date-time" }),
      createdAt: { type: "string", format: "date-time" },
    },
  },
  Dispute: {
    type: "object",
    description: "An agent's objection to one of their lines (open → accepted | rejected); an accepted dispute adds an adjustment line.",
    required: ["id", "lineId", "agentId", "state", "comment", "createdAt"],
    properties: {
      id: { type: "string", format: "uuid" },
      lineId: { type: "string", format: "uuid" },
      agentId: { type: "string" },
      state: { enum: ["open", "accepted", "rejected"] },
      comment: { type: "string" },
      resolution: nullable("string"),
      adjustmentLineId: nullable("string", { format: "uuid" }),
      resolvedBy: nullable("string"),
      createdAt: { type: "string", format: "date-time" },
      resolvedAt: nullable("string", { format: "date-time" }),
      line: ref("PayoutLine"),
    },
  },
  PayoutRun: {
    type: "object",
    required: ["id", "state", "period", "totals", "pending", "openDisputes", "lines", "lineCount", "disputes"],
    properties: {
      id: { type: "string", format: "uuid" },
      state: { enum: [...PAYOUT_RUN_STATES] },
      period: {
        type: "object",
        properties: { id: { type: "string", format: "uuid" }, from: day, to: day, closedAt: nullable("string", { format: "date-time" }), closedBy: { type: "string" } },
      },
      totals: {
        type: "array",
        description: "Sum and number of lines per line type × award type × currency × status",
        items: {
          type: "object",
          properties: {
            lineType: { enum: ["award", "adjustment"] },
            awardType: { enum: AWARD_TYPES },
            currency: nullable("string"),
            status: { enum: ["pending", "approved", "rejected"] },
            amount: { type: "integer" },
            lines: { type: "integer" },
          },
        },
      },
      pending: { type: "integer", description: "Lines waiting for approval: the run cannot be approved until it is 0" },
      openDisputes: { type: "integer", description: "Open disputes on the run's lines: the run cannot be approved until it is 0" },
      lines: { type: "array", items: ref("PayoutLine"), description: "The page of lines asked for (limit, offset), in export order" },
      lineCount: { type: "integer", description: "Lines matching the filter" },
      disputes: { type: "array", items: ref("Dispute") },
    },
  },
  PayoutRunState: {
    type: "object",
    required: ["id", "state"],
    properties: { id: { type: "string", format: "uuid" }, state: { enum: [...PAYOUT_RUN_STATES] } },
  },
};

export function payoutPaths() {
  const read = keyed("payouts:read");
  const write = keyed("payouts:write");
  const tooMany = { "429": errorResponse("Too many requests for this key; see Retry-After") };
  const unknownRun = { "404": errorResponse("No such payout run in the key's organization") };
  const step = (summary: string, description: string, conflict: string) => ({
    post: {
      summary,
      description,
      ...write,
      parameters: [idParam],
      responses: { "200": json(ref("PayoutRunState"), "The run's new state"), ...unknownRun, "409": errorResponse(conflict), ...tooMany, ...write.responses },
    },
  });
  const lineStep = (decision: "approve" | "reject") => ({
    post: {
      summary: decision === "approve" ? "Approve a pending line (writes its ledger entry)" : "Reject a pending line (it pays nothing)",
      description:
        "Lines of campaigns with an approval policy (manager or hr) are pending until decided; a run cannot be approved while any is. Only lines of a run in draft or review can be decided. Audited with who and when.",
      ...write,
      parameters: [idParam, { name: "lineId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      responses: {
        "200": json({ type: "object", required: ["id", "status"], properties: { id: { type: "string", format: "uuid" }, status: { enum: ["approved", "rejected"] } } }, "The line's new status"),
        "404": errorResponse("No such line in this run (or in this organization)"),
        "409": errorResponse("The line is already decided, or its run is approved"),
        ...tooMany,
        ...write.responses,
      },
    },
  });
  const columns = EXPORT_COLUMNS.join(",");
  const exportPath = (format: "csv" | "xlsx") => ({
    get: {
      summary: `The payroll file of a payout run (${format.toUpperCase()})`,
      description: `Approved lines only, one per agent × award type × currency, with the columns ${columns} (\`line_type\` = award or adjustment; an adjustment carries the period it corrects). Cells beginning with = + - @, tab or CR are neutralized against formula injection. The first export of an approved run marks it exported; exporting an exported or paid run again gives the same bytes. Every export is audited.`,
      ...read,
      parameters: [idParam],
      responses: {
        "200":
          format === "csv"
            ? { description: "UTF-8 CSV (RFC 4180) with a header row, as an attachment", content: { "text/csv; charset=utf-8": { schema: { type: "string" } } } }
            : {
                description: "An XLSX workbook with the same columns and rows, as an attachment",
                content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } },
              },
        ...unknownRun,
        "409": errorResponse("The run is not approved yet (draft or in review)"),
        ...tooMany,
        ...read.responses,
      },
    },
  });
  return {
    "/api/v1/periods/close": {
      post: {
        summary: "Close a pay period and create its payout run",
        description:
          "Freezes the rule version of every launched campaign with a period ending in the range, evaluates them and writes the payout run (draft) with its lines: approved at once (with their ledger entries) under the auto approval policy, pending otherwise. Closed periods that received late events get adjustment lines in this run. Awards are written once: a range overlapping a closed period is refused.",
        ...write,
        requestBody: { required: true, content: { "application/json": { schema: ref("ClosePeriod") } } },
        responses: {
          "201": json({ type: "object", required: ["periodId", "payoutRunId"], properties: { periodId: { type: "string", format: "uuid" }, payoutRunId: { type: "string", format: "uuid" } } }, "Closed"),
          "400": errorResponse("Not JSON, a bad date, `to` before `from`, more than 366 days, or a range that has not ended yet: `details.issues` names the field"),
          "409": errorResponse("The range overlaps a period that is closed or being closed"),
          "413": errorResponse("Body over 1 MiB"),
          ...tooMany,
          ...write.responses,
        },
      },
    },
    "/api/v1/payout-runs/{id}": {
      get: {
        summary: "A payout run: state, totals, what blocks approval, its lines and disputes",
        ...read,
        parameters: [
          idParam,
          { name: "status", in: "query", schema: { enum: ["pending", "approved", "rejected"] } },
          { name: "lineType", in: "query", schema: { enum: ["award", "adjustment"] } },
          { name: "awardType", in: "query", schema: { enum: AWARD_TYPES } },
          { name: "q", in: "query", description: "Lines whose agent name, agent email or campaign name contains this text", schema: { type: "string", maxLength: 120 } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 5000, default: 5000 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
        ],
        responses: { "200": json(ref("PayoutRun"), "The run"), "400": errorResponse("An unknown filter value"), ...unknownRun, ...tooMany, ...read.responses },
      },
    },
    "/api/v1/payout-runs/{id}/submit": step("Send a draft run for review (draft → in_review)", "Audited with who and when.", "The run is not a draft"),
    "/api/v1/payout-runs/{id}/approve": step(
      "Approve a run in review (in_review → approved)",
      "Every line must be approved or rejected and no dispute open on the run's lines. Audited with who and when.",
      "The run is not in review, lines still wait for approval, or disputes are open",
    ),
    "/api/v1/payout-runs/{id}/lines/{lineId}/approve": lineStep("approve"),
    "/api/v1/payout-runs/{id}/lines/{lineId}/reject": lineStep("reject"),
    "/api/v1/payout-runs/{id}/paid": step("Mark an exported run paid (exported → paid)", "Audited with who and when.", "The run has not been exported"),
    "/api/v1/payout-runs/{id}/export.csv": exportPath("csv"),
    "/api/v1/payout-runs/{id}/export.xlsx": exportPath("xlsx"),
  };
}
