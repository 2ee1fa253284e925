import { authorize, orgOf } from "@/lib/auth/policy";
import { replayAnalytics, type ReplayAnalytics } from "@/lib/domain/campaigns/analytics";
import type { EvaluationResult } from "@/lib/domain/campaigns/evaluation";
import { schedulePeriods } from "@/lib/domain/campaigns/lifecycle";
import { ValidationError } from "@/lib/errors";
import { parseCampaignBody, simulateSchema } from "@/lib/schemas/campaigns";
import { parseInput } from "@/lib/validation";
import { authorizeCampaignRead } from "./campaign-access";
import { checkParticipants, evaluateCampaign } from "./campaign-evaluation";
import type { Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

/** More periods than this in one replay is a mistake (a weekly campaign over years), not a question. */
export const MAX_REPLAY_PERIODS = 60;

export type Replay = { from: string; to: string; periods: EvaluationResult[]; analytics: ReplayAnalytics };

/**
 * The builder's what-if replay: a draft (or saved) document over a past range, evaluated period by period as its
 * schedule recurs (each week, month or quarter of the range; custom: the range as one period), with the fairness
 * analytics of all of them together — share of awards going to the top 10% of agents, repeat winners. No side
 * effects; each period's evaluation is exactly what simulate gives for it.
 */
export async function replayCampaign(ctx: Ctx, body: unknown): Promise<Replay> {
  const orgId = orgOf(ctx.actor);
  if (ctx.actor.kind === "api_key") authorize(ctx.actor, "campaigns.read", { orgId });
  else authorize(ctx.actor, "campaigns.manage", { orgId });
  const input = parseInput(simulateSchema, body);
  const { document } = parseCampaignBody(input.campaign, "campaign");
  const directory = await loadDirectory(ctx.db, orgId);
  checkParticipants(document, directory);
  authorizeCampaignRead(ctx.actor, orgId, document, directory);
  const ranges = schedulePeriods({ period: document.schedule.period, from: input.from, to: input.to });
  if (ranges.length > MAX_REPLAY_PERIODS) {
    throw new ValidationError(`to: the range holds ${ranges.length} ${document.schedule.period} periods; replay at most ${MAX_REPLAY_PERIODS}`, [
      { path: "to", message: `replay at most ${MAX_REPLAY_PERIODS} periods` },
    ]);
  }
  const periods: EvaluationResult[] = [];
  for (const range of ranges) periods.push((await evaluateCampaign(ctx.db, orgId, document, range, { directory })).result);
  return { from: input.from, to: input.to, periods, analytics: replayAnalytics(periods) };
}
