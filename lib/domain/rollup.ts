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
  for (const event of events) {
    const day = localDay(event.occurredAt, settings.timeZone);
    const month = `${monthOf(day)}-01`;
    const agentRef = event.agent ?? NONE;
    const queue = event.queue ?? NONE;
    if (event.type === "metric") {
      for (const [map, period] of [[metricDaily, day], [metricMonthly, month]] as const) {
        const key = [period, agentRef, queue, event.metric].join("\u0000");
        const row = map.get(key) ?? { period, agentRef, queue, metric: event.metric, sum: 0, n: 0 };
        row.sum += event.value;
        row.n += 1;
        map.set(key, row);
      }
      continue;
    }
    const delta = componentsOf(event, settings);
    for (const [map, period] of [[daily, day], [monthly, month]] as const) {
      const key = [period, agentRef, queue].join("\u0000");
      const row = map.get(key) ?? { period, agentRef, queue, components: emptyComponents() };
      addComponents(row.components, delta);
      map.set(key, row);
    }
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
