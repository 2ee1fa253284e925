import { monthOf, localDay } from "./calendar";
import type { CanonicalEvent } from "./events";
import { addComponents, componentsOf, emptyComponents, type ComponentSettings, type Components } from "./kpi-components";

/**
 * What a set of newly stored events adds to the rollup tables: component sums per agent identity × queue × day and
 * × month (in the organization's time zone), and custom metric sums the same way. Rows are sorted by key so that
 * concurrent writers lock rollup rows in one order and cannot deadlock each other.
 */
export type RollupSettings = ComponentSettings & { timeZone: string };
export type RollupKey = { period: string; agentRef: string; queue: string };
export type ComponentRow = RollupKey & { components: Components };
export type MetricRow = RollupKey & { metric: string; sum: number; n: number };
export type RollupDelta = { daily: ComponentRow[]; monthly: ComponentRow[]; metricDaily: MetricRow[]; metricMonthly: MetricRow[] };

/** '' stands for "no agent" / "no queue" in rollup keys (primary keys cannot hold null). */
export const NONE = "";

export function rollupDeltas(events: readonly CanonicalEvent[], settings: RollupSettings): RollupDelta {
  const daily = new Map<string, ComponentRow>();
  const monthly = new Map<string, ComponentRow>();
  const metricDaily = new Map<string, MetricRow>();
  const metricMonthly = new Map<string, MetricRow>();
  const addMetric = (map: Map<string, MetricRow>, period: string, agentRef: string, queue: string, metric: string, value: number) => {
    const key = `${period}\u0000${agentRef}\u0000${queue}\u0000${metric}`;
    let row = map.get(key);
    if (!row) map.set(key, (row = { period, agentRef, queue, metric, sum: 0, n: 0 }));
    row.sum += value;
    row.n += 1;
  };
  const add = (map: Map<string, ComponentRow>, period: string, agentRef: string, queue: string, delta: Partial<Components>) => {
    const key = `${period}\u0000${agentRef}\u0000${queue}`;
    let row = map.get(key);
    if (!row) map.set(key, (row = { period, agentRef, queue, components: emptyComponents() }));
    addComponents(row.components, delta);
  };
  for (const event of events) {
    const day = localDay(event.occurredAt, settings.timeZone);
    const month = `${monthOf(day)}-01`;
    const agentRef = event.agent ?? NONE;
    const queue = event.queue ?? NONE;
    if (event.type === "metric") {
      addMetric(metricDaily, day, agentRef, queue, event.metric, event.value);
      addMetric(metricMonthly, month, agentRef, queue, event.metric, event.value);
      continue;
    }
    const delta = componentsOf(event, settings);
    add(daily, day, agentRef, queue, delta);
    add(monthly, month, agentRef, queue, delta);
  }
  const sorted = <T extends RollupKey & { metric?: string }>(m: Map<string, T>) =>
    [...m.values()].sort((a, b) => compareKeys(a, b) || cmp(a.metric ?? "", b.metric ?? ""));
  return { daily: sorted(daily), monthly: sorted(monthly), metricDaily: sorted(metricDaily), metricMonthly: sorted(metricMonthly) };
}

function compareKeys(a: RollupKey, b: RollupKey): number {
  return cmp(a.period, b.period) || cmp(a.agentRef, b.agentRef) || cmp(a.queue, b.queue);
}

// Code-unit order, not locale order: the same order on every machine.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
