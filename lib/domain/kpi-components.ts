import { DEFAULT_SCALES, type CanonicalEvent } from "./events";

/**
 * Additive components from which every KPI of SPEC §4 is computed. They are summed per agent × queue × day on ingest
 * and over any range at query time, so a KPI never needs the raw events again. Each `_n` counts the samples a mean or
 * rate rests on: an unknown (null) field adds to neither the sum nor its `_n`.
 */
export const COMPONENT_KEYS = [
  "calls_offered",
  "calls_answered",
  "resolved_true",
  "resolved_n",
  "fcr_true",
  "fcr_n",
  "wait_sum",
  "wait_n",
  "handle_sum",
  "handle_n",
  "talk_sum",
  "talk_n",
  "hold_sum",
  "hold_n",
  "wrap_sum",
  "wrap_n",
  "sl_within",
  "tickets",
  "tickets_solved",
  "frt_sum",
  "frt_n",
  "restime_sum",
  "restime_n",
  "sla_true",
  "sla_n",
  "reopened",
  "reopen_n",
  "replies_sum",
  "replies_n",
  "csat_n",
  "csat_top2",
  "csat_sum",
  "nps_n",
  "nps_promoters",
  "nps_detractors",
  "ces_n",
  "ces_sum",
  "qa_n",
  "qa_sum",
] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];
export type Components = Record<ComponentKey, number>;
/** Custom metrics (`metric` events): per key, the sum of values and the number of events. */
export type MetricComponents = Record<string, { sum: number; n: number }>;

const EMPTY = Object.freeze(Object.fromEntries(COMPONENT_KEYS.map((k) => [k, 0])) as Components);

// Both run once per ingested event: a spread of one frozen template and a for…in keep them allocation-light.
export function emptyComponents(): Components {
  return { ...EMPTY };
}

const ZERO: Components = { ...EMPTY };

/**
 * Components that read as 0 until written: an object whose prototype holds the zeros, so a KPI query creating one per
 * agent (10,000 of them) allocates only the few columns it sums.
 */
export function zeroComponents(): Components {
  return Object.create(ZERO) as Components;
}

export function addComponents(into: Components, delta: Partial<Components>): Components {
  for (const k in delta) into[k as ComponentKey] += delta[k as ComponentKey]!;
  return into;
}

export type ComponentSettings = {
  /** Service level threshold T in seconds (SPEC §4 `service_level`; default 20). */
  serviceLevelSeconds: number;
};

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

/** What one event adds to the components. Pure; the same event always gives the same delta. */
export function componentsOf(event: CanonicalEvent, settings: ComponentSettings): Partial<Components> {
  const d: Partial<Components> = {};
  const inc = (k: ComponentKey, v = 1) => (d[k] = (d[k] ?? 0) + v);
  switch (event.type) {
    case "call": {
      inc("calls_offered");
      if (event.firstContactResolved != null) {
        inc("fcr_n");
        if (event.firstContactResolved) inc("fcr_true");
      }
      if (!event.answered) break;
      inc("calls_answered");
      if (event.resolved != null) {
        inc("resolved_n");
        if (event.resolved) inc("resolved_true");
      }
      if (event.waitSeconds != null) {
        inc("wait_n");
        inc("wait_sum", event.waitSeconds);
        // an answered call without waitSeconds does not count as within T
        if (event.waitSeconds <= settings.serviceLevelSeconds) inc("sl_within");
      }
      if (event.talkSeconds != null) {
        // AHT: talk + hold + wrap over answered calls with talk time; missing hold/wrap count as 0
        inc("handle_n");
        inc("handle_sum", event.talkSeconds + (event.holdSeconds ?? 0) + (event.wrapSeconds ?? 0));
        inc("talk_n");
        inc("talk_sum", event.talkSeconds);
      }
      if (event.holdSeconds != null) {
        inc("hold_n");
        inc("hold_sum", event.holdSeconds);
      }
      if (event.wrapSeconds != null) {
        inc("wrap_n");
        inc("wrap_sum", event.wrapSeconds);
      }
      break;
    }
    case "ticket": {
      inc("tickets");
      if (event.firstContactResolved != null) {
        inc("fcr_n");
        if (event.firstContactResolved) inc("fcr_true");
      }
      if (event.firstReplyAt != null) {
        inc("frt_n");
        inc("frt_sum", seconds(event.createdAt, event.firstReplyAt));
      }
      if (event.solvedAt != null) {
        inc("tickets_solved");
        inc("restime_n");
        inc("restime_sum", seconds(event.createdAt, event.solvedAt));
        if (event.replies != null) {
          inc("replies_n");
          inc("replies_sum", event.replies);
        }
      }
      if (event.slaMet != null) {
        inc("sla_n");
        if (event.slaMet) inc("sla_true");
      }
      if (event.reopens != null) {
        inc("reopen_n");
        if (event.reopens > 0) inc("reopened");
      }
      break;
    }
    case "survey": {
      const { min, max } = event.scale ?? DEFAULT_SCALES[event.survey];
      if (event.survey === "csat") {
        inc("csat_n");
        inc("csat_sum", event.score);
        if (event.score >= max - 1) inc("csat_top2");
      } else if (event.survey === "nps") {
        // NPS is defined on 0–10; a survey on another scale is rescaled to 0–10 first.
        const score = min === 0 && max === 10 ? event.score : ((event.score - min) / (max - min)) * 10;
        inc("nps_n");
        if (score >= 9) inc("nps_promoters");
        else if (score <= 6) inc("nps_detractors");
      } else {
        inc("ces_n");
        inc("ces_sum", event.score);
      }
      break;
    }
    case "qa_review":
      inc("qa_n");
      inc("qa_sum", event.score);
      break;
    case "metric":
      break; // custom metrics live in MetricComponents
  }
  return d;
}
