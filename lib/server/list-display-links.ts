import { listDisplayLinkRows } from "@/db/queries/leaderboards";
import { authorize, orgOf } from "@/lib/auth/policy";
import type { Ctx } from "./context";

export type DisplayLinkSummary = { id: string; name: string; boardIds: string[]; rotateSeconds: number; createdAt: string; revokedAt: string | null };

/** The organization's display links (never their tokens), for the people who manage boards. */
export async function listDisplayLinks(ctx: Ctx): Promise<DisplayLinkSummary[]> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "leaderboards.manage", { orgId });
  return (await listDisplayLinkRows(ctx.db, orgId)).map((l) => ({
    id: l.id,
    name: l.name,
    boardIds: l.boardIds,
    rotateSeconds: l.rotateSeconds,
    createdAt: l.createdAt.toISOString(),
    revokedAt: l.revokedAt ? l.revokedAt.toISOString() : null,
  }));
}
