import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findTeam, findTeamByName, listTeamMembers } from "@/db/queries/teams";
import { findUser } from "@/db/queries/users";
import { agentProfiles, apiKeys, auditLog, organizations, teamMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { ConflictError, NotFoundError, RateLimitedError, UnauthorizedError, ValidationError, type Issue } from "@/lib/errors";
import { addTeamMember } from "@/lib/server/add-team-member";
import { authenticateApiKey } from "@/lib/server/authenticate-api-key";
import { createApiKey, hashApiKey } from "@/lib/server/create-api-key";
import { createTeam } from "@/lib/server/create-team";
import { createUser } from "@/lib/server/create-user";
import { deleteTeam } from "@/lib/server/delete-team";
import { getTeam } from "@/lib/server/get-team";
import { listApiKeys } from "@/lib/server/list-api-keys";
import { listAudit } from "@/lib/server/list-audit";
import { loadSessionActor } from "@/lib/server/load-session-actor";
import { removeTeamMember } from "@/lib/server/remove-team-member";
import { renameTeam } from "@/lib/server/rename-team";
import { resetPassword } from "@/lib/server/reset-password";
import { revokeApiKey } from "@/lib/server/revoke-api-key";
import { updateOrganization } from "@/lib/server/update-organization";
import { updateUser } from "@/lib/server/update-user";
import { FAILURE_WINDOW_MS, MAX_FAILURES, recentFailureCount, verifyCredentials } from "@/lib/server/verify-credentials";
import { auditCount, auditOf } from "../helpers/audit";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg, type TestOrg } from "../helpers/fixtures";

const PASSWORD = "correct horse battery"; // makeOrg's password for every user

let database: TestDatabase;
let a: TestOrg;
let b: TestOrg;
let seq = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${(seq++).toString(36)}`;
const email = (p: string) => `${uniq(p)}@ops.example.test`;

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeOrg(database.db, "Ops A");
  b = await makeOrg(database.db, "Ops B");
});
afterAll(async () => {
  await database?.close();
});

const as = (actor: Actor) => ({ db: database.db, actor });
const admin = () => as(a.actors.admin);

/** Awaits a promise that must reject, and returns the error for precise assertions. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected the operation to fail, but it succeeded");
}

function issuesOf(err: unknown): Issue[] {
  const details = (err as { details?: { issues?: Issue[] } }).details;
  return details?.issues ?? [];
}

async function userRow(userId: string) {
  const [row] = await database.db.select().from(users).where(eq(users.id, userId));
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}

describe("users", () => {
  it("creates an agent with an agent profile whose external id defaults to the email, and returns a generated password once", async () => {
    const addr = email("Agent.New").toUpperCase();
    const { result, entries } = await auditOf(database.db, a.org.id, () => createUser(admin(), { email: addr, role: "agent", teamId: a.teamB.id }));
    expect(result).toMatchObject({ email: addr.toLowerCase(), role: "agent", externalId: addr.toLowerCase(), generatedPassword: true });
    const created = result!;
    expect(created.password.length).toBeGreaterThanOrEqual(10);
    const row = await userRow(created.id);
    expect(row.orgId).toBe(a.org.id);
    expect(row.passwordHash).not.toContain(created.password);
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(created.password, row.passwordHash)).toBe(true);
    const [profile] = await database.db.select().from(agentProfiles).where(eq(agentProfiles.userId, created.id));
    expect(profile?.externalId).toBe(addr.toLowerCase());
    expect((await listTeamMembers(database.db, a.org.id, a.teamB.id)).map((m) => m.userId)).toContain(created.id);
    expect(entries.map((e) => e.action)).toEqual(["user.create"]);
    expect(entries[0]).toMatchObject({ targetType: "user", targetId: created.id, actorType: "user", actorId: a.users.admin.id, actorLabel: a.users.admin.email });
    expect(JSON.stringify(entries[0])).not.toContain(created.password);
  });

  it("refuses a duplicate email in any organization, case-insensitively, with an email issue and no audit row", async () => {
    for (const existing of [a.users.hr.email, b.users.hr.email.toUpperCase()]) {
      const { error, entries } = await auditOf(database.db, a.org.id, () => createUser(admin(), { email: existing, role: "hr", password: "a long password" }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(issuesOf(error)).toEqual([{ path: "email", message: expect.any(String) }]);
      expect(entries).toEqual([]);
    }
  });

  it("keeps external ids unique per organization, not across organizations", async () => {
    const externalId = uniq("ext");
    const first = await createUser(admin(), { email: email("ext1"), role: "agent", externalId, password: "a long password" });
    expect(first.externalId).toBe(externalId);
    const clash = await failure(createUser(admin(), { email: email("ext2"), role: "agent", externalId, password: "a long password" }));
    expect(clash).toBeInstanceOf(ConflictError);
    expect(issuesOf(clash).map((i) => i.path)).toEqual(["externalId"]);
    const other = await createUser(as(b.actors.admin), { email: email("ext3"), role: "agent", externalId, password: "a long password" });
    expect(other.externalId).toBe(externalId);
  });

  it("refuses an external id for a user who is not an agent", async () => {
    const err = await failure(createUser(admin(), { email: email("mgr"), role: "manager", externalId: "x-1", password: "a long password" }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(issuesOf(err).map((i) => i.path)).toEqual(["externalId"]);
  });

  it("names every invalid field of a new user", async () => {
    const err = await failure(createUser(admin(), { email: "not-an-email", role: "boss" as "agent", password: "short" }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(issuesOf(err).map((i) => i.path).sort()).toEqual(["email", "password", "role"]);
  });

  it("changes a role: bumps the security version, audits a permissions change, and the next request sees the new role", async () => {
    const u = await createUser(admin(), { email: email("promote"), role: "agent", password: PASSWORD });
    const before = await userRow(u.id);
    const { result, entries } = await auditOf(database.db, a.org.id, () => updateUser(admin(), { userId: u.id, name: "Promoted", role: "manager", active: true }));
    expect(result).toMatchObject({ id: u.id, name: "Promoted", role: "manager", active: true, externalId: u.externalId });
    const after = await userRow(u.id);
    expect(after.role).toBe("manager");
    expect(after.securityVersion).toBe(before.securityVersion + 1);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "user.permissions_change",
      targetId: u.id,
      before: { role: "agent", active: true, name: u.name },
      after: { role: "manager", active: true, name: "Promoted" },
    });
    // A session minted before the change is signed out; a fresh one carries the new role.
    expect(await loadSessionActor(database.db, { userId: u.id, securityVersion: before.securityVersion })).toBeNull();
    expect((await loadSessionActor(database.db, { userId: u.id, securityVersion: after.securityVersion }))?.role).toBe("manager");
    expect((await loadSessionActor(database.db, { userId: u.id }))?.role).toBe("manager");
  });

  it("renames without touching the security version and audits a plain update", async () => {
    const target = a.users.agentB.id;
    const before = await userRow(target);
    const { entries } = await auditOf(database.db, a.org.id, () => updateUser(admin(), { userId: target, name: "Agent B Renamed", role: "agent", active: true }));
    const after = await userRow(target);
    expect(after.name).toBe("Agent B Renamed");
    expect(after.securityVersion).toBe(before.securityVersion);
    expect(entries.map((e) => e.action)).toEqual(["user.update"]);
    expect(await loadSessionActor(database.db, { userId: target, securityVersion: before.securityVersion })).not.toBeNull();
  });

  it("deactivates a user: their session ends and the right password no longer signs in", async () => {
    const u = await createUser(admin(), { email: email("leaver"), role: "hr", password: PASSWORD });
    expect(await loadSessionActor(database.db, { userId: u.id })).not.toBeNull();
    await updateUser(admin(), { userId: u.id, name: u.name, role: "hr", active: false });
    expect((await userRow(u.id)).active).toBe(false);
    expect(await loadSessionActor(database.db, { userId: u.id })).toBeNull();
    expect(await failure(verifyCredentials(database.db, u.email, PASSWORD))).toBeInstanceOf(UnauthorizedError);
    await updateUser(admin(), { userId: u.id, name: u.name, role: "hr", active: true });
    expect((await loadSessionActor(database.db, { userId: u.id }))?.role).toBe("hr");
  });

  it("gives an agent profile to a user who becomes an agent, defaulting the external id to the email", async () => {
    const u = await createUser(admin(), { email: email("demoted"), role: "hr", password: PASSWORD });
    expect(u.externalId).toBeNull();
    const updated = await updateUser(admin(), { userId: u.id, name: u.name, role: "agent", active: true });
    expect(updated.externalId).toBe(u.email);
    const [profile] = await database.db.select().from(agentProfiles).where(eq(agentProfiles.userId, u.id));
    expect(profile).toMatchObject({ orgId: a.org.id, externalId: u.email });
  });

  it("rolls back the whole update when the new external id belongs to another agent", async () => {
    const target = a.users.agent.id;
    const before = await userRow(target);
    const { error, entries } = await auditOf(database.db, a.org.id, () =>
      updateUser(admin(), { userId: target, name: "Should Not Stick", role: "agent", active: true, externalId: a.users.agentB.externalId! }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(issuesOf(error).map((i) => i.path)).toEqual(["externalId"]);
    expect(entries).toEqual([]);
    const after = await userRow(target);
    expect(after.name).toBe(before.name);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
  });

  it("refuses to let an admin remove their own admin role or deactivate themselves", async () => {
    const me = a.users.admin;
    const demote = await failure(updateUser(admin(), { userId: me.id, name: me.name, role: "hr", active: true }));
    expect(demote).toBeInstanceOf(ValidationError);
    expect(issuesOf(demote).map((i) => i.path)).toEqual(["role"]);
    const deactivate = await failure(updateUser(admin(), { userId: me.id, name: me.name, role: "admin", active: false }));
    expect(deactivate).toBeInstanceOf(ValidationError);
    expect(issuesOf(deactivate).map((i) => i.path)).toEqual(["active"]);
    const row = await userRow(me.id);
    expect(row).toMatchObject({ role: "admin", active: true });
    // Renaming oneself is fine.
    const renamed = await updateUser(admin(), { userId: me.id, name: "Admin Renamed", role: "admin", active: true });
    expect(renamed.name).toBe("Admin Renamed");
  });

  it("answers 404 for a user id of another organization and changes nothing there", async () => {
    const target = b.users.agent.id;
    const before = await userRow(target);
    expect(await failure(updateUser(admin(), { userId: target, name: "Hijacked", role: "admin", active: true }))).toBeInstanceOf(NotFoundError);
    expect(await failure(resetPassword(admin(), { userId: target }))).toBeInstanceOf(NotFoundError);
    expect(await userRow(target)).toEqual(before);
  });
});

describe("password reset", () => {
  it("returns a generated password once, replaces the old one and signs the user out everywhere", async () => {
    const u = await createUser(admin(), { email: email("reset"), role: "agent", password: PASSWORD });
    const before = await userRow(u.id);
    const { result, entries } = await auditOf(database.db, a.org.id, () => resetPassword(admin(), { userId: u.id }));
    expect(result).toMatchObject({ id: u.id, email: u.email, generatedPassword: true });
    const fresh = result!.password;
    expect(fresh.length).toBeGreaterThanOrEqual(10);
    const after = await userRow(u.id);
    expect(after.securityVersion).toBe(before.securityVersion + 1);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordHash).not.toContain(fresh);
    expect(await loadSessionActor(database.db, { userId: u.id, securityVersion: before.securityVersion })).toBeNull();
    expect((await loadSessionActor(database.db, { userId: u.id, securityVersion: after.securityVersion }))?.userId).toBe(u.id);
    expect(await failure(verifyCredentials(database.db, u.email, PASSWORD))).toBeInstanceOf(UnauthorizedError);
    expect((await verifyCredentials(database.db, u.email, fresh)).id).toBe(u.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "user.password_reset", targetId: u.id, before: null, after: null });
    expect(JSON.stringify(entries[0])).not.toContain(fresh);
  });

  it("sets a chosen password and says it was not generated", async () => {
    const u = await createUser(admin(), { email: email("reset2"), role: "hr", password: PASSWORD });
    const result = await resetPassword(admin(), { userId: u.id, password: "a brand new secret" });
    expect(result).toMatchObject({ password: "a brand new secret", generatedPassword: false });
    expect((await verifyCredentials(database.db, u.email, "a brand new secret")).id).toBe(u.id);
  });
});

describe("teams", () => {
  it("creates a team and refuses a second one whose name differs only in case, without an audit row", async () => {
    const name = uniq("Night Shift");
    const { result, entries } = await auditOf(database.db, a.org.id, () => createTeam(admin(), { name }));
    expect(result).toMatchObject({ orgId: a.org.id, name });
    expect(entries.map((e) => [e.action, e.targetId])).toEqual([["team.create", result!.id]]);
    const creates = await auditCount(database.db, a.org.id, "team.create");
    const dup = await auditOf(database.db, a.org.id, () => createTeam(admin(), { name: `  ${name.toUpperCase()} ` }));
    expect(dup.error).toBeInstanceOf(ConflictError);
    expect(issuesOf(dup.error).map((i) => i.path)).toEqual(["name"]);
    expect(dup.entries).toEqual([]);
    expect(await auditCount(database.db, a.org.id, "team.create")).toBe(creates);
    // The same name is free in another organization.
    expect((await createTeam(as(b.actors.admin), { name })).orgId).toBe(b.org.id);
  });

  it("renames a team, allows a change of case of its own name, and refuses another team's name", async () => {
    const team = await createTeam(admin(), { name: uniq("Day Shift") });
    const { result, entries } = await auditOf(database.db, a.org.id, () => renameTeam(admin(), { teamId: team.id, name: "Renamed " + team.name }));
    expect(result?.name).toBe("Renamed " + team.name);
    expect(entries[0]).toMatchObject({ action: "team.rename", before: { name: team.name }, after: { name: "Renamed " + team.name } });
    const recased = await renameTeam(admin(), { teamId: team.id, name: ("Renamed " + team.name).toUpperCase() });
    expect((await findTeam(database.db, a.org.id, team.id))?.name).toBe(recased.name);
    const clash = await auditOf(database.db, a.org.id, () => renameTeam(admin(), { teamId: team.id, name: "team a" }));
    expect(clash.error).toBeInstanceOf(ConflictError);
    expect(clash.entries).toEqual([]);
    expect((await findTeam(database.db, a.org.id, team.id))?.name).toBe(recased.name);
  });

  it("adds agents and managers by role and refuses the wrong pairing with a role issue", async () => {
    const team = await createTeam(admin(), { name: uniq("Roles") });
    const added = await auditOf(database.db, a.org.id, () => addTeamMember(admin(), { teamId: team.id, userId: a.users.agentB.id, role: "agent" }));
    expect(added.result).toEqual({ teamId: team.id, userId: a.users.agentB.id, role: "agent" });
    expect(added.entries[0]).toMatchObject({ action: "team.member_add", targetId: team.id, after: { userId: a.users.agentB.id, role: "agent" } });
    await addTeamMember(admin(), { teamId: team.id, userId: a.users.manager.id, role: "manager" });

    const hrAsAgent = await auditOf(database.db, a.org.id, () => addTeamMember(admin(), { teamId: team.id, userId: a.users.hr.id, role: "agent" }));
    expect(hrAsAgent.error).toBeInstanceOf(ValidationError);
    expect(issuesOf(hrAsAgent.error).map((i) => i.path)).toEqual(["role"]);
    expect(hrAsAgent.entries).toEqual([]);
    const agentAsManager = await failure(addTeamMember(admin(), { teamId: team.id, userId: a.users.agent.id, role: "manager" }));
    expect(agentAsManager).toBeInstanceOf(ValidationError);
    expect(issuesOf(agentAsManager).map((i) => i.path)).toEqual(["role"]);

    const members = await listTeamMembers(database.db, a.org.id, team.id);
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [a.users.agentB.id, "agent"],
        [a.users.manager.id, "manager"],
      ].sort(),
    );
    // The manager's next request sees the new team.
    const manager = await loadSessionActor(database.db, { userId: a.users.manager.id });
    expect(manager?.managedTeamIds).toEqual(expect.arrayContaining([a.teamA.id, team.id]));
    await removeTeamMember(admin(), { teamId: team.id, userId: a.users.manager.id });
  });

  it("refuses a member from another organization or an unknown user, and a team of another organization", async () => {
    const team = await createTeam(admin(), { name: uniq("Closed") });
    for (const userId of [b.users.agent.id, "no-such-user"]) {
      const err = await failure(addTeamMember(admin(), { teamId: team.id, userId, role: "agent" }));
      expect(err).toBeInstanceOf(ValidationError);
      expect(issuesOf(err).map((i) => i.path)).toEqual(["userId"]);
    }
    expect(await failure(addTeamMember(admin(), { teamId: b.teamA.id, userId: a.users.agent.id, role: "agent" }))).toBeInstanceOf(NotFoundError);
    expect(await listTeamMembers(database.db, a.org.id, team.id)).toEqual([]);
    expect((await listTeamMembers(database.db, b.org.id, b.teamA.id)).map((m) => m.userId)).not.toContain(a.users.agent.id);
  });

  it("removes a member and answers 404 for someone who is not in the team", async () => {
    const team = await createTeam(admin(), { name: uniq("Leaving") });
    await addTeamMember(admin(), { teamId: team.id, userId: a.users.agentB.id, role: "agent" });
    const { result, entries } = await auditOf(database.db, a.org.id, () => removeTeamMember(admin(), { teamId: team.id, userId: a.users.agentB.id }));
    expect(result).toEqual({ teamId: team.id, userId: a.users.agentB.id });
    expect(entries[0]).toMatchObject({ action: "team.member_remove", before: { userId: a.users.agentB.id, role: "agent" } });
    expect(await listTeamMembers(database.db, a.org.id, team.id)).toEqual([]);
    const again = await auditOf(database.db, a.org.id, () => removeTeamMember(admin(), { teamId: team.id, userId: a.users.agentB.id }));
    expect(again.error).toBeInstanceOf(NotFoundError);
    expect(again.entries).toEqual([]);
  });

  it("deletes a team and its memberships but keeps its people, recording who was in it", async () => {
    const team = await createTeam(admin(), { name: uniq("Doomed") });
    await addTeamMember(admin(), { teamId: team.id, userId: a.users.agentB.id, role: "agent" });
    await addTeamMember(admin(), { teamId: team.id, userId: a.users.manager.id, role: "manager" });
    const { result, entries } = await auditOf(database.db, a.org.id, () => deleteTeam(admin(), { teamId: team.id }));
    expect(result).toEqual({ id: team.id });
    expect(await findTeam(database.db, a.org.id, team.id)).toBeUndefined();
    expect(await database.db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id))).toEqual([]);
    expect(await findUser(database.db, a.org.id, a.users.agentB.id)).toBeDefined();
    expect(await findUser(database.db, a.org.id, a.users.manager.id)).toBeDefined();
    expect(entries).toHaveLength(1);
    const before = entries[0]!.before as { name: string; members: { userId: string; role: string }[] };
    expect(before.name).toBe(team.name);
    expect(before.members.map((m) => `${m.role}:${m.userId}`).sort()).toEqual([`agent:${a.users.agentB.id}`, `manager:${a.users.manager.id}`].sort());
    expect(await failure(deleteTeam(admin(), { teamId: team.id }))).toBeInstanceOf(NotFoundError);
  });

  it("answers 404 for a team id that is not a uuid, as for any unknown team", async () => {
    // /admin/teams/<anything> passes the URL segment straight to getTeam; a database error there is a 500 page.
    const err = await failure(getTeam(admin(), "not-a-uuid"));
    expect(err.constructor.name).toBe("NotFoundError");
  });

  it("does not make an HR or admin user a team's agent when creating them with a team", async () => {
    for (const role of ["hr", "admin"] as const) {
      const addr = email(`${role}-with-team`);
      const { result, error } = await auditOf(database.db, a.org.id, () => createUser(admin(), { email: addr, role, password: PASSWORD, teamId: a.teamB.id }));
      // Same rule as addTeamMember: only users with the agent role can be a team's agents.
      const agentsOfB = (await listTeamMembers(database.db, a.org.id, a.teamB.id)).filter((m) => m.role === "agent").map((m) => m.email);
      expect(agentsOfB, `${role} created as an agent of team B`).not.toContain(addr);
      if (error) expect(error).toBeInstanceOf(ValidationError);
      else expect(result?.role).toBe(role);
    }
  });

  it("answers a malformed team id with a validation error naming teamId", async () => {
    const err = await failure(deleteTeam(admin(), { teamId: "not-a-uuid" }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(issuesOf(err).map((i) => i.path)).toEqual(["teamId"]);
  });
});

describe("API keys", () => {
  it("returns a pdm_ key once and stores only its SHA-256", async () => {
    const { result, entries } = await auditOf(database.db, a.org.id, () =>
      createApiKey(admin(), { name: "Zendesk sync", scopes: ["kpis:read", "events:write", "kpis:read"] }),
    );
    const created = result!;
    expect(created.key).toMatch(/^pdm_[A-Za-z0-9_-]{40,}$/);
    expect(created.scopes).toEqual(["events:write", "kpis:read"]);
    expect(created.prefix).toBe(created.key.slice(0, 10));
    const [row] = await database.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row).toMatchObject({ orgId: a.org.id, name: "Zendesk sync", hash: hashApiKey(created.key), createdBy: a.users.admin.id, revokedAt: null });
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect(entries[0]).toMatchObject({ action: "apikey.create", targetId: created.id, after: { name: "Zendesk sync", scopes: ["events:write", "kpis:read"] } });
    expect(JSON.stringify(entries)).not.toContain(created.key);
    expect(JSON.stringify(entries)).not.toContain(row!.hash);
  });

  it("lists keys without their hash or secret", async () => {
    const created = await createApiKey(admin(), { name: "Listed", scopes: ["campaigns:read"] });
    const listed = await listApiKeys(admin());
    const mine = listed.find((k) => k.id === created.id);
    expect(mine).toMatchObject({ name: "Listed", prefix: created.prefix, scopes: ["campaigns:read"], revokedAt: null });
    expect(Object.keys(mine!).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt", "scopes"]);
    const json = JSON.stringify(listed);
    expect(json).not.toContain(created.key);
    expect(json).not.toContain(hashApiKey(created.key));
    const orgKeyIds = (await database.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.orgId, a.org.id))).map((r) => r.id);
    expect(listed.map((k) => k.id).sort()).toEqual(orgKeyIds.sort());
  });

  it("authenticates a key, records when it was used, and refuses it once revoked", async () => {
    const created = await createApiKey(admin(), { name: "Revocable", scopes: ["kpis:read"] });
    const at = new Date("2031-05-06T07:08:09Z");
    const actor = await authenticateApiKey(database.db, `Bearer ${created.key}`, at);
    expect(actor).toEqual({ kind: "api_key", orgId: a.org.id, keyId: created.id, name: "Revocable", scopes: ["kpis:read"] });
    const [used] = await database.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(used?.lastUsedAt?.toISOString()).toBe(at.toISOString());

    const { result, entries } = await auditOf(database.db, a.org.id, () => revokeApiKey(admin(), { keyId: created.id }));
    expect(result).toEqual({ id: created.id });
    expect(entries[0]).toMatchObject({ action: "apikey.revoke", targetId: created.id, before: { name: "Revocable" } });
    expect(await failure(authenticateApiKey(database.db, `Bearer ${created.key}`))).toBeInstanceOf(UnauthorizedError);
    expect((await listApiKeys(admin())).find((k) => k.id === created.id)?.revokedAt).toBeInstanceOf(Date);
    expect(await failure(revokeApiKey(admin(), { keyId: created.id }))).toBeInstanceOf(NotFoundError);
  });

  it("refuses missing, malformed and unknown bearer tokens with 401", async () => {
    const created = await createApiKey(admin(), { name: "Shape", scopes: ["kpis:read"] });
    const bad = [null, "", "Bearer", `Basic ${created.key}`, "Bearer abc", `Bearer pdm_${"x".repeat(43)}`, `Bearer ${created.key} extra`, created.key];
    for (const header of bad) {
      const err = await failure(authenticateApiKey(database.db, header));
      expect(err, String(header)).toBeInstanceOf(UnauthorizedError);
      expect((err as UnauthorizedError).status).toBe(401);
    }
    expect((await authenticateApiKey(database.db, `bearer   ${created.key}  `)).keyId).toBe(created.id);
  });

  it("answers 404 when revoking another organization's key and leaves it working", async () => {
    const theirs = await b.apiKey(["kpis:read"]);
    expect(await failure(revokeApiKey(admin(), { keyId: theirs.id }))).toBeInstanceOf(NotFoundError);
    expect((await authenticateApiKey(database.db, `Bearer ${theirs.key}`)).orgId).toBe(b.org.id);
  });
});

describe("verifyCredentials", () => {
  const t0 = new Date("2030-01-01T09:00:00Z");
  const later = (ms: number) => new Date(t0.getTime() + ms);

  it("returns the person for the right password, case-insensitively by email, and refuses a wrong one", async () => {
    const u = await createUser(admin(), { email: email("signin"), role: "manager", password: PASSWORD });
    const ok = await verifyCredentials(database.db, `  ${u.email.toUpperCase()} `, PASSWORD, t0);
    expect(ok).toMatchObject({ id: u.id, email: u.email, orgId: a.org.id, role: "manager", securityVersion: 1 });
    expect(await failure(verifyCredentials(database.db, u.email, "wrong password", t0))).toBeInstanceOf(UnauthorizedError);
    expect(await failure(verifyCredentials(database.db, email("nobody"), PASSWORD, t0))).toBeInstanceOf(UnauthorizedError);
  });

  it("locks an account for the rest of the window after 5 failures, even for the right password", async () => {
    const u = await createUser(admin(), { email: email("locked"), role: "hr", password: PASSWORD });
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await failure(verifyCredentials(database.db, u.email, `wrong ${i}`, later(i * 60_000)))).toBeInstanceOf(UnauthorizedError);
    }
    expect(await recentFailureCount(database.db, u.email, later(5 * 60_000))).toBe(5);
    const locked = await failure(verifyCredentials(database.db, u.email, PASSWORD, later(5 * 60_000)));
    expect(locked).toBeInstanceOf(RateLimitedError);
    // The oldest failure (t0) leaves the window at t0 + 15 min: 10 minutes from now.
    expect((locked as RateLimitedError).retryAfterSeconds).toBe(10 * 60);
    // A throttled attempt does not count as another failure.
    expect(await recentFailureCount(database.db, u.email, later(5 * 60_000))).toBe(5);
    const ok = await verifyCredentials(database.db, u.email, PASSWORD, later(FAILURE_WINDOW_MS + 5 * 60_000 + 60_000));
    expect(ok.id).toBe(u.id);
  });

  it("lets the right password in once the window has passed", async () => {
    const u = await createUser(admin(), { email: email("waited"), role: "hr", password: PASSWORD });
    for (let i = 0; i < MAX_FAILURES; i++) await failure(verifyCredentials(database.db, u.email, "nope nope nope", t0));
    expect(await failure(verifyCredentials(database.db, u.email, PASSWORD, t0))).toBeInstanceOf(RateLimitedError);
    expect((await verifyCredentials(database.db, u.email, PASSWORD, later(16 * 60_000))).id).toBe(u.id);
  });

  it("clears the failure count on success", async () => {
    const u = await createUser(admin(), { email: email("cleared"), role: "hr", password: PASSWORD });
    for (let i = 0; i < MAX_FAILURES - 1; i++) await failure(verifyCredentials(database.db, u.email, "nope nope nope", t0));
    expect(await recentFailureCount(database.db, u.email, t0)).toBe(4);
    await verifyCredentials(database.db, u.email, PASSWORD, t0);
    expect(await recentFailureCount(database.db, u.email, t0)).toBe(0);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await failure(verifyCredentials(database.db, u.email, "nope nope nope", later(1000)));
    // 8 failures in the window in total, but only 4 since the success: still allowed.
    expect((await verifyCredentials(database.db, u.email, PASSWORD, later(2000))).id).toBe(u.id);
  });

  it("throttles unknown emails too, so the answer never tells whether an account exists", async () => {
    const ghost = email("ghost");
    for (let i = 0; i < MAX_FAILURES; i++) expect(await failure(verifyCredentials(database.db, ghost, "whatever it is", t0))).toBeInstanceOf(UnauthorizedError);
    expect(await failure(verifyCredentials(database.db, ghost.toUpperCase(), "whatever it is", t0))).toBeInstanceOf(RateLimitedError);
  });
});

describe("session actor", () => {
  it("loads role and teams from the database and refuses an unknown user", async () => {
    const actor = await loadSessionActor(database.db, { userId: a.users.manager.id });
    expect(actor).toMatchObject({ kind: "user", orgId: a.org.id, userId: a.users.manager.id, role: "manager", email: a.users.manager.email });
    expect(actor?.managedTeamIds).toContain(a.teamA.id);
    expect(actor?.memberTeamIds).toEqual([]);
    expect((await loadSessionActor(database.db, { userId: a.users.agent.id }))?.memberTeamIds).toEqual([a.teamA.id]);
    expect(await loadSessionActor(database.db, { userId: "no-such-user" })).toBeNull();
  });
});

describe("organization settings", () => {
  const valid = { name: "Ops A Renamed", timezone: "Europe/Riga", currency: "eur", locale: "ms" as const, businessHours: { days: [5, 1, 1, 2], start: "08:30", end: "17:00" } };

  it("updates settings, normalizes currency and days, and audits before and after", async () => {
    const { result, entries } = await auditOf(database.db, a.org.id, () => updateOrganization(admin(), valid));
    expect(result).toMatchObject({ id: a.org.id, name: "Ops A Renamed", timezone: "Europe/Riga", currency: "EUR", locale: "ms", businessHours: { days: [1, 2, 5], start: "08:30", end: "17:00" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "org.update",
      targetId: a.org.id,
      before: { name: a.org.name, timezone: "Asia/Kuala_Lumpur", currency: "MYR" },
      after: { name: "Ops A Renamed", currency: "EUR" },
    });
  });

  it.each([
    ["an unknown time zone", { timezone: "Mars/Olympus_Mons" }, "timezone"],
    ["an unknown currency", { currency: "XYZQ" }, "currency"],
    ["business hours that end before they start", { businessHours: { days: [1], start: "18:00", end: "09:00" } }, "businessHours.end"],
    ["business hours without a working day", { businessHours: { days: [], start: "09:00", end: "18:00" } }, "businessHours.days"],
    ["a malformed time", { businessHours: { days: [1], start: "9am", end: "18:00" } }, "businessHours.start"],
    ["an unsupported locale", { locale: "xx" }, "locale"],
  ])("refuses %s with a validation error naming the path, and changes nothing", async (_label, change, path) => {
    const [before] = await database.db.select().from(organizations).where(eq(organizations.id, a.org.id));
    const { error, entries } = await auditOf(database.db, a.org.id, () => updateOrganization(admin(), { ...valid, ...change } as typeof valid));
    expect(error).toBeInstanceOf(ValidationError);
    expect(issuesOf(error).map((i) => i.path)).toContain(path);
    expect((error as Error).message).toContain(path);
    expect(entries).toEqual([]);
    const [after] = await database.db.select().from(organizations).where(eq(organizations.id, a.org.id));
    expect(after).toEqual(before);
  });
});

describe("listAudit", () => {
  // Rows with fixed timestamps in org B, so ranges and pages are exact.
  const days = ["2021-03-01", "2021-03-02", "2021-03-03", "2021-03-04", "2021-03-05"];
  beforeAll(async () => {
    await database.db.insert(auditLog).values(
      days.map((d, i) => ({
        orgId: b.org.id,
        actorType: i % 2 === 0 ? ("user" as const) : ("cli" as const),
        actorId: i % 2 === 0 ? b.users.hr.id : null,
        actorLabel: i % 2 === 0 ? b.users.hr.email : "cli",
        action: i % 2 === 0 ? "range.even" : "range.odd",
        createdAt: new Date(`${d}T23:59:00Z`),
      })),
    );
  });
  const hr = () => as(b.actors.hr);

  it("filters by action prefix", async () => {
    const teams = await listAudit(admin(), { action: "team.", pageSize: 500 });
    expect(teams.entries.length).toBeGreaterThan(3);
    expect(teams.entries.every((e) => e.action.startsWith("team.") && e.orgId === a.org.id)).toBe(true);
    const range = await listAudit(hr(), { action: "range." });
    expect(range.entries.map((e) => e.action).sort()).toEqual(["range.even", "range.even", "range.even", "range.odd", "range.odd"]);
    // LIKE wildcards in the filter are literal.
    expect((await listAudit(hr(), { action: "%" })).entries).toEqual([]);
    expect((await listAudit(hr(), { action: "range_" })).entries).toEqual([]);
  });

  it("filters by actor label, actor id and actor type", async () => {
    const byLabel = await listAudit(hr(), { action: "range.", actor: b.users.hr.email.slice(0, 8).toUpperCase() });
    expect(byLabel.entries.map((e) => e.action)).toEqual(["range.even", "range.even", "range.even"]);
    const byId = await listAudit(hr(), { action: "range.", actor: b.users.hr.id });
    expect(byId.entries).toHaveLength(3);
    const byType = await listAudit(hr(), { action: "range.", actorType: "cli" });
    expect(byType.entries.map((e) => e.actorLabel)).toEqual(["cli", "cli"]);
    const adminActs = await listAudit(admin(), { actor: a.users.admin.email, pageSize: 500 });
    expect(adminActs.entries.length).toBeGreaterThan(0);
    expect(adminActs.entries.every((e) => e.actorId === a.users.admin.id)).toBe(true);
  });

  it("filters by an inclusive range of whole UTC days, newest first", async () => {
    const r = await listAudit(hr(), { action: "range.", from: "2021-03-02", to: "2021-03-04" });
    expect(r.entries.map((e) => e.createdAt.toISOString().slice(0, 10))).toEqual(["2021-03-04", "2021-03-03", "2021-03-02"]);
    expect((await listAudit(hr(), { action: "range.", to: "2021-03-01" })).entries).toHaveLength(1);
    expect((await listAudit(hr(), { action: "range.", from: "2021-03-06", to: "2021-03-31" })).entries).toEqual([]);
  });

  it("pages with hasMore", async () => {
    const p1 = await listAudit(hr(), { action: "range.", pageSize: 2, page: 1 });
    const p2 = await listAudit(hr(), { action: "range.", pageSize: 2, page: 2 });
    const p3 = await listAudit(hr(), { action: "range.", pageSize: 2, page: 3 });
    expect([p1.hasMore, p2.hasMore, p3.hasMore]).toEqual([true, true, false]);
    const pages = [...p1.entries, ...p2.entries, ...p3.entries].map((e) => e.createdAt.toISOString().slice(0, 10));
    expect(pages).toEqual([...days].reverse());
    expect(p3).toMatchObject({ page: 3, pageSize: 2 });
  });

  it("refuses a malformed date or page size naming the field", async () => {
    for (const [filter, path] of [
      [{ from: "2021-3-1" }, "from"],
      [{ to: "yesterday" }, "to"],
      [{ pageSize: 501 }, "pageSize"],
      [{ page: 0 }, "page"],
    ] as const) {
      const err = await failure(listAudit(hr(), filter));
      expect(err).toBeInstanceOf(ValidationError);
      expect(issuesOf(err).map((i) => i.path)).toEqual([path]);
    }
  });

  it("never returns another organization's rows", async () => {
    const all = await listAudit(admin(), { pageSize: 500 });
    expect(all.entries.every((e) => e.orgId === a.org.id)).toBe(true);
    expect(all.entries.some((e) => e.action.startsWith("range."))).toBe(false);
  });
});

describe("audit in the same transaction", () => {
  it("writes exactly one row per change, naming the actor", async () => {
    const ctx = admin();
    const steps: [string, () => Promise<unknown>][] = [];
    const team = await createTeam(ctx, { name: uniq("Audited") });
    const key = await createApiKey(ctx, { name: "Audited key", scopes: ["kpis:read"] });
    steps.push(["team.rename", () => renameTeam(ctx, { teamId: team.id, name: team.name + " 2" })]);
    steps.push(["team.member_add", () => addTeamMember(ctx, { teamId: team.id, userId: a.users.agentB.id, role: "agent" })]);
    steps.push(["team.member_remove", () => removeTeamMember(ctx, { teamId: team.id, userId: a.users.agentB.id })]);
    steps.push(["team.delete", () => deleteTeam(ctx, { teamId: team.id })]);
    steps.push(["apikey.revoke", () => revokeApiKey(ctx, { keyId: key.id })]);
    steps.push(["user.update", () => updateUser(ctx, { userId: a.users.hr.id, name: "HR Renamed", role: "hr", active: true })]);
    for (const [action, step] of steps) {
      const { error, entries } = await auditOf(database.db, a.org.id, step);
      expect(error, action).toBeUndefined();
      expect(entries.map((e) => [e.action, e.actorType, e.actorId, e.actorLabel]), action).toEqual([[action, "user", a.users.admin.id, a.users.admin.email]]);
    }
  });

  it("rolls back the change when its audit row cannot be written (audit fails closed)", async () => {
    const ctx = admin();
    const name = uniq("Unaudited");
    // An actor whose label is null violates audit_log.actor_label NOT NULL: the team insert must roll back with it.
    const broken = { ...a.actors.admin, email: null as unknown as string };
    const err = await failure(createTeam({ db: ctx.db, actor: broken }, { name }));
    expect(err).toBeInstanceOf(Error);
    expect(await findTeamByName(database.db, a.org.id, name)).toBeUndefined();
    expect((await createTeam(ctx, { name })).name).toBe(name);
  });

  it("keeps memberships of other organizations out of reach of an admin", async () => {
    const before = await database.db.select().from(teamMembers).where(eq(teamMembers.orgId, b.org.id));
    expect(await failure(removeTeamMember(admin(), { teamId: b.teamA.id, userId: b.users.agent.id }))).toBeInstanceOf(NotFoundError);
    expect(await failure(renameTeam(admin(), { teamId: b.teamA.id, name: "Taken over" }))).toBeInstanceOf(NotFoundError);
    expect(await failure(deleteTeam(admin(), { teamId: b.teamA.id }))).toBeInstanceOf(NotFoundError);
    expect(await database.db.select().from(teamMembers).where(eq(teamMembers.orgId, b.org.id))).toEqual(before);
    expect((await findTeam(database.db, b.org.id, b.teamA.id))?.name).toBe("Team A");
  });
});
