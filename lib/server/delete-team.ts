import { and, eq } from "drizzle-orm";
import { findTeam, listTeamMembers } from "@/db/queries/teams";
import { teams } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { uuidSchema } from "@/lib/schemas/common";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

/** Removes a team and its memberships (the people stay). The audit row keeps who was in it. */
export async function deleteTeam(ctx: Ctx, input: { teamId: string }) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const teamId = parseInput(uuidSchema, input.teamId, "teamId");
  return ctx.db.transaction(async (tx) => {
    const team = await findTeam(tx, orgId, teamId);
    if (!team) throw new NotFoundError("Team not found");
    const members = await listTeamMembers(tx, orgId, team.id);
    await tx.delete(teams).where(and(eq(teams.orgId, orgId), eq(teams.id, team.id)));
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: "team.delete",
      targetType: "team",
      targetId: team.id,
      before: { name: team.name, members: members.map((m) => ({ userId: m.userId, role: m.role })) },
    });
    return { id: team.id };
  });
}
