import type { Queryable } from "@/db/client";
import { findCampaign, type CampaignWithDocument } from "@/db/queries/campaigns";
import { findOrganization } from "@/db/queries/orgs";
import type { Organization } from "@/db/schema";
import { actorLabel, type Actor } from "@/lib/auth/actor";
import { localDay } from "@/lib/domain/calendar";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { campaignDocumentSchema } from "@/lib/schemas/campaigns";
import { parseInput } from "@/lib/validation";

/**
 * A campaign of the organization, its stored document validated again (STYLE: stored rule JSON is checked when
 * loaded, not trusted): a document that no longer passes is refused with its paths instead of being evaluated.
 * Another organization's campaign is simply not found.
 */
export async function loadCampaign(q: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<CampaignWithDocument> {
  const campaign = /^[0-9a-f-]{36}$/i.test(id) ? await findCampaign(q, orgId, id, opts) : undefined;
  if (!campaign) throw new NotFoundError("Campaign not found");
  return { ...campaign, document: revalidate(campaign.document) };
}

export function revalidate(document: CampaignDocument): CampaignDocument {
  try {
    return parseInput(campaignDocumentSchema, document) as CampaignDocument;
  } catch (err) {
    if (err instanceof ValidationError) throw new UnprocessableError(`The stored campaign is no longer valid: ${err.message}`, { issues: err.issues });
    throw err;
  }
}

/** The organization and today's date in its time zone: what lifecycle status and the current period depend on. */
export async function organizationToday(q: Queryable, orgId: string, now: Date): Promise<{ org: Organization; today: string }> {
  const org = await findOrganization(q, orgId);
  if (!org) throw new NotFoundError("Organization not found");
  return { org, today: localDay(now, org.timezone) };
}

/** Who wrote a version: the user, or for keys and the CLI only the label the audit log shows. */
export function authorOf(actor: Actor): { userId: string | null; label: string } {
  return { userId: actor.kind === "user" ? actor.userId : null, label: actorLabel(actor) };
}
