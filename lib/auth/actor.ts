import type { ApiScope, Role } from "@/db/schema";

/** A signed-in person, loaded fresh from the database on every request (role and active flag included). */
export type UserActor = {
  kind: "user";
  orgId: string;
  userId: string;
  role: Role;
  name: string;
  email: string;
  /** Teams this user manages (team_members.role = manager). */
  managedTeamIds: string[];
  /** Teams this user belongs to as an agent. */
  memberTeamIds: string[];
};

/** A request made with an organization's API key. */
export type ApiKeyActor = {
  kind: "api_key";
  orgId: string;
  keyId: string;
  name: string;
  scopes: ApiScope[];
};

/**
 * The operator at the command line or the server itself (seeding, migrations). It already holds the database
 * credentials, so it may do anything; it is never produced from a request, except "webhook": a helpdesk delivery whose
 * HMAC signature was verified with its organization's secret, and which receive-webhook only lets ingest into that
 * organization.
 */
export type SystemActor = { kind: "system"; label: "cli" | "seed" | "webhook" };

export type Actor = UserActor | ApiKeyActor | SystemActor;

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return actor.email;
    case "api_key":
      return `API key "${actor.name}"`;
    case "system":
      return actor.label;
  }
}
