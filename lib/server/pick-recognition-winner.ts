import { deleteRecognitionPick, findRecognitionPick, saveRecognitionPick } from "@/db/queries/campaigns";
import { authorize, orgOf } from "@/lib/auth/policy";
import { schedulePeriods } from "@/lib/domain/campaigns/lifecycle";
import { ConflictError, UnprocessableError, ValidationError } from "@/lib/errors";
import { recognitionPickSchema } from "@/lib/schemas/campaigns";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { evaluateCampaign } from "./campaign-evaluation";
import { authorOf } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { isShortlisted, openRecognition, periodView, refuseClosed, type RecognitionPeriod } from "./recognition-period";

/**
 * Picks (or with `agent: null` clears) the winner of one period: the manager of the campaign's teams, HR or an admin;
 * only someone on that period's shortlist; only until the pay period that pays it is closed. Audited.
 */
export async function pickRecognitionWinner(ctx: Ctx, campaignId: string, input: unknown): Promise<RecognitionPeriod> {
  authorize(ctx.actor, "campaigns.manage", { orgId: orgOf(ctx.actor) });
  const pick = parseInput(recognitionPickSchema, input);
  const { orgId, campaign, directory, today } = await openRecognition(ctx, campaignId);
  if (campaign.state !== "launched") throw new ConflictError(campaign.state === "draft" ? "Launch the campaign before picking a winner" : "This campaign is archived");
  const period = schedulePeriods(campaign.document.schedule).find((p) => p.from === pick.from && p.to === pick.to);
  if (!period) throw new ValidationError("from: is not the start of one of this campaign's periods", [{ path: "from", message: "is not the start of one of this campaign's periods" }]);
  const now = nowOf(ctx);
  if (period.from > today) throw new ConflictError("This period has not started yet");
  await refuseClosed(ctx, orgId, period);

  let agentId: string | null = null;
  if (pick.agent !== null) {
    const agent = directory.agentFor(pick.agent);
    const { result } = await evaluateCampaign(ctx.db, orgId, campaign.document, period, { directory, picks: [] });
    const entry = agent && result.results.find((r) => r.agent === agent.externalId);
    if (!agent || !entry || !isShortlisted(entry)) throw new UnprocessableError(`${agent?.name ?? pick.agent} is not on the shortlist of ${period.from} – ${period.to}`);
    agentId = agent.userId;
  }
  const author = authorOf(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const before = await findRecognitionPick(tx, orgId, campaignId, period);
    if (agentId === null) await deleteRecognitionPick(tx, orgId, campaignId, period.from);
    else await saveRecognitionPick(tx, { orgId, campaignId, periodFrom: period.from, periodTo: period.to, agentId, reason: pick.reason ?? null, pickedBy: author.userId, pickedByLabel: author.label, pickedAt: now });
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: agentId === null ? "campaign.recognition_unpick" : "campaign.recognition_pick",
      targetType: "campaign",
      targetId: campaignId,
      before: before ? { period, agentId: before.agentId } : null,
      after: agentId === null ? null : { period, agentId, reason: pick.reason ?? null },
    });
  });
  await refuseClosed(ctx, orgId, period); // a close that started meanwhile froze what it read: say so rather than pretend
  return periodView(ctx, orgId, campaign, period, today, directory, { paid: undefined }); // just checked: not closed
}
