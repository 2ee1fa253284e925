import { COMPONENT_KEYS, type ComponentKey, type Components, type MetricComponents } from "./kpi-components";

/**
 * The KPI catalogue of SPEC §4 (contract). Every KPI is `{ value, n }`: `n` is the sample its value rests on and
 * `value` is null when n = 0 — never 0. Rates are percentages 0–100; durations are seconds.
 */
export type KpiValue = { value: number | null; n: number };
export type Direction = "higher" | "lower" | null;

type Def = { direction: Direction; kind: "count" | "rate" | "mean" | "score"; compute: (c: Components) => KpiValue };

const ratio = (num: number, den: number): KpiValue => ({ value: den > 0 ? (num / den) * 100 : null, n: den });
const mean = (sum: number, n: number): KpiValue => ({ value: n > 0 ? sum / n : null, n });
/**
 * A count rests on the events it counts from: 0 solved out of 50 tickets is a real 0, while no tickets at all is
 * "no data" (null), never 0.
 */
const countOf = (count: number, of: number): KpiValue => ({ value: of > 0 ? count : null, n: of });

export const KPI_DEFINITIONS = {
  calls_offered: { direction: null, kind: "count", compute: (c) => countOf(c.calls_offered, c.calls_offered) },
  calls_answered: { direction: "higher", kind: "count", compute: (c) => countOf(c.calls_answered, c.calls_offered) },
  answer_rate: { direction: "higher", kind: "rate", compute: (c) => ratio(c.calls_answered, c.calls_offered) },
  abandon_rate: { direction: "lower", kind: "rate", compute: (c) => ratio(c.calls_offered - c.calls_answered, c.calls_offered) },
  resolution_rate: { direction: "higher", kind: "rate", compute: (c) => ratio(c.resolved_true, c.resolved_n) },
  fcr_rate: { direction: "higher", kind: "rate", compute: (c) => ratio(c.fcr_true, c.fcr_n) },
  asa: { direction: "lower", kind: "mean", compute: (c) => mean(c.wait_sum, c.wait_n) },
  aht: { direction: "lower", kind: "mean", compute: (c) => mean(c.handle_sum, c.handle_n) },
  avg_talk: { direction: "lower", kind: "mean", compute: (c) => mean(c.talk_sum, c.talk_n) },
  avg_hold: { direction: "lower", kind: "mean", compute: (c) => mean(c.hold_sum, c.hold_n) },
  avg_wrap: { direction: "lower", kind: "mean", compute: (c) => mean(c.wrap_sum, c.wrap_n) },
  service_level: { direction: "higher", kind: "rate", compute: (c) => ratio(c.sl_within, c.calls_offered) },
  tickets_solved: { direction: "higher", kind: "count", compute: (c) => countOf(c.tickets_solved, c.tickets) },
  frt: { direction: "lower", kind: "mean", compute: (c) => mean(c.frt_sum, c.frt_n) },
  resolution_time: { direction: "lower", kind: "mean", compute: (c) => mean(c.restime_sum, c.restime_n) },
  sla_rate: { direction: "higher", kind: "rate", compute: (c) => ratio(c.sla_true, c.sla_n) },
  reopen_rate: { direction: "lower", kind: "rate", compute: (c) => ratio(c.reopened, c.reopen_n) },
  replies_per_ticket: { direction: "lower", kind: "mean", compute: (c) => mean(c.replies_sum, c.replies_n) },
  csat: { direction: "higher", kind: "rate", compute: (c) => ratio(c.csat_top2, c.csat_n) },
  csat_avg: { direction: "higher", kind: "mean", compute: (c) => mean(c.csat_sum, c.csat_n) },
  nps: {
    direction: "higher",
    kind: "score",
    // % promoters − % detractors over all responses: passives (7–8) stay in the denominator
    compute: (c) => ({ value: c.nps_n > 0 ? ((c.nps_promoters - c.nps_detractors) / c.nps_n) * 100 : null, n: c.nps_n }),
  },
  ces_avg: { direction: "higher", kind: "mean", compute: (c) => mean(c.ces_sum, c.ces_n) },
  qa_score: { direction: "higher", kind: "mean", compute: (c) => mean(c.qa_sum, c.qa_n) },
} satisfies Record<string, Def>;

export type BuiltinKpi = keyof typeof KPI_DEFINITIONS;
export const BUILTIN_KPIS = Object.keys(KPI_DEFINITIONS) as BuiltinKpi[];

export type ParsedKpiKey =
  | { kind: "builtin"; key: BuiltinKpi }
  | { kind: "metric"; metric: string; aggregate: "sum" | "avg" };

const METRIC_REF = /^(metric|metric_avg):([a-z][a-z0-9_]{0,62})$/;

/** `csat` → builtin; `metric:upsells` / `metric_avg:upsells` → custom metric. Unknown → null. */
export function parseKpiKey(key: string): ParsedKpiKey | null {
  if (Object.hasOwn(KPI_DEFINITIONS, key)) return { kind: "builtin", key: key as BuiltinKpi };
  const m = METRIC_REF.exec(key);
  if (m) return { kind: "metric", metric: m[2]!, aggregate: m[1] === "metric" ? "sum" : "avg" };
  return null;
}

/**
 * KPIs of SPEC §4 read from the ledger rather than the events: `points_earned`, the points an agent was awarded in the
 * range (awards and adjustments, net of their reversals; spending points never lowers it), with n the entries summed.
 * The KPI API answers them beside the event KPIs; boards rank on them as `points`.
 */
export const LEDGER_KPIS: readonly string[] = ["points_earned"];

export function kpiDirection(key: string): Direction {
  const parsed = parseKpiKey(key);
  if (!parsed) return null;
  return parsed.kind === "builtin" ? KPI_DEFINITIONS[parsed.key].direction : "higher";
}

export function computeKpi(key: string, components: Components, metrics: MetricComponents): KpiValue {
  const parsed = parseKpiKey(key);
  if (!parsed) throw new Error(`unknown KPI ${key}`);
  if (parsed.kind === "builtin") return KPI_DEFINITIONS[parsed.key].compute(components);
  const m = metrics[parsed.metric] ?? { sum: 0, n: 0 };
  return parsed.aggregate === "sum" ? { value: m.n > 0 ? m.sum : null, n: m.n } : mean(m.sum, m.n);
}

/**
 * The components a built-in KPI reads, found by computing it once over a recording proxy, so a query sums only the
 * columns the requested KPIs need and the list can never drift from the formulas above.
 */
export function componentsUsedBy(key: BuiltinKpi): ComponentKey[] {
  const used = new Set<ComponentKey>();
  const probe = new Proxy({} as Components, {
    get: (_t, prop) => {
      used.add(prop as ComponentKey);
      return 1;
    },
  });
  KPI_DEFINITIONS[key].compute(probe);
  return COMPONENT_KEYS.filter((k) => used.has(k));
}
