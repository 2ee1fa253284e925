import { authorize, orgOf } from "@/lib/auth/policy";
import type { EvaluationResult } from "@/lib/domain/campaigns/evaluation";
import { parseCampaignBody, simulateSchema } from "@/lib/schemas/campaigns";
import { parseInput } from "@/lib/validation";
import { authorizeCampaignRead } from "./campaign-access";
import { checkParticipants, evaluateCampaign } from "./campaign-evaluation";
import type { Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

export type SimulationResult = EvaluationResult & { from: string; to: string };

/**
 * What-if (SPEC §10): evaluates a campaign document — saved or not — over any range as one period, with no side
 * effects. The same evaluation as standings, so a replay equals what the launched campaign shows for that range.
 */
export async function simulateCampaign(ctx: Ctx, body: unknown): Promise<SimulationResult> {
  const orgId = orgOf(ctx.actor);
  if (ctx.actor.kind === "api_key") authorize(ctx.actor, "campaigns.read", { orgId });
  else authorize(ctx.actor, "campaigns.manage", { orgId });
  const input = parseInput(simulateSchema, body);
  const { document } = parseCampaignBody(input.campaign, "campaign");
  const directory = await loadDirectory(ctx.db, orgId);
  checkParticipants(document, directory);
  authorizeCampaignRead(ctx.actor, orgId, document, directory);
  const { result } = await evaluateCampaign(ctx.db, orgId, document, { from: input.from, to: input.to }, { directory });
  return { from: input.from, to: input.to, ...result };
}
