import type { CampaignWithDocument } from "@/db/queries/campaigns";
import { campaignStatus, type CampaignStatus } from "@/lib/domain/campaigns/lifecycle";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";

/**
 * A campaign as the API and the pages read it: the §5.1 document with its id, newest version, status and shadow flag
 * beside it, so that what GET returns can be edited and PUT back as it is.
 */
export type CampaignView = CampaignDocument & {
  id: string;
  version: number;
  status: CampaignStatus;
  shadow: boolean;
  createdAt: string;
  updatedAt: string;
  launchedAt: string | null;
};

export function campaignView(c: CampaignWithDocument, today: string): CampaignView {
  return {
    id: c.id,
    version: c.version,
    status: campaignStatus(c.state, c.document.schedule, today),
    shadow: c.shadow,
    ...c.document,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    launchedAt: c.launchedAt ? c.launchedAt.toISOString() : null,
  };
}
