"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatKpiValue } from "@/lib/ui/kpi-format";

/** One bucket of the trend, shaped on the server (see view.ts). `thin`: a value resting on fewer samples than the minimum. */
export type ChartRow = { key: string; label: string; range: string | null; value: number | null; thin: number | null; n: number };

const BRAND = "#4f46e5";
const MUTED = "#a5a8c8";
const GRID = "#e3e6ef";

function ChartTooltip({ active, payload, kpi }: Partial<TooltipContentProps<number, string>> & { kpi: string }) {
  const t = useTranslations("kpis.chart");
  const locale = useLocale();
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const value = row.value ?? row.thin;
  return (
    <div className="chart-tooltip">
      <strong>{row.range ?? row.label}</strong>
      <div>{value === null ? "—" : formatKpiValue(kpi, value, locale)}</div>
      <div className="muted small">
        {t("samples", { n: row.n })}
        {row.thin !== null && ` · ${t("thin")}`}
      </div>
    </div>
  );
}

/** A KPI's trend per day or week: a line for rates and averages, bars for counts, the target as a dashed line. */
export function KpiTrendChart({ kpi, title, rows, target, type }: { kpi: string; title: string; rows: ChartRow[]; target: number | null; type: "line" | "bar" }) {
  const t = useTranslations("kpis.chart");
  const locale = useLocale();
  const tick = (v: number) => formatKpiValue(kpi, v, locale);
  const common = { data: rows, responsive: true, style: { width: "100%", height: 300 }, margin: { top: 12, right: 16, bottom: 4, left: 4 } };
  const axes = (
    <>
      <CartesianGrid stroke={GRID} vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} tickLine={false} axisLine={{ stroke: GRID }} minTickGap={16} />
      <YAxis tickFormatter={tick} tick={{ fontSize: 12 }} tickLine={false} axisLine={false} width={64} />
      <Tooltip content={<ChartTooltip kpi={kpi} />} />
      {target !== null && (
        <ReferenceLine y={target} stroke="#0f7b4b" strokeDasharray="6 4" ifOverflow="extendDomain" label={{ value: t("target"), position: "insideTopRight", fontSize: 12, fill: "#0f7b4b" }} />
      )}
    </>
  );
  return (
    <div className="chart-box" data-testid="kpi-chart" role="img" aria-label={title}>
      {type === "bar" ? (
        <BarChart {...common}>
          {axes}
          <Bar dataKey={(r: ChartRow) => r.value ?? r.thin} name={t("value")} radius={[4, 4, 0, 0]} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.key} fill={r.thin !== null ? MUTED : BRAND} />
            ))}
          </Bar>
        </BarChart>
      ) : (
        <LineChart {...common}>
          {axes}
          <Line dataKey="value" name={t("value")} stroke={BRAND} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          <Line dataKey="thin" name={t("thin")} stroke="none" dot={{ r: 3, fill: "#fff", stroke: MUTED, strokeWidth: 2 }} activeDot={{ r: 4 }} isAnimationActive={false} legendType="none" />
        </LineChart>
      )}
    </div>
  );
}
