import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { ledgerEntries, type Asset, type LedgerEntry, type LedgerKind } from "../schema";
import { jsonChunks, rowsOf } from "./rows";

export type NewEntry = {
  id?: string;
  orgId: string;
  agentId: string;
  asset: Asset;
  amount: number;
  kind: LedgerKind;
  source: string;
  idempotencyKey: string;
  correctsId?: string | null;
  memo?: string | null;
  createdAt?: Date;
};

/**
 * Appends entries; an entry whose idempotency key the organization already has is skipped (the first one stands).
 * Returns the entries as stored, the existing one for a repeated key, in input order.
 */
export async function appendEntries(q: Queryable, entries: readonly NewEntry[]): Promise<LedgerEntry[]> {
  if (entries.length === 0) return [];
  const out: LedgerEntry[] = [];
  // Chunks keep the statement's parameter count well under PostgreSQL's 65,535.
  for (let i = 0; i < entries.length; i += 2_000) {
    const chunk = entries.slice(i, i + 2_000);
    await q.insert(ledgerEntries).values(chunk.map((e) => ({ ...e, correctsId: e.correctsId ?? null, memo: e.memo ?? null }))).onConflictDoNothing();
    const orgId = chunk[0]!.orgId;
    const keys = chunk.map((e) => e.idempotencyKey);
    const rows = await q
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, orgId), sql`${ledgerEntries.idempotencyKey} = any(${sql.param(keys)}::text[])`));
    const byKey = new Map(rows.map((r) => [r.idempotencyKey, r]));
    for (const e of chunk) out.push(byKey.get(e.idempotencyKey)!);
  }
  return out;
}

/**
 * Appends many new entries in few statements (each chunk one JSON parameter), for writers whose keys are new by
 * construction (a close: one key per new payout line). A repeated key is still skipped, never doubled.
 */
export async function insertNewEntries(q: Queryable, entries: ReadonlyArray<NewEntry & { id: string }>): Promise<void> {
  for (const json of jsonChunks(entries, 10_000)) {
    await q.execute(sql`
      insert into ledger_entries (id, org_id, agent_id, asset, amount, kind, source, idempotency_key, corrects_id, memo, created_at)
      select r.id, r."orgId", r."agentId", r.asset, r.amount, r.kind, r.source, r."idempotencyKey", r."correctsId", r.memo, coalesce(r."createdAt", now())
      from jsonb_to_recordset(${json}::jsonb) as r(id uuid, "orgId" uuid, "agentId" text, asset text, amount bigint, kind text, source text,
        "idempotencyKey" text, "correctsId" uuid, memo text, "createdAt" timestamptz)
      on conflict (org_id, idempotency_key) do nothing`);
  }
}

/** An agent's balances, summed by the database from the entries themselves. */
export async function agentBalances(q: Queryable, orgId: string, agentId: string): Promise<Array<{ asset: string; amount: number }>> {
  const rows = await q
    .select({ asset: ledgerEntries.asset, amount: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.agentId, agentId)))
    .groupBy(ledgerEntries.asset)
    .orderBy(asc(ledgerEntries.asset));
  return rows.map((r) => ({ asset: r.asset, amount: Number(r.amount) }));
}

/** One balance, locked against a concurrent spend of the same agent: the caller holds `lockAgentLedger` first. */
export async function agentBalance(q: Queryable, orgId: string, agentId: string, asset: Asset): Promise<number> {
  const [row] = await q
    .select({ amount: sql<string | null>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.agentId, agentId), eq(ledgerEntries.asset, asset)));
  return Number(row?.amount ?? 0);
}

/** Serializes spending by one agent (redemptions) until the transaction ends: two can never both pass a balance check. */
export async function lockAgentLedger(q: Queryable, orgId: string, agentId: string): Promise<void> {
  await q.execute(sql`select id from users where id = ${agentId} and org_id = ${orgId}::uuid for no key update`);
}

export async function agentEntries(q: Queryable, orgId: string, agentId: string, limit = 200): Promise<LedgerEntry[]> {
  return q
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.agentId, agentId)))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(limit);
}

/**
 * The points each agent EARNED in a range of days (inclusive, calendar days in `timeZone`): what a points leaderboard
 * ranks. Earned means the `points` entries of kind award and adjustment, plus the reversals of such entries (a
 * correction takes back what it corrects). Redemptions never lower it, nor do their reversals (points returned for a
 * rejected redemption) raise it: spending is not a loss of standing. `entries` counts the entries summed.
 *
 * The day bounds are the instants of local midnight, computed by the database in the organization's zone, so the
 * comparison stays on created_at itself and follows daylight-saving changes. The organization's rows are found
 * through ledger_entries_agent_idx (org_id first); an index on (org_id, asset, created_at) would serve this query
 * directly once ledgers grow large.
 */
export async function pointsEarned(
  q: Queryable,
  orgId: string,
  range: { from: string; to: string },
  timeZone: string,
): Promise<Array<{ agentId: string; points: number; entries: number }>> {
  const result = await q.execute(sql`
    select e.agent_id, sum(e.amount) as points, count(*) as entries
    from ledger_entries e
    where e.org_id = ${orgId}::uuid
      and e.asset = 'points'
      and e.created_at >= (${range.from}::date::timestamp at time zone ${timeZone})
      and e.created_at < ((${range.to}::date + 1)::timestamp at time zone ${timeZone})
      and (
        e.kind in ('award', 'adjustment')
        or (e.kind = 'reversal' and exists (
          select 1 from ledger_entries c where c.org_id = e.org_id and c.id = e.corrects_id and c.kind in ('award', 'adjustment')
        ))
      )
    group by e.agent_id`);
  return rowsOf<{ agent_id: string; points: string | number; entries: string | number }>(result).map((r) => ({ agentId: r.agent_id, points: Number(r.points), entries: Number(r.entries) }));
}
