import { count, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findUserByEmailAnyOrg } from "@/db/queries/users";
import { organizations, users } from "@/db/schema";
import type { SystemActor } from "@/lib/auth/actor";
import { addTeamMember } from "./add-team-member";
import { createOrganization } from "./create-organization";
import { createTeam } from "./create-team";
import { createUser } from "./create-user";

/** Demo sign-ins are public knowledge (printed at start, in the README): never use them outside a demo. */
export const DEMO_PASSWORD = "podium-demo";
export const DEMO_DOMAIN = "demo.podium.test";

export const DEMO_TEAMS = ["Billing", "Technical Support", "Retention"] as const;

const DEMO_AGENTS: { name: string; team: (typeof DEMO_TEAMS)[number] }[] = [
  { name: "Aisyah Rahman", team: "Billing" },
  { name: "Budi Santoso", team: "Billing" },
  { name: "Chloe Tan", team: "Billing" },
  { name: "Daniel Ong", team: "Billing" },
  { name: "Elina Ozola", team: "Technical Support" },
  { name: "Farid Hakim", team: "Technical Support" },
  { name: "Grace Lim", team: "Technical Support" },
  { name: "Hiroshi Sato", team: "Technical Support" },
  { name: "Intan Permata", team: "Retention" },
  { name: "Janis Berzins", team: "Retention" },
  { name: "Kanya Srisuk", team: "Retention" },
  { name: "Luca Rossi", team: "Retention" },
];

export type DemoSignIn = { role: string; email: string; password: string };

const slug = (name: string) => name.toLowerCase().normalize("NFKD").replace(/[^a-z ]/g, "").trim().replace(/ +/g, ".");

export function demoSignIns(): DemoSignIn[] {
  return [
    { role: "admin", email: `admin@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
    { role: "hr", email: `hr@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
    { role: "manager", email: `manager.billing@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
    { role: "agent", email: `${slug(DEMO_AGENTS[0]!.name)}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
  ];
}

/**
 * The demo organization (SPEC §12): three teams, one manager each, HR, an admin and a dozen agents.
 * Idempotent: when the demo admin exists it changes nothing and returns the existing organization.
 */
export async function seedDemo(db: Db): Promise<{ orgId: string; created: boolean }> {
  const existing = await findUserByEmailAnyOrg(db, `admin@${DEMO_DOMAIN}`);
  if (existing) return { orgId: existing.orgId, created: false };

  const ctx = { db, actor: { kind: "system", label: "seed" } satisfies SystemActor };
  const org = await createOrganization(ctx, { name: "Podium Demo Contact Centre", timezone: "Asia/Kuala_Lumpur", currency: "MYR", locale: "en" });
  const opts = { orgId: org.id };
  const teamIds = new Map<string, string>();
  for (const name of DEMO_TEAMS) teamIds.set(name, (await createTeam(ctx, { name }, opts)).id);

  const person = (email: string, name: string, role: "admin" | "hr" | "manager" | "agent") =>
    createUser(ctx, { email, name, role, password: DEMO_PASSWORD }, opts);
  await person(`admin@${DEMO_DOMAIN}`, "Ada Admin", "admin");
  await person(`hr@${DEMO_DOMAIN}`, "Hana Rahim (HR)", "hr");
  const managers: Record<string, string> = { Billing: "Maya Billing Lead", "Technical Support": "Tomas Tech Lead", Retention: "Rina Retention Lead" };
  for (const [team, name] of Object.entries(managers)) {
    const m = await person(`manager.${team.split(" ")[0]!.toLowerCase()}@${DEMO_DOMAIN}`, name, "manager");
    await addTeamMember(ctx, { teamId: teamIds.get(team)!, userId: m.id, role: "manager" }, opts);
  }
  for (const agent of DEMO_AGENTS) {
    const a = await createUser(ctx, { email: `${slug(agent.name)}@${DEMO_DOMAIN}`, name: agent.name, role: "agent", password: DEMO_PASSWORD, externalId: slug(agent.name) }, opts);
    await addTeamMember(ctx, { teamId: teamIds.get(agent.team)!, userId: a.id, role: "agent" }, opts);
  }
  return { orgId: org.id, created: true };
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return Number(row?.n ?? 0) === 0;
}

export async function hasDemoOrg(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users).where(sql`lower(${users.email}) = ${`admin@${DEMO_DOMAIN}`}`);
  return Number(row?.n ?? 0) > 0;
}
