"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import type { Replay } from "@/lib/server/replay-campaign";
import type { ReplayPresets } from "@/lib/ui/campaign-ranges";
import { replayView } from "@/lib/ui/campaign-replay";
import { replayCampaignAction } from "../actions";
import { useCampaignMessage } from "./field-errors";
import { ReplayResults } from "./replay-results";
import { useExplainDeps } from "./use-explain";

type Choice = "lastMonth" | "lastQuarter" | "custom";
type Run = { replay: Replay; docJson: string; doc: CampaignDocument };

/**
 * What-if replay (SPEC §5): the draft run on a past range, period by period as its schedule recurs, before launch.
 * Nothing is saved or paid. The result stays until the next run; a note says when the draft has changed since.
 */
export function ReplayPanel({ doc, presets }: { doc: CampaignDocument; presets: ReplayPresets }) {
  const t = useTranslations("campaigns.replay");
  const deps = useExplainDeps();
  const translate = useCampaignMessage();
  const [choice, setChoice] = useState<Choice>("lastMonth");
  const [custom, setCustom] = useState(presets.lastMonth);
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [pending, setPending] = useState(false);
  const range = choice === "custom" ? custom : presets[choice];

  const start = async () => {
    setPending(true);
    setError(null);
    const snapshot = structuredClone(doc);
    const res = await replayCampaignAction(snapshot, range.from, range.to);
    setPending(false);
    if (res.ok) setRun({ replay: res.data, docJson: JSON.stringify(snapshot), doc: snapshot });
    else setError({ message: res.status === 403 ? t("forbidden") : res.status === 400 && !res.fieldErrors.from && !res.fieldErrors.to ? t("fixErrors") : res.message, fields: res.fieldErrors });
  };
  const view = useMemo(() => (run ? replayView(run.replay, run.doc.rule, deps) : null), [run, deps]);
  const stale = run !== null && run.docJson !== JSON.stringify(doc);

  return (
    <section className="card replay-panel" aria-labelledby="replay-title" aria-busy={pending} data-testid="replay">
      <h2 id="replay-title">{t("title")}</h2>
      <p className="muted small">{t("subtitle")}</p>
      <div className="replay-controls">
        <div className="chips" role="radiogroup" aria-label={t("range")}>
          {(["lastMonth", "lastQuarter", "custom"] as const).map((c) => (
            <label key={c} className="chip" aria-current={choice === c ? "true" : undefined}>
              <input type="radio" className="sr-caption" name="replay-range" checked={choice === c} onChange={() => setChoice(c)} />
              {t(`ranges.${c}`)}
            </label>
          ))}
        </div>
        {choice === "custom" && (
          <div className="period-custom">
            <label className="field">
              <span>{t("from")}</span>
              <input type="date" value={custom.from} max={presets.yesterday} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            </label>
            <label className="field">
              <span>{t("to")}</span>
              <input type="date" value={custom.to} max={presets.yesterday} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
            </label>
          </div>
        )}
        <button type="button" onClick={start} disabled={pending} aria-busy={pending} data-testid="run-replay">
          {pending ? t("running") : t("run")}
        </button>
      </div>
      {error && (
        <div className="alert error" role="alert">
          {translate(error.message)}
          {Object.entries(error.fields)
            .filter(([p]) => p === "from" || p === "to")
            .map(([p, m]) => (
              <div key={p}>
                {t(p)}: {translate(m)}
              </div>
            ))}
        </div>
      )}
      {stale && <p className="alert info small">{t("stale")}</p>}
      {view && <ReplayResults view={view} />}
    </section>
  );
}
