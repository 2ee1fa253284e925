import type { Rule } from "./document";

/**
 * Every KPI key a rule reads over the evaluated period: its metric (or each composite part), its gates and its
 * tiebreak. The streak condition is read per sub-period instead (see `streakKpi`). Sorted, without duplicates.
 */
export function ruleKpis(rule: Rule): string[] {
  const keys = new Set<string>();
  if (rule.metric === "composite") for (const k of Object.keys(rule.composite?.weights ?? {})) keys.add(k);
  else keys.add(rule.metric);
  for (const gate of rule.gates ?? []) keys.add(gate.metric);
  if (rule.kind === "rank" && rule.tiebreak) keys.add(rule.tiebreak);
  if (rule.kind === "streak") keys.add(rule.condition.metric);
  return [...keys].sort();
}

/** The KPI a streak rule reads per day or week, or null for other kinds. */
export function streakKpi(rule: Rule): { metric: string; every: "day" | "week" } | null {
  return rule.kind === "streak" ? { metric: rule.condition.metric, every: rule.every } : null;
}
