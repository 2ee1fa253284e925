"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { ExplainDeps } from "@/lib/ui/campaign-explain";

/** The translator, locale and KPI names the pure formatters of lib/ui/campaign-*.ts take. */
export function useExplainDeps(): ExplainDeps {
  const t = useTranslations("campaigns");
  const tk = useTranslations("kpis.names");
  const locale = useLocale();
  return useMemo(() => ({ t: (key, values) => t(key, values), locale, kpiName: (key) => (tk.has(key) ? tk(key) : key) }), [t, tk, locale]);
}
