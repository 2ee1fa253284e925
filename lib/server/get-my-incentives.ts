import { listCampaignsWithDocuments } from "@/db/queries/campaigns";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import type { DayRange, ParticipantResult } from "@/lib/domain/campaigns/evaluation";
import { campaignStatus, currentPeriod, periodPace, type CampaignStatus } from "@/lib/domain/campaigns/lifecycle";
import { currentRun, progressToward, type Pace, type Progress } from "@/lib/domain/campaigns/progress";
import type { KpiValue } from "@/lib/domain/kpis";
import { isAppError } from "@/lib/errors";
import { campaignParticipants, evaluateCampaign } from "./campaign-evaluation";
import { organizationToday, revalidate } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

export type MyIncentive = {
  campaign: { id: string; name: string; description: string | null; version: number; status: CampaignStatus; rule: CampaignDocument["rule"]; approval: CampaignDocument["approval"] };
  period: DayRange;
  pace: Pace;
  /** This agent's provisional result: value, n, rank, awards and the explanation of why. Null when it failed. */
  result: ParticipantResult | null;
  progress: Progress | null;
  /** Rank-like rules: how many take part, and the value the last prized (or shortlisted) position holds now. */
  standing: { participants: number; ranked: number; places: number; cutoff: number | null } | null;
  /** The campaign cannot be evaluated (fail closed): what the agent is told instead of a result. */
  error: string | null;
};

/**
 * "My incentives" (SPEC §5 progress): for every active campaign an agent takes part in — launched, not in shadow
 * mode — their provisional result for the current period, progress toward the goal at their current pace and the
 * explanation. Only the agent's own row leaves the operation (plus, for ranks, the value at the last prized place).
 */
export async function getMyIncentives(ctx: Ctx): Promise<{ today: string; agent: { externalId: string; name: string } | null; incentives: MyIncentive[] }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "self.view", { orgId });
  if (ctx.actor.kind !== "user") return { today: "", agent: null, incentives: [] };
  const userId = ctx.actor.userId;
  const [rows, directory, { today }] = await Promise.all([listCampaignsWithDocuments(ctx.db, orgId), loadDirectory(ctx.db, orgId), organizationToday(ctx.db, orgId, nowOf(ctx))]);
  const me = directory.agents.find((a) => a.userId === userId);
  if (!me) return { today, agent: null, incentives: [] };

  const incentives: MyIncentive[] = [];
  for (const row of rows) {
    if (row.shadow || campaignStatus(row.state, row.document.schedule, today) !== "active") continue;
    if (!campaignParticipants(row.document, directory).includes(me)) continue;
    const period = currentPeriod(row.document.schedule, today)!;
    const pace = periodPace(period, today);
    const campaign = {
      id: row.id,
      name: row.document.name,
      description: row.document.description ?? null,
      version: row.version,
      status: "active" as const,
      rule: row.document.rule,
      approval: row.document.approval,
    };
    try {
      const document = revalidate(row.document);
      const { result } = await evaluateCampaign(ctx.db, orgId, document, period, { directory, campaignId: row.id });
      const mine = result.results.find((r) => r.agent === me.externalId) ?? null;
      incentives.push({ campaign, period, pace, result: mine, progress: mine ? progressOf(document, mine, pace) : null, standing: standingOf(document, result.results), error: null });
    } catch (err) {
      if (!isAppError(err)) throw err;
      incentives.push({ campaign, period, pace, result: null, progress: null, standing: null, error: err.message });
    }
  }
  return { today, agent: { externalId: me.externalId, name: me.name }, incentives };
}

function progressOf(document: CampaignDocument, mine: ParticipantResult, pace: Pace): Progress {
  const rule = document.rule;
  const e = mine.explanation;
  let current: KpiValue = { value: null, n: 0 };
  let streakRun: number | undefined;
  if (e.outcome.kind === "streak") {
    // the condition as of the latest day or week with data
    const values = e.outcome.values ?? [];
    current = [...values].reverse().find((v) => v.n > 0) ?? { value: null, n: 0 };
    streakRun = currentRun(e.outcome);
  } else if (rule.metric !== "composite") {
    const used = e.inputs.find((i) => i.metric === rule.metric);
    if (used) current = { value: used.value, n: used.n };
  } else {
    current = { value: mine.value, n: mine.n }; // the composite score: no goal of its own, the rank says where one stands
  }
  return progressToward({ rule, current, pace, ...(e.reference ? { reference: e.reference } : {}), ...(streakRun !== undefined ? { streakRun } : {}) });
}

function standingOf(document: CampaignDocument, results: readonly ParticipantResult[]): MyIncentive["standing"] {
  const rule = document.rule;
  if (rule.kind !== "rank" && rule.kind !== "recognition") return null;
  const places = rule.kind === "rank" ? rule.top : rule.shortlist;
  const ranked = results.filter((r) => r.rank !== null);
  const atCutoff = ranked.filter((r) => r.rank! <= places).sort((a, b) => b.rank! - a.rank!)[0];
  return { participants: results.length, ranked: ranked.length, places, cutoff: atCutoff?.value ?? null };
}
