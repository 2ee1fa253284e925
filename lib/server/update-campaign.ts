import { isDeepStrictEqual } from "node:util";
import { saveCampaignEdit } from "@/db/queries/campaigns";
import { authorize, orgOf } from "@/lib/auth/policy";
import { ConflictError } from "@/lib/errors";
import { parseCampaignBody } from "@/lib/schemas/campaigns";
import { recordAudit } from "./audit";
import { authorizeCampaignChange } from "./campaign-access";
import { checkParticipants } from "./campaign-evaluation";
import { authorOf, loadCampaign } from "./campaign-load";
import { nowOf, type Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

/**
 * Edits a campaign (→ `{ id, version }`). A draft's version is replaced; a launched campaign's edit is a new rule
 * version (SPEC §2), earlier versions stay as they were and results keep naming the one that produced them. An edit
 * that changes nothing makes no version. Archived campaigns are final.
 */
export async function updateCampaign(ctx: Ctx, id: string, body: unknown): Promise<{ id: string; version: number; changed: boolean }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "campaigns.manage", { orgId });
  const { document, shadow } = parseCampaignBody(body);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, orgId, id, { forUpdate: true });
    const directory = await loadDirectory(tx, orgId);
    authorizeCampaignChange(ctx.actor, orgId, campaign.document, directory); // a manager edits only what is theirs…
    checkParticipants(document, directory);
    authorizeCampaignChange(ctx.actor, orgId, document, directory); // …and only into what stays theirs
    if (campaign.state === "archived") throw new ConflictError("This campaign is archived: it can no longer be edited");
    const nextShadow = shadow ?? campaign.shadow;
    if (isDeepStrictEqual(document, campaign.document) && nextShadow === campaign.shadow) return { id, version: campaign.version, changed: false };
    const version = await saveCampaignEdit(tx, campaign, { document, shadow: nextShadow, teamIds: document.participants?.teams ?? [], author: authorOf(ctx.actor), now });
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: "campaign.update",
      targetType: "campaign",
      targetId: id,
      before: { version: campaign.version, shadow: campaign.shadow, document: campaign.document },
      after: { version, shadow: nextShadow, document },
    });
    return { id, version, changed: true };
  });
}
