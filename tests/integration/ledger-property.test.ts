/**
 * Ledger properties (SPEC §6), fast-check against the database itself, ≥ 1,000 runs: after any sequence of awards,
 * redemptions, reversals and adjustments — with idempotency keys replayed at random — every balance equals the sum of
 * the entries that were kept (the first entry of each key), and no UPDATE, DELETE or TRUNCATE gets through.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { agentBalances, appendEntries, type NewEntry } from "@/db/queries/ledger";
import { ledgerEntries, type Asset, type LedgerKind } from "@/db/schema";
import { balances } from "@/lib/domain/money/ledger";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg, type TestOrg } from "../helpers/fixtures";

let database: TestDatabase;
let db: Db;
let org: TestOrg;
let agents: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  org = await makeOrg(db, "Ledger property");
  agents = [org.users.agent.id, org.users.agentB.id, org.users.manager.id];
});
afterAll(async () => {
  await database?.close();
});

const ASSETS: Asset[] = ["points", "leave_minutes", "cash:MYR", "cash:EUR"];

/** One operation: which agent and asset, how much, and which key (a small pool, so keys repeat). */
type Op =
  | { kind: "award" | "adjustment"; agent: number; asset: number; amount: number; key: number }
  | { kind: "redemption"; agent: number; amount: number; key: number }
  /** Reverses the n-th entry kept so far in this run (if any): the opposite amount, naming it. */
  | { kind: "reversal"; target: number; key: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom("award" as const, "adjustment" as const), agent: fc.nat(2), asset: fc.nat(3), amount: fc.integer({ min: -50_000, max: 50_000 }).filter((n) => n !== 0), key: fc.nat(7) }),
  fc.record({ kind: fc.constant("redemption" as const), agent: fc.nat(2), amount: fc.integer({ min: 1, max: 5_000 }), key: fc.nat(7) }),
  fc.record({ kind: fc.constant("reversal" as const), target: fc.nat(20), key: fc.nat(7) }),
);

let run = 0;

/** The database's refusal message (drizzle wraps the driver's error as the cause). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ""}`;
  }
  return "not refused";
}

describe("ledger", () => {
  it("balances equal the sum of the kept entries; replayed keys change nothing; entries cannot be changed", { timeout: 600_000 }, async () => {
    const model = new Map<string, Map<string, number>>();
    for (const agent of agents) {
      model.set(agent, new Map((await agentBalances(db, org.org.id, agent)).map((x) => [x.asset, x.amount])));
    }
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), fc.boolean(), async (ops, replayAll) => {
        const prefix = `run-${run++}`;
        const kept = new Map<string, NewEntry & { id: string }>();
        const keptOrder: Array<NewEntry & { id: string }> = [];
        const apply = async (op: Op) => {
          let entry: NewEntry & { id: string };
          const key = `${prefix}:${op.key}`;
          if (op.kind === "reversal") {
            const target = keptOrder[op.target % Math.max(1, keptOrder.length)];
            if (!target) return;
            entry = { id: randomUUID(), orgId: org.org.id, agentId: target.agentId, asset: target.asset, amount: -target.amount, kind: "reversal", source: "property", idempotencyKey: key, correctsId: target.id };
          } else {
            const asset: Asset = op.kind === "redemption" ? "points" : ASSETS[op.asset]!;
            const amount = op.kind === "redemption" ? -op.amount : op.amount;
            const kind: LedgerKind = op.kind;
            entry = { id: randomUUID(), orgId: org.org.id, agentId: agents[op.agent]!, asset, amount, kind, source: "property", idempotencyKey: key };
          }
          const [stored] = await appendEntries(db, [entry]);
          const first = kept.get(key);
          if (first) {
            // a replayed key: the first entry stands, whatever the second one said
            expect(stored!.id).toBe(first.id);
            return;
          }
          expect(stored!.id).toBe(entry.id);
          kept.set(key, entry);
          keptOrder.push(entry);
          const byAsset = model.get(entry.agentId)!;
          byAsset.set(entry.asset, (byAsset.get(entry.asset) ?? 0) + entry.amount);
        };
        for (const op of ops) await apply(op);
        if (replayAll) for (const op of ops) await apply(op); // the whole sequence again: nothing changes
        // the database's sums equal the model's and the pure sum of the entries it holds
        const stored = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.orgId, org.org.id), sql`${ledgerEntries.idempotencyKey} like ${`${prefix}:%`}`));
        expect(stored.map((e) => e.id).sort()).toEqual(keptOrder.map((e) => e.id).sort());
        // every entry of the organization, summed in JS, against the database's own sums and the model
        const all = balances(await db.select().from(ledgerEntries).where(eq(ledgerEntries.orgId, org.org.id)));
        for (const agent of agents) {
          const summed = new Map((await agentBalances(db, org.org.id, agent)).map((b) => [b.asset, b.amount]));
          for (const asset of ASSETS) {
            expect(summed.get(asset) ?? 0).toBe(model.get(agent)!.get(asset) ?? 0);
            expect(summed.get(asset) ?? 0).toBe(all.get(agent)?.get(asset) ?? 0);
          }
        }
        // no change gets through, on any kept entry
        const victim = keptOrder[0];
        if (victim) {
          expect(await refusal(db.execute(sql`update ledger_entries set amount = amount + 1 where id = ${victim.id}::uuid`))).toMatch(/append-only/);
          expect(await refusal(db.execute(sql`delete from ledger_entries where id = ${victim.id}::uuid`))).toMatch(/append-only/);
        }
      }),
      { numRuns: 1_000 },
    );
    expect(await refusal(db.execute(sql`truncate ledger_entries`))).toMatch(/append-only/);
  });
});
