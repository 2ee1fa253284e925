import { and, asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../client";
import { displayLinks, leaderboards, type DisplayLink, type Leaderboard } from "../schema";
import { isUuid } from "./rows";


export async function findLeaderboard(q: Queryable, orgId: string, id: string): Promise<Leaderboard | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select().from(leaderboards).where(and(eq(leaderboards.orgId, orgId), eq(leaderboards.id, id)));
  return row;
}

export async function listLeaderboardRows(q: Queryable, orgId: string): Promise<Leaderboard[]> {
  return q.select().from(leaderboards).where(eq(leaderboards.orgId, orgId)).orderBy(asc(leaderboards.name), asc(leaderboards.id));
}

export type LeaderboardValues = Omit<Leaderboard, "id" | "orgId" | "createdAt" | "updatedAt" | "createdBy">;

export async function insertLeaderboard(q: Queryable, orgId: string, values: LeaderboardValues, createdBy: string | null, now: Date): Promise<Leaderboard> {
  const [row] = await q.insert(leaderboards).values({ orgId, ...values, createdBy, createdAt: now, updatedAt: now }).returning();
  return row!;
}

export async function updateLeaderboardRow(q: Queryable, orgId: string, id: string, values: LeaderboardValues, now: Date): Promise<void> {
  await q.update(leaderboards).set({ ...values, updatedAt: now }).where(and(eq(leaderboards.orgId, orgId), eq(leaderboards.id, id)));
}

export async function deleteLeaderboardRow(q: Queryable, orgId: string, id: string): Promise<void> {
  await q.delete(leaderboards).where(and(eq(leaderboards.orgId, orgId), eq(leaderboards.id, id)));
}

export async function findDisplayLinkByHash(q: Queryable, tokenHash: string): Promise<DisplayLink | undefined> {
  const [row] = await q.select().from(displayLinks).where(and(eq(displayLinks.tokenHash, tokenHash), isNull(displayLinks.revokedAt)));
  return row;
}

export async function findDisplayLink(q: Queryable, orgId: string, id: string): Promise<DisplayLink | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select().from(displayLinks).where(and(eq(displayLinks.orgId, orgId), eq(displayLinks.id, id)));
  return row;
}

export async function listDisplayLinkRows(q: Queryable, orgId: string): Promise<DisplayLink[]> {
  return q.select().from(displayLinks).where(eq(displayLinks.orgId, orgId)).orderBy(asc(displayLinks.createdAt), asc(displayLinks.id));
}

export async function insertDisplayLink(
  q: Queryable,
  orgId: string,
  values: { name: string; tokenHash: string; boardIds: string[]; rotateSeconds: number; createdBy: string | null; now: Date },
): Promise<DisplayLink> {
  const [row] = await q
    .insert(displayLinks)
    .values({ orgId, name: values.name, tokenHash: values.tokenHash, boardIds: values.boardIds, rotateSeconds: values.rotateSeconds, createdBy: values.createdBy, createdAt: values.now })
    .returning();
  return row!;
}

export async function revokeDisplayLinkRow(q: Queryable, orgId: string, id: string, now: Date): Promise<void> {
  await q.update(displayLinks).set({ revokedAt: now }).where(and(eq(displayLinks.orgId, orgId), eq(displayLinks.id, id), isNull(displayLinks.revokedAt)));
}
