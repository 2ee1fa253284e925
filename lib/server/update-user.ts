import { and, eq, sql } from "drizzle-orm";
import { findAgentProfileByExternalId, findUser } from "@/db/queries/users";
import { agentProfiles, teamMembers, users } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { updateUserSchema, type UpdateUserInput } from "@/lib/schemas/users";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";

/**
 * Name, role, active flag and external id. A role change or deactivation takes effect on the user's next request:
 * sessions are re-checked against this row on every request (lib/auth/session.ts).
 */
export async function updateUser(ctx: Ctx, input: UpdateUserInput) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(updateUserSchema, input);
  if (ctx.actor.kind === "user" && ctx.actor.userId === data.userId && (data.role !== "admin" || !data.active)) {
    // An admin locking themselves out would leave nobody able to undo it.
    throw new ValidationError("role: you cannot remove your own admin role or deactivate yourself", [
      { path: data.active ? "role" : "active", message: "you cannot remove your own admin role or deactivate yourself" },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const before = await findUser(tx, orgId, data.userId);
    if (!before) throw new NotFoundError("User not found");
    const [profile] = await tx.select().from(agentProfiles).where(and(eq(agentProfiles.orgId, orgId), eq(agentProfiles.userId, before.id)));
    const roleOrActiveChanged = before.role !== data.role || before.active !== data.active;
    await tx
      .update(users)
      .set({
        name: data.name,
        role: data.role,
        active: data.active,
        updatedAt: nowOf(ctx),
        securityVersion: roleOrActiveChanged ? sql`${users.securityVersion} + 1` : users.securityVersion,
      })
      .where(and(eq(users.orgId, orgId), eq(users.id, before.id)));

    // Agents keep (or get) their external id; the profile stays when the role changes so history still matches.
    const wantedExternalId = data.externalId ?? profile?.externalId ?? (data.role === "agent" ? before.email : undefined);
    if (wantedExternalId && wantedExternalId !== profile?.externalId) {
      const clash = await findAgentProfileByExternalId(tx, orgId, wantedExternalId);
      if (clash && clash.userId !== before.id) {
        throw new ConflictError("externalId: another agent already has this external id", { issues: [{ path: "externalId", message: "another agent already has this external id" }] });
      }
      if (profile) await tx.update(agentProfiles).set({ externalId: wantedExternalId }).where(eq(agentProfiles.id, profile.id));
      else await tx.insert(agentProfiles).values({ orgId, userId: before.id, externalId: wantedExternalId });
    }
    // Memberships that no longer fit the role go in the same transaction: only agents are a team's agents, and an
    // agent manages no team.
    const dropped = await tx
      .delete(teamMembers)
      .where(
        and(
          eq(teamMembers.orgId, orgId),
          eq(teamMembers.userId, before.id),
          data.role === "agent" ? eq(teamMembers.role, "manager") : eq(teamMembers.role, "agent"),
        ),
      )
      .returning({ teamId: teamMembers.teamId, role: teamMembers.role });
    const after = { name: data.name, role: data.role, active: data.active, externalId: wantedExternalId ?? null, removedFromTeams: dropped };
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: roleOrActiveChanged ? "user.permissions_change" : "user.update",
      targetType: "user",
      targetId: before.id,
      before: { name: before.name, role: before.role, active: before.active, externalId: profile?.externalId ?? null },
      after,
    });
    return { id: before.id, email: before.email, ...after };
  });
}
