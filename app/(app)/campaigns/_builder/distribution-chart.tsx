"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { DistributionBar } from "@/lib/ui/campaign-results";

const BRAND = "#4f46e5";
const GRID = "#e3e6ef";

function BarTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  const t = useTranslations("campaigns.replay");
  const bar = payload?.[0]?.payload as DistributionBar | undefined;
  if (!active || !bar) return null;
  return (
    <div className="chart-tooltip">
      <strong>{bar.range}</strong>
      <div>{t("agentsInBin", { count: bar.count })}</div>
    </div>
  );
}

/** How many participants fall in each range of the compared value (bars shaped in lib/ui/campaign-results.ts). */
export function DistributionChart({ bars, title }: { bars: DistributionBar[]; title: string }) {
  return (
    <div className="chart-box small-chart" data-testid="distribution-chart" role="img" aria-label={title}>
      <BarChart data={bars} responsive style={{ width: "100%", height: 240 }} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} tickLine={false} axisLine={{ stroke: GRID }} interval={0} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} tickLine={false} axisLine={false} width={32} />
        <Tooltip content={<BarTooltip />} />
        <Bar dataKey="count" fill={BRAND} radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
