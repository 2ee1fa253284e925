import type { CampaignDocument } from "./document";
import type { DayRange } from "./evaluation";

/**
 * Ready campaigns a manager can start from (SPEC §5 examples). Ids are stable: the builder and the API refer to them.
 * The schedule in each is a placeholder; templateDocument sets the real one.
 */
export type CampaignTemplate = { id: string; document: CampaignDocument };

const PLACEHOLDER = { period: "month", from: "2000-01-01", to: "2000-01-31" } as const;

export const CAMPAIGN_TEMPLATES: readonly CampaignTemplate[] = [
  {
    id: "csat-leave-day",
    document: {
      name: "CSAT leave-day bonus",
      description: "A paid leave day for every agent with CSAT of at least 90 % over 20 or more surveys in the month.",
      schedule: { ...PLACEHOLDER },
      rule: { kind: "threshold", metric: "csat", fairness: { minSamples: 20, method: "raw" }, op: "gte", target: 90, award: { type: "leave", minutes: 480 } },
      approval: "hr",
    },
  },
  {
    id: "monthly-top-3-composite",
    document: {
      name: "Monthly top 3",
      description: "The three best agents by a balanced score of CSAT, handle time and first-contact resolution.",
      schedule: { ...PLACEHOLDER },
      rule: {
        kind: "rank",
        metric: "composite",
        composite: { normalize: "zscore", weights: { csat: 0.5, aht: 0.3, fcr_rate: 0.2 } },
        fairness: { minSamples: 20, method: "raw" },
        top: 3,
        prizes: [
          { type: "leave", minutes: 480 },
          { type: "points", amount: 200 },
          { type: "points", amount: 100 },
        ],
        ties: "share",
      },
      approval: "manager",
    },
  },
  {
    id: "per-ticket-quality",
    document: {
      name: "Points per ticket, quality first",
      description: "5 points per solved ticket while CSAT stays at 85 % or more, up to 1000 points a month.",
      schedule: { ...PLACEHOLDER },
      rule: {
        kind: "per_unit",
        metric: "tickets_solved",
        per: 1,
        award: { type: "points", amount: 5 },
        gates: [{ metric: "csat", op: "gte", value: 85, minSamples: 10 }],
      },
      capPerAgent: [{ type: "points", amount: 1000 }],
      approval: "auto",
    },
  },
  {
    id: "five-day-streak",
    document: {
      name: "5-day CSAT streak",
      description: "100 points for every 5 working days in a row with CSAT of at least 90 % (3 surveys or more a day).",
      schedule: { ...PLACEHOLDER },
      rule: {
        kind: "streak",
        metric: "csat",
        every: "day",
        count: 5,
        condition: { metric: "csat", op: "gte", value: 90, minSamples: 3 },
        award: { type: "points", amount: 100 },
      },
      approval: "auto",
    },
  },
  {
    id: "tiered-csat",
    document: {
      name: "CSAT tiers",
      description: "50, 100 or 200 points for a monthly CSAT of 85, 90 or 95 %: the highest tier reached pays.",
      schedule: { ...PLACEHOLDER },
      rule: {
        kind: "tiered",
        metric: "csat",
        fairness: { minSamples: 20, method: "raw" },
        op: "gte",
        tiers: [
          { value: 85, award: { type: "points", amount: 50 } },
          { value: 90, award: { type: "points", amount: 100 } },
          { value: 95, award: { type: "points", amount: 200 } },
        ],
      },
      approval: "auto",
    },
  },
  {
    id: "employee-of-the-month",
    document: {
      name: "Employee of the month",
      description: "A shortlist of the five best by a balanced score; the manager picks the employee of the month.",
      schedule: { ...PLACEHOLDER },
      rule: {
        kind: "recognition",
        metric: "composite",
        composite: { normalize: "zscore", weights: { csat: 0.4, fcr_rate: 0.3, aht: 0.3 } },
        fairness: { minSamples: 20, method: "raw" },
        shortlist: 5,
        award: { type: "badge", badge: "employee-of-the-month" },
      },
      approval: "manager",
    },
  },
];

/** A fresh copy of a template with the schedule's days set (the period kept), or null for an unknown id. */
export function templateDocument(id: string, range: DayRange): CampaignDocument | null {
  const template = CAMPAIGN_TEMPLATES.find((t) => t.id === id);
  if (!template) return null;
  const copy = structuredClone(template.document);
  copy.schedule = { period: copy.schedule.period, from: range.from, to: range.to };
  return copy;
}
