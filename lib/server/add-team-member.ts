import { findTeam } from "@/db/queries/teams";
import { findUser } from "@/db/queries/users";
import { teamMembers } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { teamMemberSchema } from "@/lib/schemas/teams";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

/** Adds a user to a team as agent or manager, or changes their role in it. */
export async function addTeamMember(ctx: Ctx, input: { teamId: string; userId: string; role: "agent" | "manager" }, opts: { orgId?: string } = {}) {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(teamMemberSchema, input);
  return ctx.db.transaction(async (tx) => {
    const team = await findTeam(tx, orgId, data.teamId);
    if (!team) throw new NotFoundError("Team not found");
    const user = await findUser(tx, orgId, data.userId);
    if (!user) throw new ValidationError("userId: no such user", [{ path: "userId", message: "no such user" }]);
    if (data.role === "agent" && user.role !== "agent") {
      throw new ValidationError("role: only users with the agent role can be a team's agents", [{ path: "role", message: "only users with the agent role can be a team's agents" }]);
    }
    if (data.role === "manager" && user.role === "agent") {
      throw new ValidationError("role: give the user the manager role before making them a team manager", [{ path: "role", message: "give the user the manager role first" }]);
    }
    await tx
      .insert(teamMembers)
      .values({ orgId, teamId: team.id, userId: user.id, role: data.role })
      .onConflictDoUpdate({ target: [teamMembers.teamId, teamMembers.userId], set: { role: data.role } });
    await recordAudit(tx, ctx.actor, { orgId, action: "team.member_add", targetType: "team", targetId: team.id, after: { userId: user.id, role: data.role } });
    return { teamId: team.id, userId: user.id, role: data.role };
  });
}
