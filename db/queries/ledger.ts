import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { ledgerEntries, type Asset, type LedgerEntry, type LedgerKind } from "../schema";

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

/** Sums per asset of the entries written for a set of sources (a payout run's lines): what an export must total. */
export async function totalsBySource(q: Queryable, orgId: string, sources: readonly string[]): Promise<Record<string, number>> {
  if (sources.length === 0) return {};
  const rows = await q
    .select({ asset: ledgerEntries.asset, amount: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, orgId), sql`${ledgerEntries.source} = any(${sql.param(sources)}::text[])`))
    .groupBy(ledgerEntries.asset);
  return Object.fromEntries(rows.map((r) => [r.asset, Number(r.amount)]));
}
