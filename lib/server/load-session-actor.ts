import type { Db } from "@/db/client";
import { findUserByIdAnyOrg, teamIdsOfUser } from "@/db/queries/users";
import type { UserActor } from "@/lib/auth/actor";

/**
 * Turns a session (user id + security version from the JWT) into an actor, reading the user row on every request:
 * a deactivated user, or a token minted before a password reset or role change, gets null (signed out), and the
 * role always comes from the database, never from the token.
 */
export async function loadSessionActor(db: Db, session: { userId: string; securityVersion?: number }): Promise<UserActor | null> {
  const user = await findUserByIdAnyOrg(db, session.userId);
  if (!user || !user.active) return null;
  if (session.securityVersion !== undefined && session.securityVersion !== user.securityVersion) return null;
  const teamIds = await teamIdsOfUser(db, user.orgId, user.id);
  return {
    kind: "user",
    orgId: user.orgId,
    userId: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    managedTeamIds: teamIds.managed,
    memberTeamIds: teamIds.member,
  };
}
