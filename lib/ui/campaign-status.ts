import type { CampaignStatus } from "@/lib/domain/campaigns/lifecycle";

/** The badge class of a campaign status: running is green, about to run blue, over or put away grey. */
export function statusBadge(status: CampaignStatus): string {
  switch (status) {
    case "active":
      return "badge ok";
    case "scheduled":
      return "badge brand";
    case "draft":
      return "badge warn";
    default:
      return "badge";
  }
}
