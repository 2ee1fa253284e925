import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../client";
import {
  agentProfiles,
  disputes,
  payoutLines,
  payoutRuns,
  periods,
  users,
  type Dispute,
  type PayoutLine,
  type PayoutRun,
  type PayoutRunState,
  type Period,
} from "../schema";
import { jsonChunks, rowsOf } from "./rows";

/** Serializes closes within one organization (FOR NO KEY UPDATE: ingest's KEY SHARE locks are not blocked). */
export async function lockOrganizationCloses(q: Queryable, orgId: string): Promise<void> {
  await q.execute(sql`select id from organizations where id = ${orgId}::uuid for no key update`);
}

export async function overlappingPeriod(q: Queryable, orgId: string, from: string, to: string): Promise<Period | undefined> {
  const [row] = await q
    .select()
    .from(periods)
    .where(and(eq(periods.orgId, orgId), lte(periods.fromDay, to), gte(periods.toDay, from)))
    .orderBy(asc(periods.fromDay))
    .limit(1);
  return row;
}

export async function findPeriod(q: Queryable, orgId: string, id: string): Promise<Period | undefined> {
  const [row] = await q.select().from(periods).where(and(eq(periods.orgId, orgId), eq(periods.id, id)));
  return row;
}

/** Periods, newest first, with their run and the name of the person who closed it (null for keys and the CLI). */
export async function listPeriods(
  q: Queryable,
  orgId: string,
): Promise<Array<Period & { runId: string | null; runState: PayoutRunState | null; closedByName: string | null }>> {
  const rows = await q
    .select({ period: periods, runId: payoutRuns.id, runState: payoutRuns.state, closedByName: users.name })
    .from(periods)
    .leftJoin(payoutRuns, eq(payoutRuns.periodId, periods.id))
    .leftJoin(users, and(eq(users.id, periods.closedBy), eq(users.orgId, periods.orgId)))
    .where(eq(periods.orgId, orgId))
    .orderBy(desc(periods.fromDay));
  return rows.map((r) => ({ ...r.period, runId: r.runId, runState: r.runState, closedByName: r.closedByName }));
}

/** Closed periods that received late events since their adjustments were last computed. */
export async function periodsWithLateEvents(q: Queryable, orgId: string): Promise<Period[]> {
  return q
    .select()
    .from(periods)
    .where(
      and(
        eq(periods.orgId, orgId),
        eq(periods.state, "closed"),
        sql`exists (select 1 from events e where e.org_id = ${periods.orgId} and e.late and e.local_day between ${periods.fromDay} and ${periods.toDay}
          and e.received_at > coalesce(${periods.lateCheckedAt}, ${periods.startedAt}))`,
      ),
    )
    .orderBy(asc(periods.fromDay));
}

export async function findRun(q: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<(PayoutRun & { period: Period }) | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const base = q
    .select({ run: payoutRuns, period: periods })
    .from(payoutRuns)
    .innerJoin(periods, eq(periods.id, payoutRuns.periodId))
    .where(and(eq(payoutRuns.orgId, orgId), eq(payoutRuns.id, id)));
  const [row] = opts.forUpdate ? await base.for("update", { of: payoutRuns }) : await base;
  return row ? { ...row.run, period: row.period } : undefined;
}

export async function listRuns(q: Queryable, orgId: string): Promise<Array<PayoutRun & { period: Period }>> {
  const rows = await q
    .select({ run: payoutRuns, period: periods })
    .from(payoutRuns)
    .innerJoin(periods, eq(periods.id, payoutRuns.periodId))
    .where(eq(payoutRuns.orgId, orgId))
    .orderBy(desc(periods.fromDay));
  return rows.map((r) => ({ ...r.run, period: r.period }));
}

/**
 * Writes many lines in few statements: each chunk travels as one JSON parameter and is unpacked by the database (a
 * close writes up to hundreds of thousands; building a VALUES list per row costs more than the insert itself).
 */
export async function insertLines(q: Queryable, lines: ReadonlyArray<typeof payoutLines.$inferInsert & { id: string }>): Promise<void> {
  for (const json of jsonChunks(lines, 5_000)) {
    await q.execute(sql`
      insert into payout_lines (id, org_id, run_id, period_id, line_type, agent_id, campaign_id, campaign_name, campaign_version, award_type, amount,
        currency, label, status, approval, team_ids, explanation, reason, corrects_line_id, ledger_entry_id, decided_by, decided_at, created_at)
      select r.id, r."orgId", r."runId", r."periodId", r."lineType", r."agentId", r."campaignId", r."campaignName", r."campaignVersion", r."awardType",
        r.amount, r.currency, r.label, r.status, r.approval, coalesce(r."teamIds", '{}'), r.explanation, r.reason, r."correctsLineId", r."ledgerEntryId",
        r."decidedBy", r."decidedAt", coalesce(r."createdAt", now())
      from jsonb_to_recordset(${json}::jsonb) as r(id uuid, "orgId" uuid, "runId" uuid, "periodId" uuid, "lineType" text, "agentId" text, "campaignId" uuid,
        "campaignName" text, "campaignVersion" int, "awardType" text, amount bigint, currency text, label text, status text, approval text, "teamIds" uuid[],
        explanation jsonb, reason text, "correctsLineId" uuid, "ledgerEntryId" uuid, "decidedBy" text, "decidedAt" timestamptz, "createdAt" timestamptz)`);
  }
}

/** Every line ever written for a period (awards and their adjustments, whatever their status). */
export async function linesOfPeriod(q: Queryable, periodId: string): Promise<PayoutLine[]> {
  return q.select().from(payoutLines).where(eq(payoutLines.periodId, periodId));
}

/** Adjustments waiting for a payout run join `runId`. */
export async function attachWaitingLines(q: Queryable, orgId: string, runId: string): Promise<number> {
  const rows = await q
    .update(payoutLines)
    .set({ runId })
    .where(and(eq(payoutLines.orgId, orgId), isNull(payoutLines.runId)))
    .returning({ id: payoutLines.id });
  return rows.length;
}

export async function findLine(q: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<PayoutLine | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const base = q.select().from(payoutLines).where(and(eq(payoutLines.orgId, orgId), eq(payoutLines.id, id)));
  const [row] = opts.forUpdate ? await base.for("update") : await base;
  return row;
}

/** A line with who it pays, as lists and exports show it. */
export type LineRow = PayoutLine & { agentName: string; agentEmail: string; employeeId: string | null; periodFrom: string; periodTo: string };

const lineColumns = {
  line: payoutLines,
  agentName: users.name,
  agentEmail: users.email,
  employeeId: agentProfiles.externalId,
  periodFrom: periods.fromDay,
  periodTo: periods.toDay,
};

/**
 * Lines in the order exports and lists use, stable for a given set of lines: by agent, then award before adjustment,
 * the period, campaign, type, currency, label and finally the id.
 */
const lineOrder = [
  asc(sql`coalesce(${agentProfiles.externalId}, ${users.email}) collate "C"`),
  asc(payoutLines.lineType),
  asc(periods.fromDay),
  asc(sql`${payoutLines.campaignName} collate "C"`),
  asc(payoutLines.awardType),
  asc(sql`coalesce(${payoutLines.currency}, '') collate "C"`),
  asc(sql`coalesce(${payoutLines.label}, '') collate "C"`),
  asc(payoutLines.id),
];

export async function runLines(
  q: Queryable,
  orgId: string,
  where: SQL | undefined,
  page: { limit?: number; offset?: number } = {},
): Promise<LineRow[]> {
  let query = q
    .select(lineColumns)
    .from(payoutLines)
    .innerJoin(users, eq(users.id, payoutLines.agentId))
    .innerJoin(periods, eq(periods.id, payoutLines.periodId))
    .leftJoin(agentProfiles, eq(agentProfiles.userId, payoutLines.agentId))
    .where(and(eq(payoutLines.orgId, orgId), where))
    .orderBy(...lineOrder)
    .$dynamic();
  if (page.limit !== undefined) query = query.limit(page.limit);
  if (page.offset) query = query.offset(page.offset);
  const rows = await query;
  return rows.map((r) => ({ ...r.line, agentName: r.agentName, agentEmail: r.agentEmail, employeeId: r.employeeId, periodFrom: r.periodFrom, periodTo: r.periodTo }));
}

/** The ids of a run's pending lines (what "approve all" decides), at most `limit`. */
export async function pendingLineIds(q: Queryable, orgId: string, runId: string, limit: number): Promise<string[]> {
  const rows = await q
    .select({ id: payoutLines.id })
    .from(payoutLines)
    .where(and(eq(payoutLines.orgId, orgId), eq(payoutLines.runId, runId), eq(payoutLines.status, "pending")))
    .orderBy(asc(payoutLines.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

export const lineConditions = {
  run: (runId: string) => eq(payoutLines.runId, runId),
  agent: (agentId: string) => eq(payoutLines.agentId, agentId),
  status: (s: PayoutLine["status"]) => eq(payoutLines.status, s),
  notRejected: () => ne(payoutLines.status, "rejected"),
  lineType: (t: PayoutLine["lineType"]) => eq(payoutLines.lineType, t),
  awardType: (t: PayoutLine["awardType"]) => eq(payoutLines.awardType, t),
  search: (text: string) =>
    sql`(${users.name} ilike ${`%${text}%`} or ${users.email} ilike ${`%${text}%`} or ${payoutLines.campaignName} ilike ${`%${text}%`})`,
};

/** Per run: how many lines wait for approval, and the open disputes on its lines. */
export async function runBlockers(q: Queryable, runId: string): Promise<{ pending: number; openDisputes: number }> {
  const result = await q.execute(sql`
    select
      (select count(*) from payout_lines where run_id = ${runId}::uuid and status = 'pending')::int as pending,
      (select count(*) from disputes d join payout_lines l on l.id = d.line_id where l.run_id = ${runId}::uuid and d.state = 'open')::int as "openDisputes"`);
  const [row] = rowsOf<{ pending: number; openDisputes: number }>(result);
  return { pending: Number(row?.pending ?? 0), openDisputes: Number(row?.openDisputes ?? 0) };
}

/** Totals per line type × award type × currency of a run's lines that are not rejected. */
export async function runTotals(
  q: Queryable,
  runId: string,
): Promise<Array<{ lineType: string; awardType: string; currency: string | null; status: string; amount: number; lines: number }>> {
  const result = await q.execute(sql`
    select line_type as "lineType", award_type as "awardType", currency, status, sum(amount)::text as amount, count(*)::int as lines
    from payout_lines where run_id = ${runId}::uuid
    group by line_type, award_type, currency, status
    order by line_type, award_type, currency nulls first, status`);
  return rowsOf<{ lineType: string; awardType: string; currency: string | null; status: string; amount: string; lines: number }>(result).map((r) => ({
    ...r,
    amount: Number(r.amount),
    lines: Number(r.lines),
  }));
}

export async function setRunState(q: Queryable, runId: string, state: PayoutRunState, now: Date): Promise<void> {
  await q.update(payoutRuns).set({ state, updatedAt: now }).where(eq(payoutRuns.id, runId));
}

export async function findDispute(q: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<Dispute | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const base = q.select().from(disputes).where(and(eq(disputes.orgId, orgId), eq(disputes.id, id)));
  const [row] = opts.forUpdate ? await base.for("update") : await base;
  return row;
}

/** A dispute with the line it concerns, and the adjustment line an accepted one produced. */
export type DisputeRow = Dispute & { line: LineRow; adjustment: LineRow | null };

export async function listDisputes(q: Queryable, orgId: string, opts: { state?: Dispute["state"]; agentId?: string; runId?: string } = {}): Promise<DisputeRow[]> {
  const rows = await q
    .select({ dispute: disputes })
    .from(disputes)
    .innerJoin(payoutLines, eq(payoutLines.id, disputes.lineId))
    .where(
      and(
        eq(disputes.orgId, orgId),
        opts.state ? eq(disputes.state, opts.state) : undefined,
        opts.agentId ? eq(disputes.agentId, opts.agentId) : undefined,
        opts.runId ? eq(payoutLines.runId, opts.runId) : undefined,
      ),
    )
    .orderBy(desc(disputes.createdAt), desc(disputes.id));
  if (rows.length === 0) return [];
  const ids = rows.flatMap((r) => (r.dispute.adjustmentLineId ? [r.dispute.lineId, r.dispute.adjustmentLineId] : [r.dispute.lineId]));
  const lines = await runLines(q, orgId, inArray(payoutLines.id, ids));
  const byId = new Map(lines.map((l) => [l.id, l]));
  return rows.map((r) => ({ ...r.dispute, line: byId.get(r.dispute.lineId)!, adjustment: r.dispute.adjustmentLineId ? (byId.get(r.dispute.adjustmentLineId) ?? null) : null }));
}

/** What an export needs of a line (no explanation). Numbers and days travel as text, decoded the same on both engines. */
const exportColumns = {
  id: payoutLines.id,
  agentId: payoutLines.agentId,
  lineType: payoutLines.lineType,
  campaignName: payoutLines.campaignName,
  campaignVersion: payoutLines.campaignVersion,
  awardType: payoutLines.awardType,
  amount: sql<string>`${payoutLines.amount}::text`,
  currency: payoutLines.currency,
  label: payoutLines.label,
  agentName: users.name,
  agentEmail: users.email,
  employeeId: agentProfiles.externalId,
  periodFrom: sql<string>`${periods.fromDay}::text`,
  periodTo: sql<string>`${periods.toDay}::text`,
};
type ExportColumns = { [K in keyof typeof exportColumns]: (typeof exportColumns)[K] extends { _: { data: infer D } } ? D : never };
export type ExportLineRow = Omit<ExportColumns, "amount" | "periodFrom" | "periodTo"> & { amount: number; periodFrom: string; periodTo: string };

const exportQuery = (q: Queryable, orgId: string, where: SQL) =>
  q
    .select(exportColumns)
    .from(payoutLines)
    .innerJoin(users, eq(users.id, payoutLines.agentId))
    .innerJoin(periods, eq(periods.id, payoutLines.periodId))
    .leftJoin(agentProfiles, eq(agentProfiles.userId, payoutLines.agentId))
    .where(and(eq(payoutLines.orgId, orgId), where));

const decode = (r: Record<keyof typeof exportColumns, unknown>): ExportLineRow => ({ ...(r as unknown as ExportColumns), amount: Number(r.amount), periodFrom: String(r.periodFrom), periodTo: String(r.periodTo) });

type PostgresJs = { unsafe: (query: string, params: unknown[]) => { values: () => { cursor: (n: number) => AsyncIterable<unknown[][]> } } };

/**
 * A run's approved lines in export order, `pageSize` at a time, never all in memory. On PostgreSQL one query read
 * through a cursor; PGlite has no cursors, so there the ids are sorted once and the lines read by pages of ids (an
 * OFFSET per page would sort the whole run again for every page).
 */
export async function* exportLinePages(q: Queryable, orgId: string, runId: string, pageSize: number): AsyncGenerator<ExportLineRow[]> {
  const approved = and(eq(payoutLines.runId, runId), eq(payoutLines.status, "approved"))!;
  const client = (q as unknown as { $client?: Partial<PostgresJs> }).$client;
  if (typeof client?.unsafe === "function") {
    const query = exportQuery(q, orgId, approved).orderBy(...lineOrder).toSQL();
    const keys = Object.keys(exportColumns) as Array<keyof typeof exportColumns>;
    for await (const rows of (client as PostgresJs).unsafe(query.sql, query.params).values().cursor(pageSize)) {
      yield rows.map((row) => {
        const r = {} as Record<keyof typeof exportColumns, unknown>;
        for (let i = 0; i < keys.length; i++) r[keys[i]!] = row[i];
        return decode(r);
      });
    }
    return;
  }
  const ids = (
    await q
      .select({ id: payoutLines.id })
      .from(payoutLines)
      .innerJoin(users, eq(users.id, payoutLines.agentId))
      .innerJoin(periods, eq(periods.id, payoutLines.periodId))
      .leftJoin(agentProfiles, eq(agentProfiles.userId, payoutLines.agentId))
      .where(and(eq(payoutLines.orgId, orgId), approved))
      .orderBy(...lineOrder)
  ).map((r) => r.id);
  for (let i = 0; i < ids.length; i += pageSize) {
    const page = ids.slice(i, i + pageSize);
    const rows = await exportQuery(q, orgId, sql`${payoutLines.id} = any(${sql.param(page)}::uuid[])`);
    const byId = new Map(rows.map((r) => [r.id, decode(r)]));
    yield page.map((id) => byId.get(id)!);
  }
}

export async function countLines(q: Queryable, orgId: string, where: SQL | undefined): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(payoutLines)
    .innerJoin(users, eq(users.id, payoutLines.agentId))
    .where(and(eq(payoutLines.orgId, orgId), where));
  return Number(row?.n ?? 0);
}
