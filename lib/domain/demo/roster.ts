import type { DemoAgent, DemoSkill, DemoTeam } from "./profiles";
import { hashString } from "./random";

/**
 * The demo organization's people (SPEC §12): 12 agents in each of three teams, with a spread of skills — in each team
 * a couple of stars, a struggler, a fast-but-sloppy and a slow-but-thorough agent, the rest around the middle.
 */
export const DEMO_TEAM_NAMES: Record<DemoTeam, string> = { billing: "Billing", tech_support: "Technical Support", retention: "Retention" };

export const SKILL_TIERS = {
  star: { quality: 0.9, speed: 0.6 },
  strong: { quality: 0.5, speed: 0.3 },
  average: { quality: 0, speed: 0 },
  /** fast, but resolves less and scores lower */
  speedy: { quality: -0.5, speed: 0.8 },
  /** slow, but resolves and delights */
  thorough: { quality: 0.7, speed: -0.6 },
  developing: { quality: -0.4, speed: -0.3 },
  struggling: { quality: -0.9, speed: -0.7 },
} as const satisfies Record<string, DemoSkill>;
export type SkillTier = keyof typeof SKILL_TIERS;

export type RosterEntry = { name: string; team: DemoTeam; tier: SkillTier };

// The first agent is the demo's agent sign-in (e2e signs in as Aisyah Rahman and Budi Santoso): keep them.
export const DEMO_ROSTER: readonly RosterEntry[] = [
  { name: "Aisyah Rahman", team: "billing", tier: "strong" },
  { name: "Budi Santoso", team: "billing", tier: "average" },
  { name: "Chloe Tan", team: "billing", tier: "star" },
  { name: "Daniel Ong", team: "billing", tier: "developing" },
  { name: "Nurul Izzati", team: "billing", tier: "average" },
  { name: "Arjun Nair", team: "billing", tier: "star" },
  { name: "Siti Aminah", team: "billing", tier: "average" },
  { name: "Jason Lee Wei Ming", team: "billing", tier: "speedy" },
  { name: "Priya Subramaniam", team: "billing", tier: "thorough" },
  { name: "Haziq Iskandar", team: "billing", tier: "struggling" },
  { name: "Chua Mei Ling", team: "billing", tier: "average" },
  { name: "Ahmad Faizal", team: "billing", tier: "developing" },
  { name: "Elina Ozola", team: "tech_support", tier: "thorough" },
  { name: "Farid Hakim", team: "tech_support", tier: "average" },
  { name: "Grace Lim", team: "tech_support", tier: "star" },
  { name: "Hiroshi Sato", team: "tech_support", tier: "strong" },
  { name: "Kavitha Rajan", team: "tech_support", tier: "average" },
  { name: "Wong Kar Seng", team: "tech_support", tier: "developing" },
  { name: "Nguyen Thi Lan", team: "tech_support", tier: "star" },
  { name: "Rizal Ismail", team: "tech_support", tier: "speedy" },
  { name: "Sofia Mendes", team: "tech_support", tier: "average" },
  { name: "Tan Jia Hui", team: "tech_support", tier: "strong" },
  { name: "Vikram Pillai", team: "tech_support", tier: "struggling" },
  { name: "Oskar Lindqvist", team: "tech_support", tier: "average" },
  { name: "Intan Permata", team: "retention", tier: "star" },
  { name: "Janis Berzins", team: "retention", tier: "average" },
  { name: "Kanya Srisuk", team: "retention", tier: "strong" },
  { name: "Luca Rossi", team: "retention", tier: "speedy" },
  { name: "Amirul Zulkifli", team: "retention", tier: "average" },
  { name: "Deepa Krishnan", team: "retention", tier: "thorough" },
  { name: "Emily Yap", team: "retention", tier: "strong" },
  { name: "Hafiz Yusof", team: "retention", tier: "developing" },
  { name: "Liew Siew Mei", team: "retention", tier: "average" },
  { name: "Marcus Teo", team: "retention", tier: "struggling" },
  { name: "Noor Azlina", team: "retention", tier: "star" },
  { name: "Rohan Mehta", team: "retention", tier: "average" },
];

/** "Jason Lee Wei Ming" → "jason.lee.wei.ming": the demo agents' external id and the local part of their email. */
export function demoSlug(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z ]/g, "").trim().replace(/ +/g, ".");
}

/** A tier's skill, nudged per person (±0.1, from the name) so that no two agents tie exactly. */
export function skillOf(tier: SkillTier, externalId: string): DemoSkill {
  const base = SKILL_TIERS[tier];
  const h = hashString(externalId);
  const nudge = (bits: number) => (((h >>> bits) & 0xff) / 255 - 0.5) * 0.2;
  return { quality: base.quality + nudge(0), speed: base.speed + nudge(8) };
}

export function rosterAgents(): DemoAgent[] {
  return DEMO_ROSTER.map((r) => ({ externalId: demoSlug(r.name), team: r.team, skill: skillOf(r.tier, demoSlug(r.name)) }));
}

const TIER_BY_ID = new Map(DEMO_ROSTER.map((r) => [demoSlug(r.name), r.tier]));
const SPREAD: readonly SkillTier[] = ["star", "strong", "strong", "average", "average", "average", "average", "speedy", "thorough", "developing", "developing", "struggling"];

/** The demo team a team name stands for ("Billing", "Tech support"…), or null. */
export function demoTeamOf(teamName: string): DemoTeam | null {
  if (/bill|payment|invoice/i.test(teamName)) return "billing";
  if (/tech|support|it\b|help/i.test(teamName)) return "tech_support";
  if (/retent|save|churn|loyal|sales/i.test(teamName)) return "retention";
  return null;
}

/**
 * A simulated agent for any organization's agent: the demo roster's skill when it is a demo agent, otherwise a tier
 * drawn from the identity (stable across runs), and a team profile from the first recognizable team name.
 */
export function demoAgentFor(externalId: string, teamNames: readonly string[]): DemoAgent {
  const h = hashString(externalId);
  const team = teamNames.map(demoTeamOf).find((t) => t !== null) ?? (["billing", "tech_support", "retention"] as const)[h % 3]!;
  const tier = TIER_BY_ID.get(externalId) ?? SPREAD[h % SPREAD.length]!;
  return { externalId, team, skill: skillOf(tier, externalId) };
}
