import { monthOf, localDay } from "./calendar";
import type { CanonicalEvent } from "./events";
import { componentsOf, type ComponentKey, type ComponentSettings, type Components } from "./kpi-components";

/**
 * What a set of newly stored events adds to the rollup tables: component sums per agent identity × queue × day and
 * × month (in the organization's time zone), and custom metric sums the same way. Rows are sorted by key so that
 * concurrent writers lock rollup rows in one order and cannot deadlock each other.
 */
export type RollupSettings = ComponentSettings & { timeZone: string };
export type RollupKey = { period: string; agentRef: string; queue: string };
/** Sparse: a component the rows' events never touched is absent (reads as 0). */
export type ComponentRow = RollupKey & { components: Partial<Components> };
export type MetricRow = RollupKey & { metric: string; sum: number; n: number };
export type RollupDelta = { daily: ComponentRow[]; monthly: ComponentRow[]; metricDaily: MetricRow[]; metricMonthly: MetricRow[] };

/**
 * The daily part of a delta in a compact, JSON-friendly form, as queued by ingestion (kpi_pending): `d` rows are
 * `[day, agentRef, queue, { component: value }]` with the touched components only; `m` rows are
 * `[day, agentRef, queue, metric, sum, n]`. Monthly rows follow from the days when batches are folded.
 */
export type CompactDelta = {
  d: Array<[string, string, string, Partial<Components>]>;
  m: Array<[string, string, string, string, number, number]>;
};

/** '' stands for "no agent" / "no queue" in rollup keys (primary keys cannot hold null). */
export const NONE = "";

const monthStart = (day: string) => `${monthOf(day)}-01`;

/** Sums rows by key, for days and (optionally) their months. */
class Accumulator {
  private readonly daily = new Map<string, ComponentRow>();
  private readonly monthly = new Map<string, ComponentRow>();
  private readonly metricDaily = new Map<string, MetricRow>();
  private readonly metricMonthly = new Map<string, MetricRow>();
  constructor(private readonly withMonths: boolean) {}

  addComponents(day: string, agentRef: string, queue: string, delta: Partial<Components>) {
    add(this.daily, day, agentRef, queue, delta);
    if (this.withMonths) add(this.monthly, monthStart(day), agentRef, queue, delta);
  }

  addMetric(day: string, agentRef: string, queue: string, metric: string, sum: number, n: number) {
    addMetric(this.metricDaily, day, agentRef, queue, metric, sum, n);
    if (this.withMonths) addMetric(this.metricMonthly, monthStart(day), agentRef, queue, metric, sum, n);
  }

  delta(): RollupDelta {
    return { daily: sorted(this.daily), monthly: sorted(this.monthly), metricDaily: sorted(this.metricDaily), metricMonthly: sorted(this.metricMonthly) };
  }

  compact(): CompactDelta {
    return {
      d: sorted(this.daily).map((r) => [r.period, r.agentRef, r.queue, r.components]),
      m: sorted(this.metricDaily).map((r) => [r.period, r.agentRef, r.queue, r.metric, r.sum, r.n]),
    };
  }
}

// Runs for every ingested event: sparse rows keep it to the few components an event touches.
function add(map: Map<string, ComponentRow>, period: string, agentRef: string, queue: string, delta: Partial<Components>) {
  const key = `${period}\u0000${agentRef}\u0000${queue}`;
  let row = map.get(key);
  if (!row) map.set(key, (row = { period, agentRef, queue, components: {} }));
  const into = row.components;
  for (const k in delta) {
    const c = k as ComponentKey;
    into[c] = (into[c] ?? 0) + delta[c]!;
  }
}

function addMetric(map: Map<string, MetricRow>, period: string, agentRef: string, queue: string, metric: string, sum: number, n: number) {
  const key = `${period}\u0000${agentRef}\u0000${queue}\u0000${metric}`;
  let row = map.get(key);
  if (!row) map.set(key, (row = { period, agentRef, queue, metric, sum: 0, n: 0 }));
  row.sum += sum;
  row.n += n;
}

function accumulate(acc: Accumulator, events: readonly CanonicalEvent[], settings: RollupSettings): Accumulator {
  for (const event of events) {
    const day = localDay(event.occurredAt, settings.timeZone);
    const agentRef = event.agent ?? NONE;
    const queue = event.queue ?? NONE;
    if (event.type === "metric") acc.addMetric(day, agentRef, queue, event.metric, event.value, 1);
    else acc.addComponents(day, agentRef, queue, componentsOf(event, settings));
  }
  return acc;
}

/** The full delta (days and months) of a set of events: used when rebuilding rollups from stored events. */
export function rollupDeltas(events: readonly CanonicalEvent[], settings: RollupSettings): RollupDelta {
  return accumulate(new Accumulator(true), events, settings).delta();
}

/** The compact daily delta of a batch, as ingestion queues it. */
export function pendingDelta(events: readonly CanonicalEvent[], settings: RollupSettings): CompactDelta {
  return accumulate(new Accumulator(false), events, settings).compact();
}

function sorted<T extends RollupKey & { metric?: string }>(m: Map<string, T>): T[] {
  return [...m.values()].sort((a, b) => cmp(a.period, b.period) || cmp(a.agentRef, b.agentRef) || cmp(a.queue, b.queue) || cmp(a.metric ?? "", b.metric ?? ""));
}

// Code-unit order, not locale order: the same order on every machine.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
