import { pointsEarned } from "@/db/queries/ledger";
import { findOrganization } from "@/db/queries/orgs";
import { foldPendingRollups } from "@/db/queries/events";
import type { RollupFilter, RollupGrouping } from "@/db/queries/kpis";
import { authorize, can, orgOf } from "@/lib/auth/policy";
import { LEDGER_KPIS, type KpiValue } from "@/lib/domain/kpis";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { kpiQuerySchema, type GroupBy, type KpiQueryInput } from "@/lib/schemas/kpis";
import { parseInput } from "@/lib/validation";
import type { Ctx } from "./context";
import { loadDirectory, visibleAgents, type DirectoryAgent } from "./kpi-directory";
import { addComponentRow, addMetricRow, agentsFilter, kpisOf, newBucket, planKpis, readSums, type Bucket } from "./kpi-sums";

export type KpiRow = { key: string; name: string; metrics: Record<string, KpiValue> };
export type KpiResult = { from: string; to: string; groupBy: GroupBy; rows: KpiRow[] };

/**
 * KPIs of SPEC §4 over an inclusive day range in the organization's time zone, grouped by agent, team, queue or the
 * whole organization (§4.1). Reads rollups only. Agents see their own KPIs, managers those of their teams' agents,
 * HR, admins and keys with kpis:read everyone's.
 */
export async function getKpis(ctx: Ctx, input: KpiQueryInput | Partial<Record<keyof KpiQueryInput, unknown>>): Promise<KpiResult> {
  const orgId = orgOf(ctx.actor);
  // keys need kpis:read; people may always ask for their own (visibleAgents narrows what they get)
  if (!can(ctx.actor, "agents.view", { orgId })) authorize(ctx.actor, "self.view", { orgId });
  const query = parseInput(kpiQuerySchema, input);
  await foldPendingRollups(ctx.db, orgId); // count every stored batch
  const org = await findOrganization(ctx.db, orgId);
  if (!org) throw new NotFoundError("Organization not found");
  const directory = await loadDirectory(ctx.db, orgId);
  const visible = visibleAgents(ctx.actor, orgId, directory);
  if (!visible.all && (query.groupBy === "queue" || query.groupBy === "org") && ctx.actor.kind === "user" && ctx.actor.role === "agent") {
    throw new ForbiddenError("Agents can see their own KPIs only: use groupBy=agent");
  }

  // The agents this answer may cover, narrowed by the filters.
  let agents: DirectoryAgent[] | null = visible.all ? null : visible.agents;
  if (query.team !== undefined) {
    if (!directory.teams.some((t) => t.id === query.team)) throw new NotFoundError("Team not found");
    agents = (agents ?? directory.agents).filter((a) => a.teamIds.includes(query.team!));
  }
  if (query.agent !== undefined) {
    const agent = directory.agentFor(query.agent);
    if (!agent) throw new NotFoundError(`No agent with external id "${query.agent}"`);
    if (agents && !agents.includes(agent)) throw new ForbiddenError("You may not see this agent's KPIs");
    agents = [agent];
  }

  const plan = planKpis(query.metrics.filter((k) => !LEDGER_KPIS.includes(k)));
  const filter: RollupFilter = {
    ...(agents ? { agents: agentsFilter(agents) } : {}),
    ...(query.queue !== undefined ? { queue: query.queue } : {}),
  };
  const grouping: RollupGrouping = query.groupBy === "queue" ? "queue" : query.groupBy === "org" ? "none" : "agent_ref";
  const { componentRows, metricRows } = await readSums(ctx.db, orgId, { from: query.from, to: query.to }, plan, grouping, filter);

  // Output buckets in display order, then the rows of each bucket a database row adds to.
  const buckets = new Map<string, { name: string; bucket: Bucket }>();
  let bucketsOf: (row: { agent_ref?: string; queue?: string }) => string[];
  if (query.groupBy === "agent" || query.groupBy === "team") {
    const inScope = agents ?? directory.agents;
    const teamIds = new Set(inScope.flatMap((a) => a.teamIds));
    if (query.groupBy === "agent") for (const a of inScope) buckets.set(a.externalId, { name: a.name, bucket: newBucket() });
    else for (const t of directory.teams) if (teamIds.has(t.id) && (query.team === undefined || t.id === query.team)) buckets.set(t.id, { name: t.name, bucket: newBucket() });
    const scope = new Set(inScope);
    bucketsOf = (row) => {
      const agent = directory.agentFor(row.agent_ref ?? "");
      if (!agent || !scope.has(agent)) return []; // unmatched identities count once their agent exists
      return query.groupBy === "agent" ? [agent.externalId] : agent.teamIds.filter((t) => buckets.has(t));
    };
  } else if (query.groupBy === "queue") {
    const queues = [...new Set([...componentRows, ...metricRows].map((r) => r.queue ?? ""))].sort();
    for (const q of queues) buckets.set(q, { name: q === "" ? "(no queue)" : q, bucket: newBucket() });
    bucketsOf = (row) => [row.queue ?? ""];
  } else {
    buckets.set(orgId, { name: org.name, bucket: newBucket() });
    bucketsOf = () => [orgId];
  }
  for (const row of componentRows) for (const key of bucketsOf(row)) addComponentRow(buckets.get(key)!.bucket, row, plan);
  for (const row of metricRows) for (const key of bucketsOf(row)) addMetricRow(buckets.get(key)!.bucket, row);

  // points_earned, from the ledger: each bucket sums its agents' points (the schema refuses it by queue).
  const points = new Map<string, { value: number; n: number }>();
  if (query.metrics.some((k) => LEDGER_KPIS.includes(k))) {
    const byAgent = new Map((await pointsEarned(ctx.db, orgId, { from: query.from, to: query.to }, org.timezone)).map((r) => [r.agentId, r]));
    for (const agent of agents ?? directory.agents) {
      const earned = byAgent.get(agent.userId);
      if (!earned) continue;
      const keys = query.groupBy === "agent" ? [agent.externalId] : query.groupBy === "team" ? agent.teamIds.filter((t) => buckets.has(t)) : [orgId];
      for (const key of keys) {
        const sum = points.get(key) ?? { value: 0, n: 0 };
        points.set(key, { value: sum.value + earned.points, n: sum.n + earned.entries });
      }
    }
  }
  const pointsOf = (key: string): KpiValue => {
    const p = points.get(key);
    return p && p.n > 0 ? p : { value: null, n: 0 };
  };

  const rows = [...buckets.entries()].map(([key, { name, bucket }]) => {
    const kpis = kpisOf(bucket, plan);
    return { key, name, metrics: Object.fromEntries(query.metrics.map((m) => [m, LEDGER_KPIS.includes(m) ? pointsOf(key) : kpis[m]!])) };
  });
  return { from: query.from, to: query.to, groupBy: query.groupBy, rows };
}

