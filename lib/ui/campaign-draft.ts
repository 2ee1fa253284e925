import type { Award, AwardType, CampaignDocument, Rule, RuleCommon, RuleKind } from "@/lib/domain/campaigns/document";
import { currencyDigits } from "@/lib/i18n/format";

/**
 * The builder's editing moves over the §5.1 document, kept out of the components: defaults for a new rule kind or
 * award type, switching kinds without losing the shared fields, and tidy participants. The document being edited may
 * be invalid at any moment (a field left empty is `null`); the server says where (lib/schemas/campaigns.ts).
 */

export function defaultAward(type: AwardType, currency: string): Award {
  switch (type) {
    case "points":
      return { type, amount: 100 };
    case "leave":
      return { type, minutes: 480 };
    case "cash":
      return { type, amountMinor: 50 * 10 ** currencyDigits(currency), currency };
    case "badge":
      return { type, badge: "employee-of-the-month" };
    case "reward":
      return { type, rewardId: "" };
  }
}

const COMMON_KEYS = ["metric", "composite", "fairness", "gates", "compare", "targets"] as const satisfies ReadonlyArray<keyof RuleCommon>;

/** The fields a rule of `kind` needs beyond the shared ones, with sensible starting values. */
export function ruleDefaults(kind: RuleKind, currency: string): Rule {
  const points = (amount: number): Award => ({ type: "points", amount });
  switch (kind) {
    case "threshold":
      return { kind, metric: "csat", op: "gte", target: 90, award: points(100) };
    case "tiered":
      return { kind, metric: "csat", op: "gte", tiers: [{ value: 85, award: points(50) }, { value: 90, award: points(100) }, { value: 95, award: points(200) }] };
    case "rank":
      return { kind, metric: "csat", top: 3, prizes: [defaultAward("leave", currency), points(200), points(100)], ties: "share" };
    case "per_unit":
      return { kind, metric: "tickets_solved", per: 1, award: points(5) };
    case "streak":
      return { kind, metric: "csat", every: "day", count: 5, condition: { metric: "csat", op: "gte", value: 90, minSamples: 3 }, award: points(100) };
    case "recognition":
      return { kind, metric: "composite", composite: { normalize: "zscore", weights: { csat: 0.4, fcr_rate: 0.3, aht: 0.3 } }, shortlist: 5, award: { type: "badge", badge: "employee-of-the-month" } };
  }
}

/**
 * Another kind for the same campaign: the shared fields (metric, composite, fairness, gates, compare, targets) stay,
 * the kind's own fields come from `remembered` (what it held before in this session) or the defaults. Per-unit rules
 * pay per unit of a count, and streaks check their condition: their metric comes from the kind when it cannot carry
 * over.
 */
export function switchRuleKind(rule: Rule, kind: RuleKind, currency: string, remembered?: Rule): Rule {
  const base = remembered ?? ruleDefaults(kind, currency);
  const next = { ...base } as Rule & Record<string, unknown>;
  for (const key of COMMON_KEYS) {
    if (rule[key] === undefined) delete next[key];
    else next[key] = rule[key] as never;
  }
  const fresh = ruleDefaults(kind, currency);
  if (kind === "per_unit" && rule.kind !== "per_unit") {
    next.metric = fresh.metric;
    delete next.composite;
  }
  if (kind === "streak" && next.kind === "streak") next.metric = next.condition.metric;
  return next as Rule;
}

/** A blank campaign: one month-by-month run over the given days, a CSAT threshold, paid automatically. */
export function blankDocument(schedule: { from: string; to: string }, teams: string[], currency: string): CampaignDocument {
  return {
    name: "",
    participants: teams.length ? { teams } : {},
    schedule: { period: "month", ...schedule },
    rule: { ...ruleDefaults("threshold", currency), fairness: { minSamples: 20, method: "raw" } } as Rule,
    approval: "auto",
  };
}

/** Empty lists are left out, and so is `participants` when both are empty (= every agent). */
export function tidyParticipants(teams: string[], agents: string[]): CampaignDocument["participants"] | undefined {
  const out: NonNullable<CampaignDocument["participants"]> = {};
  if (teams.length) out.teams = teams;
  if (agents.length) out.agents = agents;
  return Object.keys(out).length ? out : undefined;
}

/** Cash is typed in major units (50.00) and stored in minor units (5000), by the currency's own decimals. */
export function toMinor(major: number, currency: string): number {
  return Math.round(major * 10 ** safeDigits(currency));
}

export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** safeDigits(currency);
}

function safeDigits(currency: string): number {
  try {
    return currencyDigits(currency);
  } catch {
    return 2; // a currency code still being typed
  }
}

/**
 * Whether the form can show a document typed in the JSON view; null when it can, otherwise the path it trips on.
 * The JSON view accepts anything that parses; the form needs the shapes it edits to be there.
 */
export function formProblem(doc: unknown): string | null {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObj(doc)) return "(document)";
  if (doc.name !== undefined && typeof doc.name !== "string") return "name";
  if (!isObj(doc.schedule)) return "schedule";
  if (doc.participants !== undefined && !isObj(doc.participants)) return "participants";
  if (isObj(doc.participants)) {
    for (const k of ["teams", "agents"]) if (doc.participants[k] !== undefined && !Array.isArray(doc.participants[k])) return `participants.${k}`;
  }
  const rule = doc.rule;
  if (!isObj(rule)) return "rule";
  if (!["threshold", "tiered", "rank", "per_unit", "streak", "recognition"].includes(rule.kind as string)) return "rule.kind";
  const kind = rule.kind as string;
  if (typeof rule.metric !== "string") return "rule.metric";
  const required: Record<string, string[]> = { tiered: ["tiers"], rank: ["prizes"] };
  for (const k of required[kind] ?? []) if (!Array.isArray(rule[k])) return `rule.${k}`;
  for (const k of ["tiers", "prizes", "bands", "gates"]) {
    if (rule[k] !== undefined && !(Array.isArray(rule[k]) && (rule[k] as unknown[]).every(isObj))) return `rule.${k}`;
  }
  for (const k of ["tiers", "bands"]) if (Array.isArray(rule[k]) && !(rule[k] as unknown[]).every((x) => isObj(x) && isObj(x.award))) return `rule.${k}`;
  if (["threshold", "per_unit", "streak", "recognition"].includes(kind) && !isObj(rule.award)) return "rule.award";
  if (rule.kind === "streak" && !isObj(rule.condition)) return "rule.condition";
  for (const k of ["composite", "fairness", "targets"]) if (rule[k] !== undefined && !isObj(rule[k])) return `rule.${k}`;
  if (isObj(rule.composite) && !isObj(rule.composite.weights)) return "rule.composite.weights";
  if (doc.capPerAgent !== undefined && !(Array.isArray(doc.capPerAgent) && doc.capPerAgent.every(isObj))) return "capPerAgent";
  if (doc.budget !== undefined && !isObj(doc.budget)) return "budget";
  return null;
}
