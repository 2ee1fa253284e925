import { and, eq } from "drizzle-orm";
import { findTeam } from "@/db/queries/teams";
import { teamMembers } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { removeTeamMemberSchema } from "@/lib/schemas/teams";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

export async function removeTeamMember(ctx: Ctx, input: { teamId: string; userId: string }) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(removeTeamMemberSchema, input);
  return ctx.db.transaction(async (tx) => {
    const team = await findTeam(tx, orgId, data.teamId);
    if (!team) throw new NotFoundError("Team not found");
    const removed = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, team.id), eq(teamMembers.userId, data.userId)))
      .returning();
    if (removed.length === 0) throw new NotFoundError("That user is not in this team");
    await recordAudit(tx, ctx.actor, { orgId, action: "team.member_remove", targetType: "team", targetId: team.id, before: { userId: data.userId, role: removed[0]!.role } });
    return { teamId: team.id, userId: data.userId };
  });
}
