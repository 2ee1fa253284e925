import { identitiesWithCounts } from "@/db/queries/kpis";
import { foldPendingRollups } from "@/db/queries/events";
import { identityLastDays } from "@/db/queries/identities";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

export type UnmatchedIdentity = {
  /** The `agent` value as sources send it: an external id or an email. */
  identity: string;
  /** Events that carried it (calls, tickets, surveys, QA reviews and custom metrics). */
  events: number;
  /** The last local day (org time zone) with one of those events. */
  lastSeen: string | null;
  /** Whether it looks like an email, which an agent matches by their sign-in email rather than an external id. */
  isEmail: boolean;
};

/** More would not help anyone on one page, and keeps the last-seen lookup one bounded query. */
export const UNMATCHED_LIMIT = 500;

/**
 * Event identities that match no agent (SPEC §3.1): stored and counted in queue and organization totals, but on no
 * agent's KPIs until an agent with that external id or email exists (then they count at once, no re-send). Admins
 * only: the remedy is creating or editing users, an admin's job (§9), and the list reveals who works the queues.
 * Most events first, so the identities worth an account lead; at most UNMATCHED_LIMIT of `total`.
 */
export async function listUnmatchedIdentities(ctx: Ctx): Promise<{ identities: UnmatchedIdentity[]; total: number }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  await foldPendingRollups(ctx.db, orgId); // identities are read from the rollups
  const [identities, directory] = await Promise.all([identitiesWithCounts(ctx.db, orgId), loadDirectory(ctx.db, orgId)]);
  const unmatched = identities
    .filter((i) => !directory.agentFor(i.agent_ref))
    .map((i) => ({ identity: i.agent_ref, events: Number(i.events) }))
    .sort((a, b) => b.events - a.events || (a.identity < b.identity ? -1 : 1));
  const shown = unmatched.slice(0, UNMATCHED_LIMIT);
  const lastDays = await identityLastDays(ctx.db, orgId, shown.map((i) => i.identity));
  return {
    identities: shown.map((i) => ({ ...i, lastSeen: lastDays.get(i.identity) ?? null, isEmail: EMAIL.test(i.identity) })),
    total: unmatched.length,
  };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
