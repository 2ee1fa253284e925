"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { checkDraft, emptyDraft, fromMapping, autoMatch, toMapping, validateAll, type Draft, type Validation } from "./draft";
import { FilePicker, type LoadedFile } from "./file-picker";
import { ImportProgress, ImportReport, useImportRun } from "./import-run";
import { MappingForm } from "./mapping-form";
import { PreviewTable, ValidationSummary } from "./preview-table";
import { LoadMapping, SaveMapping, type SavedMapping } from "./saved-mappings";

/**
 * The import flow of SPEC §3.3 on one page: file → event type and columns → date format, time zone, durations →
 * preview → validate all → import with progress → report. Each step appears once the one before it is usable.
 */
export function ImportWizard({ orgTimeZone, timeZones, saved }: { orgTimeZone: string; timeZones: string[]; saved: SavedMapping[] }) {
  const t = useTranslations("import");
  const tf = useTranslations("import.fields");
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [draft, setDraftState] = useState<Draft>(() => emptyDraft(orgTimeZone));
  const [validation, setValidation] = useState<{ key: string; result: Validation } | null>(null);
  const [checking, setChecking] = useState<{ done: number; total: number } | null>(null);
  const [round, setRound] = useState(0);
  const [mappingName, setMappingName] = useState("");
  const run = useImportRun();
  const locked = run.state !== null;

  const labelOf = (field: string) => (tf.has(field) ? tf(field) : field);
  const setDraft = (next: Draft) => {
    // a new event type brings its own fields: match them to same-named columns
    setDraftState(file && next.eventType !== draft.eventType ? autoMatch(next, file.parsed.headers, labelOf) : next);
  };
  const onLoaded = (loaded: LoadedFile | null) => {
    setFile(loaded);
    setValidation(null);
    if (loaded) setDraftState((d) => autoMatch(d, loaded.parsed.headers, labelOf));
  };

  const checked = useMemo(() => (file ? checkDraft(draft, file.parsed.headers, orgTimeZone) : null), [draft, file, orgTimeZone]);
  // Validation results belong to one file and one mapping; any change makes them stale.
  const key = file ? `${file.loadedAt}:${JSON.stringify(toMapping(draft))}` : "";
  const current = validation?.key === key ? validation.result : null;

  async function validate() {
    if (!file || !checked?.ok) return;
    setChecking({ done: 0, total: file.parsed.rows.length });
    const result = await validateAll(checked.prepared, file.parsed.rows, (done) => setChecking({ done, total: file.parsed.rows.length }));
    setChecking(null);
    setValidation({ key, result });
  }

  function again() {
    run.reset();
    setFile(null);
    setValidation(null);
    setRound((r) => r + 1);
  }

  return (
    <div className="stack">
      <section className="card">
        <h2>{t("file.title")}</h2>
        {/* remounted for the next file, so that even the same file can be chosen again */}
        <FilePicker key={round} file={file} onLoaded={onLoaded} disabled={locked} />
      </section>

      {file && checked && (
        <section className="card">
          <h2>{t("mapping.title")}</h2>
          <div className="stack">
            <LoadMapping
              saved={saved}
              locked={locked}
              onLoad={(m, name) => {
                setDraftState(fromMapping(m, orgTimeZone));
                setMappingName(name);
              }}
            />
            <MappingForm draft={draft} onChange={setDraft} parsed={file.parsed} checked={checked} timeZones={timeZones} locked={locked} />
            <SaveMapping key={mappingName} draft={draft} suggestedName={mappingName} locked={locked} />
          </div>
        </section>
      )}

      {file && checked?.ok && (
        <section className="card">
          <h2>{t("preview.title")}</h2>
          <PreviewTable prepared={checked.prepared} rows={file.parsed.rows} />
        </section>
      )}

      {file && checked?.ok && (
        <section className="card">
          <h2>{t("validate.title")}</h2>
          <div className="stack">
            <div className="row">
              <button type="button" className="secondary" onClick={() => void validate()} disabled={checking !== null || locked} data-testid="import-validate">
                {t("validate.run")}
              </button>
              {checking && (
                <span className="muted small" role="status">
                  {t("validate.running", { done: checking.done.toLocaleString(), total: checking.total.toLocaleString() })}
                </span>
              )}
              {!current && validation && !checking && <span className="muted small">{t("validate.stale")}</span>}
            </div>
            {current && <ValidationSummary validation={current} />}
          </div>
        </section>
      )}

      {file && checked?.ok && (
        <section className="card">
          <h2>{t("run.title")}</h2>
          <div className="stack">
            {!run.state && (
              <>
                <p className="muted small flush">{current ? t("run.rejectedNote") : t("run.needsValidation")}</p>
                <div>
                  <button type="button" disabled={!current} onClick={() => run.start(file.name, file.parsed, checked.mapping)} data-testid="import-start">
                    {t("run.start", { count: file.parsed.rows.length })}
                  </button>
                </div>
              </>
            )}
            {run.state && <ImportProgress state={run.state} onResume={run.resume} />}
          </div>
        </section>
      )}

      {file && run.state && run.state.status !== "running" && (
        <section className="card">
          <h2>{t("report.title")}</h2>
          <ImportReport state={run.state} fileName={file.name} onAgain={again} />
        </section>
      )}
    </div>
  );
}
