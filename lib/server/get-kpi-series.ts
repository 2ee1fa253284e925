import { findOrganization } from "@/db/queries/orgs";
import { foldPendingRollups } from "@/db/queries/events";
import type { RollupFilter } from "@/db/queries/kpis";
import { authorize, can, orgOf } from "@/lib/auth/policy";
import { bucketKeyOf, seriesBuckets, type SeriesBucket } from "@/lib/domain/kpi-series";
import type { KpiValue } from "@/lib/domain/kpis";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { kpiSeriesSchema, type KpiSeriesInput } from "@/lib/schemas/kpi-series";
import { parseInput } from "@/lib/validation";
import type { Ctx } from "./context";
import { loadDirectory, visibleAgents, type DirectoryAgent } from "./kpi-directory";
import { addRows, agentsFilter, kpisOf, newBucket, planKpis, readSums, type Bucket } from "./kpi-sums";

export type SeriesScope = { kind: "agent" | "team" | "org"; key: string; name: string };
/** One bucket: `key` is the day or the week's Monday; `from`/`to` the days of the range it covers. */
export type SeriesPoint = { key: string; from: string; to: string; metrics: Record<string, KpiValue> };
export type KpiSeries = { from: string; to: string; bucket: SeriesBucket; scope: SeriesScope; points: SeriesPoint[] };

/**
 * A KPI trend per day or per ISO week for one agent, one team or the whole organization, read from the daily rollups.
 * Each bucket sums the components of its days and only then computes the KPI, so a bucket's value is exactly what
 * getKpis answers for the same days. Same visibility as getKpis (SPEC §9): agents their own trend, managers their
 * teams' agents and teams, HR, admins and keys with kpis:read everything, including the organization's total.
 */
export async function getKpiSeries(ctx: Ctx, input: KpiSeriesInput | Partial<Record<keyof KpiSeriesInput, unknown>>): Promise<KpiSeries> {
  const orgId = orgOf(ctx.actor);
  if (!can(ctx.actor, "agents.view", { orgId })) authorize(ctx.actor, "self.view", { orgId });
  const query = parseInput(kpiSeriesSchema, input);
  await foldPendingRollups(ctx.db, orgId); // count every stored batch
  const org = await findOrganization(ctx.db, orgId);
  if (!org) throw new NotFoundError("Organization not found");
  const directory = await loadDirectory(ctx.db, orgId);
  const visible = visibleAgents(ctx.actor, orgId, directory);

  // Whose events count: a list of agents, or null for every identity (the organization, unattributed events included).
  let agents: DirectoryAgent[] | null;
  let scope: SeriesScope;
  if (query.agent !== undefined) {
    const agent = directory.agentFor(query.agent);
    if (!agent) throw new NotFoundError(`No agent with external id "${query.agent}"`);
    if (!visible.all && !visible.agents.includes(agent)) throw new ForbiddenError("You may not see this agent's KPIs");
    agents = [agent];
    scope = { kind: "agent", key: agent.externalId, name: agent.name };
  } else if (query.team !== undefined) {
    const team = directory.teams.find((t) => t.id === query.team);
    if (!team) throw new NotFoundError("Team not found");
    // a team's trend shows its agents together: only for those who may see each of them
    if (!visible.all && !can(ctx.actor, "agents.view", { orgId, teamIds: [team.id] })) {
      throw new ForbiddenError("You may see the KPIs of the teams you manage only");
    }
    agents = directory.agents.filter((a) => a.teamIds.includes(team.id));
    scope = { kind: "team", key: team.id, name: team.name };
  } else {
    if (!visible.all) throw new ForbiddenError("Organization-wide KPIs are for HR and admins: name an agent or a team");
    agents = null;
    scope = { kind: "org", key: orgId, name: org.name };
  }

  const plan = planKpis(query.metrics);
  const filter: RollupFilter = agents ? { agents: agentsFilter(agents) } : {};
  // Per day and identity when limited to agents: an identity counts for the agent agentFor() names, exactly as in getKpis.
  const grouping = agents ? "day_agent_ref" : "day";
  const { componentRows, metricRows } = await readSums(ctx.db, orgId, { from: query.from, to: query.to }, plan, grouping, filter);

  const inScope = agents ? new Set(agents) : null;
  const counts = (ref: string | undefined) => {
    if (!inScope) return true;
    const agent = directory.agentFor(ref ?? "");
    return agent !== undefined && inScope.has(agent);
  };
  const buckets = seriesBuckets(query.from, query.to, query.bucket);
  const sums = new Map<string, Bucket>(buckets.map((b) => [b.key, newBucket()]));
  const sumsOf = (day: string | undefined) => (day ? sums.get(bucketKeyOf(day, query.bucket)) : undefined);
  addRows({ componentRows, metricRows }, plan, (row) => (counts(row.agent_ref) ? sumsOf(row.day) : undefined));

  const points = buckets.map((b) => {
    const s = sums.get(b.key)!;
    return { ...b, metrics: kpisOf(s, plan) };
  });
  return { from: query.from, to: query.to, bucket: query.bucket, scope, points };
}
