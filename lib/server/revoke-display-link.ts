import { findDisplayLink, revokeDisplayLinkRow } from "@/db/queries/leaderboards";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { announceChange } from "@/lib/realtime/changes";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";

/** Revokes a display link: screens using it get nothing from their next request or update on. */
export async function revokeDisplayLink(ctx: Ctx, id: string): Promise<void> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "leaderboards.manage", { orgId });
  const revoked = await ctx.db.transaction(async (tx) => {
    const link = await findDisplayLink(tx, orgId, id);
    if (!link) throw new NotFoundError("Display link not found");
    if (link.revokedAt) return false;
    await revokeDisplayLinkRow(tx, orgId, id, nowOf(ctx));
    await recordAudit(tx, ctx.actor, { orgId, action: "display_link.revoke", targetType: "display_link", targetId: id, before: { name: link.name } });
    return true;
  });
  // open screens re-check their link at the next update: make that now, so a revoked screen goes dark at once
  if (revoked) announceChange(ctx.db, orgId);
}
