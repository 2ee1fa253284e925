import { agentBalances, agentEntries } from "@/db/queries/ledger";
import { lineConditions, listDisputes, runLines, type DisputeRow, type LineRow } from "@/db/queries/payouts";
import type { LedgerEntry } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

export type StatementPeriod = { periodId: string; from: string; to: string; lines: LineRow[] };

export type Statement = {
  agent: { userId: string; name: string; externalId: string };
  balances: Array<{ asset: string; amount: number }>;
  /** Lines grouped by the period they are for, newest first; adjustments sit with the period they correct. */
  periods: StatementPeriod[];
  history: LedgerEntry[];
  disputes: DisputeRow[];
};

/**
 * An agent's statements (SPEC §9): their own for everyone; another agent's for managers of that agent's teams, HR and
 * admins. Every line carries its explanation; balances are sums of the ledger.
 */
export async function getStatement(ctx: Ctx, opts: { agentUserId?: string } = {}): Promise<Statement> {
  const orgId = orgOf(ctx.actor);
  if (ctx.actor.kind !== "user" && !opts.agentUserId) throw new ForbiddenError("Name the agent whose statement to read");
  const userId = opts.agentUserId ?? (ctx.actor.kind === "user" ? ctx.actor.userId : "");
  const directory = await loadDirectory(ctx.db, orgId);
  const agent = directory.agents.find((a) => a.userId === userId);
  const self = ctx.actor.kind === "user" && ctx.actor.userId === userId;
  if (!agent && !self) throw new NotFoundError("Agent not found");
  authorize(ctx.actor, "self.view", { orgId, ownerUserId: userId, teamIds: agent?.teamIds ?? [] });
  const [balances, history, lines, disputes] = await Promise.all([
    agentBalances(ctx.db, orgId, userId),
    agentEntries(ctx.db, orgId, userId),
    runLines(ctx.db, orgId, lineConditions.agent(userId)),
    listDisputes(ctx.db, orgId, { agentId: userId }),
  ]);
  const byPeriod = new Map<string, StatementPeriod>();
  for (const line of lines) {
    let p = byPeriod.get(line.periodId);
    if (!p) byPeriod.set(line.periodId, (p = { periodId: line.periodId, from: line.periodFrom, to: line.periodTo, lines: [] }));
    p.lines.push(line);
  }
  return {
    agent: { userId, name: agent?.name ?? (ctx.actor.kind === "user" ? ctx.actor.name : ""), externalId: agent?.externalId ?? "" },
    balances,
    periods: [...byPeriod.values()].sort((a, b) => (a.from < b.from ? 1 : -1)),
    history,
    disputes,
  };
}
