"use client";

import { useTranslations } from "next-intl";
import { BUILTIN_KPIS, KPI_DEFINITIONS } from "@/lib/domain/kpis";
import { useFieldError } from "./field-errors";

const CUSTOM = "__custom";
const COUNT_KPIS = BUILTIN_KPIS.filter((k) => KPI_DEFINITIONS[k].kind === "count");

/**
 * A KPI of the catalogue (SPEC §4) by its localized name, optionally "composite score", or a custom metric typed as
 * `metric:<key>` / `metric_avg:<key>`. `counts`: only count KPIs (what per-unit rules pay for). `points`: also
 * "points earned" (leaderboards rank the ledger's points; campaigns cannot pay on them).
 */
export function KpiSelect({
  value,
  onChange,
  path,
  label,
  composite = false,
  counts = false,
  points = false,
}: {
  value: string;
  onChange: (v: string) => void;
  path: string;
  label: string;
  composite?: boolean;
  counts?: boolean;
  points?: boolean;
}) {
  const t = useTranslations("campaigns.metric");
  const tk = useTranslations("kpis.names");
  const error = useFieldError(path);
  const keys = counts ? COUNT_KPIS : BUILTIN_KPIS;
  const known = (keys as readonly string[]).includes(value) || (composite && value === "composite") || (points && value === "points");
  return (
    <span className="kpi-select">
      <select
        value={known ? value : CUSTOM}
        onChange={(e) => onChange(e.target.value === CUSTOM ? (counts ? "metric:" : "metric_avg:") : e.target.value)}
        aria-label={label}
        data-path={path}
        aria-invalid={error ? true : undefined}
      >
        {points && <option value="points">{t("points")}</option>}
        {composite && <option value="composite">{t("composite")}</option>}
        <optgroup label={t("catalogue")}>
          {keys.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </optgroup>
        <option value={CUSTOM}>{t("custom")}</option>
      </select>
      {!known && (
        <input type="text" className="mono" value={value} onChange={(e) => onChange(e.target.value.trim())} aria-label={`${label}: ${t("customKey")}`} placeholder="metric:upsells" />
      )}
    </span>
  );
}
