import { listCampaignVersions as queryVersions } from "@/db/queries/campaigns";
import { orgOf } from "@/lib/auth/policy";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { authorizeCampaignRead } from "./campaign-access";
import { loadCampaign } from "./campaign-load";
import type { Ctx } from "./context";
import { loadDirectory } from "./kpi-directory";

export type CampaignVersionView = { version: number; createdAt: string; createdBy: string; document: CampaignDocument };

/** Every rule version of a campaign, newest first: what each one said, who made it and when. */
export async function listCampaignVersions(ctx: Ctx, id: string): Promise<CampaignVersionView[]> {
  const orgId = orgOf(ctx.actor);
  const campaign = await loadCampaign(ctx.db, orgId, id);
  authorizeCampaignRead(ctx.actor, orgId, campaign.document, await loadDirectory(ctx.db, orgId));
  const versions = await queryVersions(ctx.db, orgId, id);
  return versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString(), createdBy: v.createdByLabel, document: v.document }));
}
