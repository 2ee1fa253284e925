"use client";

import { useTranslations } from "next-intl";
import type { PreparedMapping } from "@/lib/domain/import/mapping";
import { formatIssue } from "@/lib/domain/import/map-row";
import type { ParsedRow } from "@/lib/import/parse-file";
import { PREVIEW_ID, previewRows, type Validation } from "./draft";

const PREVIEW_ROWS = 10;

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The first rows as the canonical events they become (or why they cannot). */
export function PreviewTable({ prepared, rows }: { prepared: PreparedMapping; rows: readonly ParsedRow[] }) {
  const t = useTranslations("import.preview");
  const preview = previewRows(prepared, rows, PREVIEW_ROWS);
  const fields = ["id", ...prepared.sources.map((s) => s.spec.field).filter((f) => f !== "id" && f !== "scaleMin" && f !== "scaleMax")];
  if (prepared.sources.some((s) => s.spec.field === "scaleMin" || s.spec.field === "scaleMax")) fields.push("scale");
  return (
    <div className="stack" data-testid="import-preview">
      <p className="muted small flush">{t("hint", { count: Math.min(PREVIEW_ROWS, rows.length) })}</p>
      <div className="table-wrap">
        <table className="import-preview">
          <thead>
            <tr>
              <th className="num">{t("line")}</th>
              {fields.map((f) => (
                <th key={f} className="mono">
                  {f}
                </th>
              ))}
              <th>{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.map((row) => (
              <tr key={row.line} data-line={row.line} className={row.issues.length ? "rejected" : undefined}>
                <td className="num">{row.line}</td>
                {row.issues.length === 0 ? (
                  fields.map((f) => (
                    <td key={f} className="small mono nowrap">
                      {f === "id" && row.values.id === PREVIEW_ID ? <span className="muted">{t("derived")}</span> : show(row.values[f])}
                    </td>
                  ))
                ) : (
                  <td colSpan={fields.length} className="small">
                    <ul className="flush-list field-error">
                      {row.issues.map((i) => (
                        <li key={formatIssue(i)}>{formatIssue(i)}</li>
                      ))}
                    </ul>
                  </td>
                )}
                <td>{row.issues.length ? <span className="badge bad">{t("invalid")}</span> : <span className="badge ok">{t("valid")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ValidationSummary({ validation }: { validation: Validation }) {
  const t = useTranslations("import.validate");
  return (
    <div className="stack" data-testid="import-validation">
      <p className="flush" role="status">
        <strong>{t("result", { valid: validation.valid, invalid: validation.invalid })}</strong>
      </p>
      {validation.reasons.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="sr-caption">{t("reasons")}</caption>
            <thead>
              <tr>
                <th>{t("reason")}</th>
                <th className="num">{t("rows")}</th>
                <th>{t("lines")}</th>
              </tr>
            </thead>
            <tbody>
              {validation.reasons.slice(0, 15).map((r) => (
                <tr key={r.text}>
                  <td className="small">{r.text}</td>
                  <td className="num">{r.count}</td>
                  <td className="small nowrap">
                    {r.lines.join(", ")}
                    {r.count > r.lines.length ? ", …" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
