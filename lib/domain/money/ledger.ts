import type { Award } from "../campaigns/document";

/**
 * The ledger's arithmetic (SPEC §6), pure. Assets: `points`, `leave_minutes`, `cash:<CUR>`; amounts are integers in
 * the asset's unit (points, minutes, minor units of the currency). A balance is the sum of entries — nothing else.
 */
export type Asset = "points" | "leave_minutes" | `cash:${string}`;

/** The asset an award moves, or null for awards that are not balances (a badge, a catalog reward). */
export function assetOf(award: { type: Award["type"]; currency?: string | null }): Asset | null {
  switch (award.type) {
    case "points":
      return "points";
    case "leave":
      return "leave_minutes";
    case "cash":
      return `cash:${award.currency}`;
    default:
      return null;
  }
}

/** The award's integer amount in its asset's unit: 1 for a badge or a reward. */
export function amountOf(award: Award): number {
  switch (award.type) {
    case "points":
      return award.amount;
    case "leave":
      return award.minutes;
    case "cash":
      return award.amountMinor;
    default:
      return 1;
  }
}

export type EntryLike = { agentId: string; asset: string; amount: number };

/** Balances per agent per asset: the sum of the entries. Keys are `agent` → `asset` → amount. */
export function balances(entries: Iterable<EntryLike>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const e of entries) {
    let byAsset = out.get(e.agentId);
    if (!byAsset) out.set(e.agentId, (byAsset = new Map()));
    byAsset.set(e.asset, (byAsset.get(e.asset) ?? 0) + e.amount);
  }
  return out;
}

/** Amounts must stay exact: integers within ±2^53, never 0 for an entry. */
export function checkAmount(amount: number): string | null {
  if (!Number.isSafeInteger(amount)) return "amount must be a whole number";
  if (amount === 0) return "amount must not be zero";
  return null;
}
