import { ForbiddenError } from "@/lib/errors";
import type { ApiScope, Role } from "@/db/schema";
import type { Actor } from "./actor";

/**
 * The permission policy of SPEC §9, in one place. Every operation calls `authorize` (or `can`) itself;
 * pages and proxy.ts only use it to decide what to show.
 */
export type Permission =
  | "leaderboards.view" // see leaderboards of their org
  | "leaderboards.manage" // create and edit boards
  | "self.view" // one's own KPIs, awards, statements, ledger
  | "agents.view" // another agent's KPIs and awards (managers: own teams)
  | "kudos.give" // give kudos, react, nominate
  | "kudos.hide" // managers: own teams
  | "campaigns.read"
  | "campaigns.manage" // create / edit / launch (managers: own teams)
  | "awards.approve" // managers: own teams, non-cash only
  | "payouts.read"
  | "payouts.manage" // close periods, approve/export payout runs, resolve disputes, fulfil rewards
  | "events.write" // send events (API, import)
  | "org.admin" // users, teams, roles, settings, API keys, webhooks
  | "audit.read"
  | "users.read"; // the organization's people directory (HR, admin)

/** What the resource being acted on looks like, for the checks that depend on it. */
export type ResourceScope = {
  /** The organization the resource belongs to. Always compared with the actor's. */
  orgId?: string;
  /** Teams of the resource (an agent's teams, a campaign's teams). */
  teamIds?: readonly string[];
  /** How a manager's teams must cover `teamIds`: "any" (agent in one of my teams) or "all" (campaign of only my teams). */
  teamMatch?: "any" | "all";
  /** The resource involves cash (managers may not approve cash awards). */
  cash?: boolean;
  /** The resource waits for HR's approval (a campaign with `approval: "hr"`): managers may not decide it. */
  hrOnly?: boolean;
  /** The user the resource belongs to, for `self.view`. */
  ownerUserId?: string;
};

// Each role holds everything of the role before it (SPEC §9): agent ⊂ manager ⊂ hr ⊂ admin.
const AGENT: Permission[] = ["leaderboards.view", "self.view", "kudos.give", "campaigns.read"];
const MANAGER: Permission[] = [...AGENT, "leaderboards.manage", "agents.view", "kudos.hide", "campaigns.manage", "awards.approve"];
const HR: Permission[] = [...MANAGER, "payouts.read", "payouts.manage", "audit.read", "users.read"];
const ADMIN: Permission[] = [...HR, "events.write", "org.admin"];

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  agent: new Set(AGENT),
  manager: new Set(MANAGER),
  hr: new Set(HR),
  admin: new Set(ADMIN),
};

/** Which API key scope grants a permission (SPEC §10). Permissions missing here are never granted to keys. */
const SCOPE_FOR: Partial<Record<Permission, ApiScope>> = {
  "events.write": "events:write",
  "agents.view": "kpis:read",
  "campaigns.read": "campaigns:read",
  "campaigns.manage": "campaigns:write",
  "payouts.read": "payouts:read",
  "payouts.manage": "payouts:write",
  // deciding pending payout lines is part of running payouts: a key that may approve runs may decide their lines
  "awards.approve": "payouts:write",
  "leaderboards.view": "leaderboards:read",
  "leaderboards.manage": "leaderboards:write",
};

/** Permissions a manager holds only for their own teams. */
const TEAM_SCOPED: ReadonlySet<Permission> = new Set(["agents.view", "kudos.hide", "campaigns.manage", "awards.approve"]);

export function can(actor: Actor, permission: Permission, resource: ResourceScope = {}): boolean {
  if (actor.kind === "system") return true;
  if (resource.orgId !== undefined && resource.orgId !== actor.orgId) return false;

  if (actor.kind === "api_key") {
    const scope = SCOPE_FOR[permission];
    return scope !== undefined && actor.scopes.includes(scope);
  }

  if (permission === "self.view" && resource.ownerUserId !== undefined) {
    if (resource.ownerUserId === actor.userId) return true;
    return can(actor, "agents.view", resource);
  }
  if (!ROLE_PERMISSIONS[actor.role].has(permission)) return false;
  if (actor.role !== "manager" || !TEAM_SCOPED.has(permission)) return true;

  // Managers act only on their own teams; cash approval, and lines of campaigns that ask for HR, are HR's.
  if (permission === "awards.approve" && (resource.cash || resource.hrOnly)) return false;
  if (resource.teamIds === undefined) return true; // the operation filters to the manager's teams itself
  const managed = new Set(actor.managedTeamIds);
  if (resource.teamIds.length === 0) return false;
  return (resource.teamMatch ?? "any") === "all"
    ? resource.teamIds.every((t) => managed.has(t))
    : resource.teamIds.some((t) => managed.has(t));
}

export function authorize(actor: Actor, permission: Permission, resource?: ResourceScope): void {
  if (!can(actor, permission, resource)) {
    throw new ForbiddenError(`Not allowed: ${permission}`);
  }
}

/** The scope of deciding a payout line: its agent's teams, whether it is cash, whether its campaign asks for HR. */
export function lineApprovalScope(orgId: string, line: { teamIds: readonly string[]; awardType: string; approval: string }): ResourceScope {
  return { orgId, teamIds: line.teamIds, cash: line.awardType === "cash", hrOnly: line.approval === "hr" };
}

/** The organization an operation runs in: the actor's own, or (system actor only) the one named. */
export function orgOf(actor: Actor, requestedOrgId?: string): string {
  if (actor.kind !== "system") return actor.orgId;
  if (!requestedOrgId) throw new ForbiddenError("An organization must be named");
  return requestedOrgId;
}
