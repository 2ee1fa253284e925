"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CampaignDocument, Rule } from "@/lib/domain/campaigns/document";
import type { SimulationResult } from "@/lib/server/simulate-campaign";
import { formatTotals } from "@/lib/ui/campaign-format";
import { documentPath } from "@/lib/ui/campaign-messages";
import { periodLabel, resultRows } from "@/lib/ui/campaign-results";
import { previewCampaignAction } from "../actions";
import { useCampaignMessage } from "./field-errors";
import { ResultsTable } from "./results-table";
import { useExplainDeps } from "./use-explain";

const DEBOUNCE_MS = 700;

// the rule travels with its result: the draft may have changed (or stopped parsing) since
type Preview = { kind: "idle" | "loading" } | { kind: "ok"; result: SimulationResult; rule: Rule } | { kind: "error"; message: string; status: number };

/**
 * Live preview (SPEC §5): the draft evaluated on its current period a moment after each change, as a compact winners
 * table with the period's cost. Its validation errors are the builder's live field errors (`onErrors`).
 */
export function PreviewPanel({ doc, onErrors }: { doc: CampaignDocument; onErrors: (errors: Record<string, string>) => void }) {
  const t = useTranslations("campaigns.preview");
  const deps = useExplainDeps();
  const translate = useCampaignMessage();
  const [preview, setPreview] = useState<Preview>({ kind: "idle" });
  const latest = useRef(0);
  const reportErrors = useRef(onErrors);
  reportErrors.current = onErrors;

  useEffect(() => {
    const seq = ++latest.current;
    const timer = setTimeout(async () => {
      setPreview({ kind: "loading" });
      const res = await previewCampaignAction(doc);
      if (seq !== latest.current) return; // a newer draft is on its way
      if (res.ok) {
        reportErrors.current({});
        setPreview({ kind: "ok", result: res.data, rule: doc.rule });
      } else {
        reportErrors.current(Object.fromEntries(Object.entries(res.fieldErrors).map(([p, m]) => [documentPath(p), m])));
        setPreview({ kind: "error", message: res.message, status: res.status });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [doc]);

  const rows = useMemo(() => (preview.kind === "ok" ? resultRows(preview.result.results, preview.rule, deps) : []), [preview, deps]);
  const winners = rows.filter((r) => r.awarded).length;
  return (
    <section className="card preview-panel" aria-labelledby="preview-title" aria-busy={preview.kind === "loading"} data-testid="preview">
      <div className="spread">
        <h2 id="preview-title" className="flush">
          {t("title")}
        </h2>
        {preview.kind === "loading" && <span className="muted small">{t("updating")}</span>}
      </div>
      {preview.kind === "idle" && <p className="muted small">{t("waiting")}</p>}
      {preview.kind === "error" && (
        <p className={preview.status === 400 ? "muted small" : "alert error small"} role="status">
          {preview.status === 400 ? t("fixErrors") : preview.status === 403 ? t("forbidden") : translate(preview.message)}
        </p>
      )}
      {preview.kind === "ok" && (
        <>
          <p className="muted small flush">{t("period", { range: periodLabel(preview.result, deps.locale), winners, count: rows.length })}</p>
          <div className="cost-line" data-testid="preview-cost">
            <span className="muted small">{t("cost")}</span> <strong>{formatTotals(preview.result.totals, deps.t, deps.locale).join(" · ") || t("nothing")}</strong>
          </div>
          <ResultsTable rows={rows} testId="preview-results" compact />
        </>
      )}
    </section>
  );
}
