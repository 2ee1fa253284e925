import type { KpiValue } from "../kpis";
import type { CampaignDocument, Rule } from "./document";
import { evaluate } from "./evaluate";
import type { EvaluationInput, EvaluationResult, KpiTable, ParticipantResult } from "./evaluation";

/** Shared by the campaign tests only: short ways to build inputs and read results. */
export const PERIOD = { from: "2026-03-01", to: "2026-03-31" };

export const kv = (value: number | null, n: number): KpiValue => ({ value, n });

export function campaign(rule: Rule, extra: Partial<CampaignDocument> = {}): CampaignDocument {
  return { name: "Test", schedule: { period: "month", ...PERIOD }, rule, ...extra };
}

/** Evaluates a rule over a KPI table; every agent of the table (and of `also`) takes part. */
export function run(rule: Rule, kpis: KpiTable, extra: Partial<CampaignDocument> = {}, more: Partial<EvaluationInput> & { also?: string[] } = {}): EvaluationResult {
  const { also = [], ...rest } = more;
  const agents = [...new Set([...Object.keys(kpis), ...also])];
  return evaluate({ document: campaign(rule, extra), period: PERIOD, participants: agents.map((a) => ({ agent: a, name: a.toUpperCase() })), kpis, ...rest });
}

export function byAgent(result: EvaluationResult): Record<string, ParticipantResult> {
  return Object.fromEntries(result.results.map((r) => [r.agent, r]));
}
