import { findAgentProfileByExternalId, findUserByEmailAnyOrg } from "@/db/queries/users";
import { findTeam } from "@/db/queries/teams";
import { isUniqueViolation } from "@/db/errors";
import { agentProfiles, teamMembers, users } from "@/db/schema";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { authorize, orgOf } from "@/lib/auth/policy";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/users";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

export type CreatedUser = { id: string; email: string; name: string; role: string; externalId: string | null; password: string; generatedPassword: boolean };

/**
 * Creates a user in the actor's organization (admins; the operator names the org). Agents get an agent profile whose
 * externalId defaults to their email. Without a password one is generated and returned once, never stored in clear.
 */
export async function createUser(
  ctx: Ctx,
  input: CreateUserInput,
  // passwordHash: a precomputed hash of input.password, so that seeding dozens of demo users with one shared password
  // hashes it once (scrypt costs ~0.2 s a time); the operator's (system actor's) only
  opts: { orgId?: string; passwordHash?: string } = {},
): Promise<CreatedUser> {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(createUserSchema, input);
  const password = data.password ?? generatePassword();
  const passwordHash = opts.passwordHash && data.password && ctx.actor.kind === "system" ? opts.passwordHash : await hashPassword(password);
  const externalId = data.role === "agent" ? (data.externalId ?? data.email) : null;
  if ((data.role === "hr" || data.role === "admin") && data.teamId) {
    throw new ValidationError("teamId: only agents and managers belong to teams", [{ path: "teamId", message: "only agents and managers belong to teams" }]);
  }
  if (data.role !== "agent" && data.externalId) {
    throw new ValidationError("externalId: only agents have an external id", [{ path: "externalId", message: "only agents have an external id" }]);
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      if (await findUserByEmailAnyOrg(tx, data.email)) {
        throw new ConflictError("email: a user with this email already exists", { issues: [{ path: "email", message: "a user with this email already exists" }] });
      }
      if (externalId && (await findAgentProfileByExternalId(tx, orgId, externalId))) {
        throw new ConflictError("externalId: another agent already has this external id", { issues: [{ path: "externalId", message: "another agent already has this external id" }] });
      }
      if (data.teamId && !(await findTeam(tx, orgId, data.teamId))) {
        throw new ValidationError("teamId: no such team", [{ path: "teamId", message: "no such team" }]);
      }
      const name = data.name ?? data.email.split("@")[0]!;
      const [user] = await tx
        .insert(users)
        .values({ orgId, email: data.email, name, role: data.role, passwordHash, locale: data.locale ?? null })
        .returning();
      if (!user) throw new Error("insert returned no row");
      if (externalId) await tx.insert(agentProfiles).values({ orgId, userId: user.id, externalId });
      if (data.teamId) {
        await tx.insert(teamMembers).values({ orgId, teamId: data.teamId, userId: user.id, role: data.role === "manager" ? "manager" : "agent" });
      }
      await recordAudit(tx, ctx.actor, {
        orgId,
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        after: { email: user.email, name, role: user.role, externalId, teamId: data.teamId ?? null },
      });
      return { id: user.id, email: user.email, name, role: user.role, externalId, password, generatedPassword: !data.password };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("A user with this email or external id already exists");
    throw err;
  }
}
