"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { formatIssue, type RejectedRow } from "@/lib/domain/import/map-row";
import type { ImportMapping } from "@/lib/domain/import/mapping";
import { chunkRows, IMPORT_LIMITS, withOccurrences, type ImportRowInput } from "@/lib/import/chunks";
import type { ParsedFile } from "@/lib/import/parse-file";
import { rejectedRowsCsv } from "@/lib/import/report";
import { useValidationMessage } from "@/lib/ui/form";
import { importRowsAction } from "./actions";
import { saveBlob } from "./saved-mappings";

export type RunState = {
  status: "running" | "done" | "failed";
  total: number;
  done: number;
  accepted: number;
  duplicates: number;
  rejected: RejectedRow[];
  failure?: { line: number; message: string };
};

type Job = { fileName: string; mapping: ImportMapping; headers: string[]; chunks: ImportRowInput[][]; next: number };

/**
 * Sends the file chunk by chunk, one server action call each, and adds up the answers: the progress bar moves per
 * chunk. A failed chunk stops the run; continuing resends it, which is safe because a stored row is a duplicate.
 */
export function useImportRun() {
  const tc = useTranslations("common");
  const translate = useValidationMessage();
  const [state, setState] = useState<RunState | null>(null);
  const job = useRef<Job | null>(null);

  async function drive() {
    const j = job.current;
    if (!j) return;
    setState((s) => (s ? { ...s, status: "running", failure: undefined } : s));
    while (j.next < j.chunks.length) {
      const chunk = j.chunks[j.next]!;
      let message: string | null = null;
      try {
        const result = await importRowsAction({ mapping: j.mapping, headers: j.headers, rows: chunk, fileName: j.fileName });
        if (result.ok) {
          const r = result.data;
          setState((s) => s && { ...s, done: s.done + chunk.length, accepted: s.accepted + r.accepted, duplicates: s.duplicates + r.duplicates, rejected: [...s.rejected, ...r.rejected] });
        } else {
          message = result.status === 403 ? tc("forbidden") : result.status === 401 ? tc("signedOut") : translate(result.message);
        }
      } catch (err) {
        message = err instanceof Error ? err.message : String(err); // the network, or the server went away
      }
      if (message !== null) {
        setState((s) => s && { ...s, status: "failed", failure: { line: chunk[0]!.line, message } });
        return;
      }
      j.next++;
    }
    setState((s) => s && { ...s, status: "done" });
  }

  function start(fileName: string, parsed: ParsedFile, mapping: ImportMapping) {
    const rows = withOccurrences(mapping.eventType, parsed.headers, parsed.rows);
    job.current = { fileName, mapping, headers: parsed.headers, chunks: chunkRows(rows, { maxRows: IMPORT_LIMITS.chunkRows, maxBytes: IMPORT_LIMITS.chunkBytes }), next: 0 };
    setState({ status: "running", total: rows.length, done: 0, accepted: 0, duplicates: 0, rejected: [] });
    void drive();
  }

  function reset() {
    job.current = null;
    setState(null);
  }

  return { state, start, resume: () => void drive(), reset };
}

export function ImportProgress({ state, onResume }: { state: RunState; onResume: () => void }) {
  const t = useTranslations("import.run");
  return (
    <div className="stack" data-testid="import-progress" data-status={state.status}>
      <progress className="import-progress" max={state.total} value={state.done} aria-label={t("progress")} />
      <div className="spread small">
        <span>{t("progressText", { done: state.done.toLocaleString(), total: state.total.toLocaleString() })}</span>
        <strong role="status">{state.status === "running" ? t("importing") : state.status === "done" ? t("done") : ""}</strong>
      </div>
      {state.status === "failed" && state.failure && (
        <div className="alert error" role="alert">
          <p className="flush">{t("failed", { line: state.failure.line, message: state.failure.message })}</p>
          <button type="button" className="secondary small-button" onClick={onResume}>
            {t("retry")}
          </button>
        </div>
      )}
    </div>
  );
}

const SHOWN_REJECTIONS = 200;

export function ImportReport({ state, fileName, onAgain }: { state: RunState; fileName: string; onAgain: () => void }) {
  const t = useTranslations("import.report");
  const rejected = [...state.rejected].sort((a, b) => a.line - b.line);
  const download = () => saveBlob(new Blob([rejectedRowsCsv(rejected)], { type: "text/csv;charset=utf-8" }), `${fileName.replace(/\.[^.]+$/, "")}-import-report.csv`);
  return (
    <div className="stack" data-testid="import-report">
      <div className="grid grid-3">
        <div className="stat">
          <span className="value" data-testid="import-accepted">
            {state.accepted.toLocaleString()}
          </span>
          <span className="label">{t("accepted")}</span>
        </div>
        <div className="stat">
          <span className="value" data-testid="import-duplicates">
            {state.duplicates.toLocaleString()}
          </span>
          <span className="label">{t("duplicates")}</span>
        </div>
        <div className="stat">
          <span className={`value ${rejected.length ? "bad-text" : ""}`} data-testid="import-rejected">
            {rejected.length.toLocaleString()}
          </span>
          <span className="label">{t("rejected")}</span>
        </div>
      </div>
      {rejected.length === 0 ? (
        <p className="muted flush">{t("none")}</p>
      ) : (
        <>
          <h3>{t("rejectedTitle")}</h3>
          <div className="table-wrap">
            <table data-testid="import-rejected-rows">
              <thead>
                <tr>
                  <th className="num">{t("line")}</th>
                  <th>{t("id")}</th>
                  <th>{t("reason")}</th>
                </tr>
              </thead>
              <tbody>
                {rejected.slice(0, SHOWN_REJECTIONS).map((r) => (
                  <tr key={r.line} data-line={r.line}>
                    <td className="num">{r.line}</td>
                    <td className="small mono">{r.id ?? <span className="muted">—</span>}</td>
                    <td className="small">
                      <ul className="flush-list">
                        {r.issues.map((i) => (
                          <li key={formatIssue(i)}>{formatIssue(i)}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rejected.length > SHOWN_REJECTIONS && <p className="muted small flush">{t("more", { count: rejected.length - SHOWN_REJECTIONS })}</p>}
        </>
      )}
      <div className="row">
        <button type="button" onClick={download} data-testid="import-report-download">
          {t("download")}
        </button>
        <button type="button" className="secondary" onClick={onAgain}>
          {t("again")}
        </button>
      </div>
    </div>
  );
}
