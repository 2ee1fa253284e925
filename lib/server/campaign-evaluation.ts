import type { Db } from "@/db/client";
import { findRecognitionPick } from "@/db/queries/campaigns";
import { foldPendingRollups } from "@/db/queries/events";
import { previousRange } from "@/lib/domain/calendar";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { evaluate, EvaluationError } from "@/lib/domain/campaigns/evaluate";
import type { DayRange, EvaluationResult, KpiTable } from "@/lib/domain/campaigns/evaluation";
import { ruleKpis, streakKpi } from "@/lib/domain/campaigns/rule-kpis";
import { bucketKeyOf, seriesBuckets } from "@/lib/domain/kpi-series";
import { UnprocessableError, ValidationError } from "@/lib/errors";
import { loadDirectory, type Directory, type DirectoryAgent } from "./kpi-directory";
import { addRows, agentKpis, agentsFilter, kpisOf, newBucket, planKpis, readSums, type Bucket } from "./kpi-sums";

/**
 * Loads what the rules engine needs for one campaign document over one period — participants, their KPIs, the
 * previous period's for `improvement`, per-day or per-week values for streaks — and evaluates it. simulate, standings
 * and "my incentives" all go through here, so a what-if over a range equals the standings of the same campaign
 * launched over that range. Reads rollups only; callers authorize first. `campaignId` names a stored campaign: a
 * recognition rule then gets the manager's pick for the period (SPEC §8.2); what-ifs have none.
 */
export async function evaluateCampaign(
  db: Db,
  orgId: string,
  document: CampaignDocument,
  period: DayRange,
  opts: { directory?: Directory; picks?: readonly string[]; cache?: KpiCache; campaignId?: string } = {},
): Promise<{ result: EvaluationResult; participants: DirectoryAgent[] }> {
  if (!opts.cache) await foldPendingRollups(db, orgId); // count every stored batch (a cache folded when it was made)
  const directory = opts.directory ?? (await loadDirectory(db, orgId));
  if (opts.picks === undefined && opts.campaignId !== undefined && document.rule.kind === "recognition") {
    const pick = await findRecognitionPick(db, orgId, opts.campaignId, period);
    const agent = pick && directory.agents.find((a) => a.userId === pick.agentId);
    opts = { ...opts, picks: agent ? [agent.externalId] : [] };
  }
  const participants = campaignParticipants(document, directory);
  const rule = document.rule;
  const kpis = opts.cache ? await opts.cache.table(period) : await agentKpis(db, orgId, period, ruleKpis(rule), participants, directory);
  const needsPrevious = rule.compare === "improvement";
  const previousPeriod = previousRange(period.from, period.to);
  const previous = needsPrevious ? { period: previousPeriod, kpis: await agentKpis(db, orgId, previousPeriod, ruleKpis(rule), participants, directory) } : undefined;
  const streak = streakKpi(rule);
  const subPeriods = !streak
    ? undefined
    : opts.cache
      ? await opts.cache.series(period, streak.metric, streak.every)
      : await agentKpisBy(db, orgId, period, streak.metric, streak.every, participants, directory);
  try {
    const result = evaluate({
      document,
      period,
      participants: participants.map((a) => ({ agent: a.externalId, name: a.name })),
      kpis,
      ...(previous ? { previous } : {}),
      ...(subPeriods ? { subPeriods } : {}),
      ...(opts.picks ? { picks: opts.picks } : {}),
    });
    return { result, participants };
  } catch (err) {
    // fail closed: no award, and a message the manager can act on
    if (err instanceof EvaluationError) throw new UnprocessableError(`This campaign cannot be evaluated: ${err.message}`);
    throw err;
  }
}

/**
 * KPI reads shared by many evaluations over the same ranges (a period close evaluates every campaign of a month):
 * each range is read once for every active agent with the union of the KPIs the campaigns need, and each streak
 * series once per KPI. An agent's values do not depend on who else is read, so every campaign sees exactly what its
 * own read would give; the engine only looks up its participants and its KPIs.
 */
export class KpiCache {
  private readonly tables = new Map<string, Promise<KpiTable>>();
  private readonly seriesByKey = new Map<string, Promise<Array<{ period: DayRange; kpis: KpiTable }>>>();
  private readonly agents: DirectoryAgent[];

  private constructor(
    private readonly db: Db,
    private readonly orgId: string,
    private readonly directory: Directory,
    private readonly keys: readonly string[],
  ) {
    this.agents = directory.agents.filter((a) => a.active);
  }

  /** Folds queued rollup deltas once, then serves the reads of `documents`. */
  static async create(db: Db, orgId: string, directory: Directory, documents: readonly CampaignDocument[]): Promise<KpiCache> {
    await foldPendingRollups(db, orgId);
    const keys = [...new Set(documents.flatMap((d) => ruleKpis(d.rule)))].sort();
    return new KpiCache(db, orgId, directory, keys);
  }

  table(range: DayRange): Promise<KpiTable> {
    const key = `${range.from}/${range.to}`;
    let table = this.tables.get(key);
    if (!table) this.tables.set(key, (table = agentKpis(this.db, this.orgId, range, this.keys, this.agents, this.directory)));
    return table;
  }

  series(range: DayRange, metric: string, every: "day" | "week"): Promise<Array<{ period: DayRange; kpis: KpiTable }>> {
    const key = `${range.from}/${range.to}/${metric}/${every}`;
    let series = this.seriesByKey.get(key);
    if (!series) this.seriesByKey.set(key, (series = agentKpisBy(this.db, this.orgId, range, metric, every, this.agents, this.directory)));
    return series;
  }
}

/**
 * Who takes part (SPEC §5.1): the agents of the listed teams and the listed agents; neither listed means every agent.
 * Deactivated people are left out: they earn nothing new.
 */
export function campaignParticipants(document: CampaignDocument, directory: Directory): DirectoryAgent[] {
  const teams = new Set(document.participants?.teams ?? []);
  const named = new Set(document.participants?.agents ?? []);
  const everyone = teams.size === 0 && named.size === 0;
  return directory.agents.filter((a) => a.active && (everyone || named.has(a.externalId) || a.teamIds.some((t) => teams.has(t))));
}

/** Teams and agents a document names must exist in the organization: each unknown one is reported at its path. */
export function checkParticipants(document: CampaignDocument, directory: Directory): void {
  const issues: Array<{ path: string; message: string }> = [];
  const teamIds = new Set(directory.teams.map((t) => t.id));
  document.participants?.teams?.forEach((t, i) => {
    if (!teamIds.has(t)) issues.push({ path: `participants.teams[${i}]`, message: `no team with id "${t}" in this organization` });
  });
  const externalIds = new Set(directory.agents.map((a) => a.externalId));
  document.participants?.agents?.forEach((a, i) => {
    if (!externalIds.has(a)) issues.push({ path: `participants.agents[${i}]`, message: `no agent with external id "${a}"` });
  });
  for (const key of Object.keys(document.rule.targets ?? {})) {
    if (!externalIds.has(key)) issues.push({ path: `rule.targets.${key}`, message: `no agent with external id "${key}"` });
  }
  if (issues.length) throw new ValidationError(`${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/** One KPI per participant per day or calendar week (clipped to the range), in order: what a streak counts. */
async function agentKpisBy(
  db: Db,
  orgId: string,
  range: DayRange,
  key: string,
  every: "day" | "week",
  participants: DirectoryAgent[],
  directory: Directory,
): Promise<Array<{ period: DayRange; kpis: KpiTable }>> {
  const periods = seriesBuckets(range.from, range.to, every);
  const plan = planKpis([key]);
  const sums = new Map<string, Map<string, Bucket>>(periods.map((p) => [p.key, new Map(participants.map((a) => [a.externalId, newBucket()]))]));
  if (participants.length > 0) {
    const rows = await readSums(db, orgId, range, plan, "day_agent_ref", { agents: agentsFilter(participants) });
    const inScope = new Set(participants);
    addRows(rows, plan, (row) => {
      const agent = directory.agentFor(row.agent_ref ?? "");
      if (!agent || !inScope.has(agent) || !row.day) return undefined;
      return sums.get(bucketKeyOf(row.day, every))?.get(agent.externalId);
    });
  }
  return periods.map((p) => {
    const kpis: KpiTable = {};
    for (const [agent, b] of sums.get(p.key)!) kpis[agent] = kpisOf(b, plan);
    return { period: { from: p.from, to: p.to }, kpis };
  });
}
