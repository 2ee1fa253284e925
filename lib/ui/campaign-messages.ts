/**
 * Server validation messages of campaigns are English sentences, some with numbers or names in them
 * (`must be greater than rule.tiers[0].value (tiers go from easiest to hardest)`). The fixed ones are translated by
 * their key (see lib/ui/form.tsx messageKey); these patterns turn the variable ones into a message key plus values,
 * so the builder can show them in the reader's language. Unknown messages are shown as they are.
 */
const PATTERNS: Array<{ re: RegExp; key: string; values: (m: RegExpMatchArray) => Record<string, string | number> }> = [
  { re: /^must be greater than rule\.tiers\[(\d+)\]\.value/, key: "tierAbove", values: (m) => ({ tier: Number(m[1]) + 1 }) },
  { re: /^must be less than rule\.tiers\[(\d+)\]\.value/, key: "tierBelow", values: (m) => ({ tier: Number(m[1]) + 1 }) },
  { re: /^must be greater than rule\.bands\[(\d+)\]\.from/, key: "bandAbove", values: (m) => ({ band: Number(m[1]) + 1 }) },
  { re: /^unknown KPI "(.*)"$/, key: "unknownKpi", values: (m) => ({ kpi: m[1]! }) },
  { re: /^(\S+) is not available yet/, key: "kpiNotYet", values: (m) => ({ kpi: m[1]! }) },
  { re: /^points_earned cannot drive a campaign yet/, key: "pointsNotInRules", values: () => ({}) },
  { re: /^has (\d+) prizes for (\d+) positions/, key: "tooManyPrizes", values: (m) => ({ prizes: Number(m[1]), top: Number(m[2]) }) },
  { re: /^caps (\S+) twice$/, key: "capTwice", values: (m) => ({ what: m[1]! }) },
  { re: /^no team with id "(.*)"/, key: "noTeam", values: (m) => ({ id: m[1]! }) },
  { re: /^no agent with external id "(.*)"/, key: "noAgent", values: (m) => ({ id: m[1]! }) },
  { re: /the range may span at most (\d+) days/, key: "rangeTooLong", values: (m) => ({ days: Number(m[1]) }) },
  { re: /^replay at most (\d+) periods/, key: "tooManyPeriods", values: (m) => ({ periods: Number(m[1]) }) },
];

export function messagePattern(message: string): { key: string; values: Record<string, string | number> } | null {
  for (const p of PATTERNS) {
    const m = message.match(p.re);
    if (m) return { key: p.key, values: p.values(m) };
  }
  return null;
}

/** `campaign.rule.tiers[1].value` (what simulate reports) → `rule.tiers[1].value` (what the builder's fields use). */
export function documentPath(path: string): string {
  return path.startsWith("campaign.") ? path.slice("campaign.".length) : path === "campaign" ? "" : path;
}
