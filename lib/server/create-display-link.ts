import { findLeaderboard, insertDisplayLink } from "@/db/queries/leaderboards";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { displayLinkSchema } from "@/lib/schemas/leaderboards";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import { displayTokenHash, newDisplayToken } from "./display-token";

/**
 * A display link for a wall screen (TV mode) showing only the chosen boards, with no sign-in. The token is returned
 * once, inside the path to open (`/tv/<token>`); only its hash is kept.
 */
export async function createDisplayLink(ctx: Ctx, input: unknown): Promise<{ id: string; token: string; path: string }> {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "leaderboards.manage", { orgId });
  const data = parseInput(displayLinkSchema, input);
  const token = newDisplayToken();
  return ctx.db.transaction(async (tx) => {
    const boards = [...new Set(data.boards)];
    for (const [i, id] of boards.entries()) {
      // another organization's board is simply not found, as everywhere
      if (!(await findLeaderboard(tx, orgId, id))) throw new NotFoundError(`boards[${i}]: no leaderboard with this id`, { issues: [{ path: `boards[${i}]`, message: "no leaderboard with this id" }] });
    }
    const link = await insertDisplayLink(tx, orgId, {
      name: data.name,
      tokenHash: displayTokenHash(token)!,
      boardIds: boards,
      rotateSeconds: data.rotateSeconds ?? 20,
      createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      now: nowOf(ctx),
    });
    await recordAudit(tx, ctx.actor, { orgId, action: "display_link.create", targetType: "display_link", targetId: link.id, after: { name: link.name, boards, rotateSeconds: link.rotateSeconds } });
    return { id: link.id, token, path: `/tv/${token}` };
  });
}
