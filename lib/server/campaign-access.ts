import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { ForbiddenError } from "@/lib/errors";
import type { Directory } from "./kpi-directory";

/**
 * Who may see and change a campaign (SPEC §9: create / edit / launch — managers for their own teams; HR and admins
 * all; keys by scope). A campaign's results show its participants' KPIs and awards, so reading one in full needs the
 * same reach as changing it: a manager's campaign names only teams they manage, and agents listed one by one must be
 * in one of those teams. Agents see campaigns through "My incentives" only.
 */
export function coversCampaign(actor: Actor, orgId: string, document: CampaignDocument, directory: Directory): boolean {
  if (actor.kind !== "user" || actor.role !== "manager") return true;
  const teams = document.participants?.teams ?? [];
  if (teams.length === 0) return false; // every agent of the organization: HR's or an admin's campaign
  if (!can(actor, "campaigns.manage", { orgId, teamIds: teams, teamMatch: "all" })) return false;
  return (document.participants?.agents ?? []).every((id) => {
    const agent = directory.agentFor(id);
    return agent !== undefined && can(actor, "campaigns.manage", { orgId, teamIds: agent.teamIds, teamMatch: "any" });
  });
}

/** Create, edit, launch, archive: the permission, then the reach over this document's participants. */
export function authorizeCampaignChange(actor: Actor, orgId: string, document: CampaignDocument, directory: Directory): void {
  authorize(actor, "campaigns.manage", { orgId });
  if (!coversCampaign(actor, orgId, document, directory)) {
    throw new ForbiddenError("Managers may run campaigns for the teams they manage only: name your teams in participants.teams");
  }
}

/**
 * Read a campaign, its versions, standings or a what-if: keys with campaigns:read; people who could change it (an
 * agent's own view goes through get-my-incentives instead).
 */
export function canReadCampaign(actor: Actor, orgId: string, document: CampaignDocument, directory: Directory): boolean {
  if (actor.kind === "api_key") return can(actor, "campaigns.read", { orgId });
  return can(actor, "campaigns.manage", { orgId }) && coversCampaign(actor, orgId, document, directory);
}

export function authorizeCampaignRead(actor: Actor, orgId: string, document: CampaignDocument, directory: Directory): void {
  if (!canReadCampaign(actor, orgId, document, directory)) throw new ForbiddenError("You may see the campaigns of the teams you manage only");
}
