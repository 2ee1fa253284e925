import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "../client";
import { campaignVersions, campaigns, recognitionPicks, type Campaign, type CampaignState, type CampaignVersion } from "../schema";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";

export type CampaignWithDocument = Campaign & { document: CampaignDocument; versionCreatedAt: Date; versionCreatedBy: string };

/** A campaign with the document of its newest version. `forUpdate` locks the row (edits and launch). */
export async function findCampaign(q: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<CampaignWithDocument | undefined> {
  const base = q.select().from(campaigns).where(and(eq(campaigns.orgId, orgId), eq(campaigns.id, id)));
  const [row] = opts.forUpdate ? await base.for("update") : await base;
  if (!row) return undefined;
  const version = await findCampaignVersion(q, orgId, id, row.version);
  if (!version) return undefined;
  return { ...row, document: version.document, versionCreatedAt: version.createdAt, versionCreatedBy: version.createdByLabel };
}

export async function findCampaignVersion(q: Queryable, orgId: string, campaignId: string, version: number): Promise<CampaignVersion | undefined> {
  const [row] = await q
    .select()
    .from(campaignVersions)
    .where(and(eq(campaignVersions.orgId, orgId), eq(campaignVersions.campaignId, campaignId), eq(campaignVersions.version, version)));
  return row;
}

/** Every campaign of an organization with its newest document, newest first. */
export async function listCampaignsWithDocuments(q: Queryable, orgId: string): Promise<CampaignWithDocument[]> {
  const rows = await q
    .select({ campaign: campaigns, document: campaignVersions.document, versionCreatedAt: campaignVersions.createdAt, versionCreatedBy: campaignVersions.createdByLabel })
    .from(campaigns)
    .innerJoin(campaignVersions, and(eq(campaignVersions.campaignId, campaigns.id), eq(campaignVersions.version, campaigns.version)))
    .where(eq(campaigns.orgId, orgId))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id));
  return rows.map((r) => ({ ...r.campaign, document: r.document, versionCreatedAt: r.versionCreatedAt, versionCreatedBy: r.versionCreatedBy }));
}

export async function listCampaignVersions(q: Queryable, orgId: string, campaignId: string): Promise<CampaignVersion[]> {
  return q
    .select()
    .from(campaignVersions)
    .where(and(eq(campaignVersions.orgId, orgId), eq(campaignVersions.campaignId, campaignId)))
    .orderBy(desc(campaignVersions.version));
}

type Author = { userId: string | null; label: string };

export async function insertCampaign(
  q: Queryable,
  orgId: string,
  data: { document: CampaignDocument; shadow: boolean; teamIds: string[]; author: Author; now: Date },
): Promise<Campaign> {
  const [row] = await q
    .insert(campaigns)
    .values({ orgId, shadow: data.shadow, teamIds: data.teamIds, createdBy: data.author.userId, createdAt: data.now, updatedAt: data.now })
    .returning();
  await q.insert(campaignVersions).values({
    orgId,
    campaignId: row!.id,
    version: 1,
    document: data.document,
    createdBy: data.author.userId,
    createdByLabel: data.author.label,
    createdAt: data.now,
  });
  return row!;
}

/**
 * Saves an edit: a draft's single version is replaced; a launched campaign gets the next version and every earlier one
 * stays as it was, so results that name a version can always be recomputed.
 */
export async function saveCampaignEdit(
  q: Queryable,
  campaign: Campaign,
  data: { document: CampaignDocument; shadow: boolean; teamIds: string[]; author: Author; now: Date },
): Promise<number> {
  const version = campaign.state === "draft" ? campaign.version : campaign.version + 1;
  const values = { document: data.document, createdBy: data.author.userId, createdByLabel: data.author.label, createdAt: data.now };
  if (campaign.state === "draft") {
    await q
      .update(campaignVersions)
      .set(values)
      .where(and(eq(campaignVersions.campaignId, campaign.id), eq(campaignVersions.version, version)));
  } else {
    await q.insert(campaignVersions).values({ orgId: campaign.orgId, campaignId: campaign.id, version, ...values });
  }
  await q
    .update(campaigns)
    .set({ version, shadow: data.shadow, teamIds: data.teamIds, updatedAt: data.now })
    .where(eq(campaigns.id, campaign.id));
  return version;
}

export async function setCampaignState(q: Queryable, campaignId: string, state: CampaignState, now: Date): Promise<void> {
  await q
    .update(campaigns)
    .set({ state, updatedAt: now, ...(state === "launched" ? { launchedAt: now } : {}) })
    .where(eq(campaigns.id, campaignId));
}

export type RecognitionPick = typeof recognitionPicks.$inferSelect;

/** The pick of one period of a recognition campaign (SPEC §8.2), if the manager made one. */
export async function findRecognitionPick(q: Queryable, orgId: string, campaignId: string, period: { from: string; to: string }): Promise<RecognitionPick | undefined> {
  const [row] = await q
    .select()
    .from(recognitionPicks)
    .where(and(eq(recognitionPicks.orgId, orgId), eq(recognitionPicks.campaignId, campaignId), eq(recognitionPicks.periodFrom, period.from), eq(recognitionPicks.periodTo, period.to)));
  return row;
}

/** Sets (or replaces) the pick of a period. */
export async function saveRecognitionPick(q: Queryable, pick: typeof recognitionPicks.$inferInsert): Promise<void> {
  await q
    .insert(recognitionPicks)
    .values(pick)
    .onConflictDoUpdate({
      target: [recognitionPicks.campaignId, recognitionPicks.periodFrom],
      set: { periodTo: pick.periodTo, agentId: pick.agentId, reason: pick.reason ?? null, pickedBy: pick.pickedBy ?? null, pickedByLabel: pick.pickedByLabel, pickedAt: pick.pickedAt ?? new Date() },
    });
}

export async function deleteRecognitionPick(q: Queryable, orgId: string, campaignId: string, periodFrom: string): Promise<void> {
  await q.delete(recognitionPicks).where(and(eq(recognitionPicks.orgId, orgId), eq(recognitionPicks.campaignId, campaignId), eq(recognitionPicks.periodFrom, periodFrom)));
}
