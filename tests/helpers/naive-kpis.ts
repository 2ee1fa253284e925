import type { CanonicalEvent } from "@/lib/domain/events";
import type { KpiValue } from "@/lib/domain/kpis";

/**
 * SPEC §4 computed from scratch over raw events, written straight from the table without the component model, as the
 * reference the rollups must equal.
 */
type Call = Extract<CanonicalEvent, { type: "call" }>;
type Ticket = Extract<CanonicalEvent, { type: "ticket" }>;
type Survey = Extract<CanonicalEvent, { type: "survey" }>;

const pct = (num: number, den: number): KpiValue => ({ value: den ? (num / den) * 100 : null, n: den });
const avg = (xs: number[]): KpiValue => ({ value: xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null, n: xs.length });
const secs = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 1000;

export function naiveKpi(key: string, events: readonly CanonicalEvent[], serviceLevelSeconds: number): KpiValue {
  const calls = events.filter((e): e is Call => e.type === "call");
  const answered = calls.filter((c) => c.answered);
  const tickets = events.filter((e): e is Ticket => e.type === "ticket");
  const surveys = (kind: string) => events.filter((e): e is Survey => e.type === "survey" && e.survey === kind);
  const scale = (s: Survey) => s.scale ?? { min: s.survey === "nps" ? 0 : 1, max: s.survey === "nps" ? 10 : s.survey === "csat" ? 5 : 7 };
  const count = (xs: unknown[], of: unknown[]): KpiValue => ({ value: of.length ? xs.length : null, n: of.length });
  const metric = /^(metric|metric_avg):(.+)$/.exec(key);
  if (metric) {
    const values = events.flatMap((e) => (e.type === "metric" && e.metric === metric[2] ? [e.value] : []));
    return metric[1] === "metric" ? { value: values.length ? values.reduce((s, x) => s + x, 0) : null, n: values.length } : avg(values);
  }
  switch (key) {
    case "calls_offered":
      return count(calls, calls);
    case "calls_answered":
      return count(answered, calls);
    case "answer_rate":
      return pct(answered.length, calls.length);
    case "abandon_rate":
      return pct(calls.length - answered.length, calls.length);
    case "resolution_rate": {
      const known = answered.filter((c) => c.resolved != null);
      return pct(known.filter((c) => c.resolved).length, known.length);
    }
    case "fcr_rate": {
      const known = [...calls, ...tickets].filter((c) => c.firstContactResolved != null);
      return pct(known.filter((c) => c.firstContactResolved).length, known.length);
    }
    case "asa":
      return avg(answered.flatMap((c) => (c.waitSeconds != null ? [c.waitSeconds] : [])));
    case "aht":
      return avg(answered.flatMap((c) => (c.talkSeconds != null ? [c.talkSeconds + (c.holdSeconds ?? 0) + (c.wrapSeconds ?? 0)] : [])));
    case "avg_talk":
      return avg(answered.flatMap((c) => (c.talkSeconds != null ? [c.talkSeconds] : [])));
    case "avg_hold":
      return avg(answered.flatMap((c) => (c.holdSeconds != null ? [c.holdSeconds] : [])));
    case "avg_wrap":
      return avg(answered.flatMap((c) => (c.wrapSeconds != null ? [c.wrapSeconds] : [])));
    case "service_level":
      return pct(answered.filter((c) => c.waitSeconds != null && c.waitSeconds <= serviceLevelSeconds).length, calls.length);
    case "tickets_solved":
      return count(tickets.filter((t) => t.solvedAt != null), tickets);
    case "frt":
      return avg(tickets.flatMap((t) => (t.firstReplyAt ? [secs(t.createdAt, t.firstReplyAt)] : [])));
    case "resolution_time":
      return avg(tickets.flatMap((t) => (t.solvedAt ? [secs(t.createdAt, t.solvedAt)] : [])));
    case "sla_rate": {
      const known = tickets.filter((t) => t.slaMet != null);
      return pct(known.filter((t) => t.slaMet).length, known.length);
    }
    case "reopen_rate": {
      const known = tickets.filter((t) => t.reopens != null);
      return pct(known.filter((t) => t.reopens! > 0).length, known.length);
    }
    case "replies_per_ticket":
      return avg(tickets.flatMap((t) => (t.solvedAt != null && t.replies != null ? [t.replies] : [])));
    case "csat": {
      const s = surveys("csat");
      return pct(s.filter((x) => x.score >= scale(x).max - 1).length, s.length);
    }
    case "csat_avg":
      return avg(surveys("csat").map((s) => s.score));
    case "nps": {
      const s = surveys("nps").map((x) => {
        const { min, max } = scale(x);
        return min === 0 && max === 10 ? x.score : ((x.score - min) / (max - min)) * 10;
      });
      return { value: s.length ? ((s.filter((x) => x >= 9).length - s.filter((x) => x <= 6).length) / s.length) * 100 : null, n: s.length };
    }
    case "ces_avg":
      return avg(surveys("ces").map((s) => s.score));
    case "qa_score":
      return avg(events.flatMap((e) => (e.type === "qa_review" ? [e.score] : [])));
    default:
      throw new Error(`naiveKpi: ${key}`);
  }
}
