"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo } from "react";
import { EVENT_TYPES, type EventType } from "@/lib/domain/events";
import { IMPORT_FIELDS } from "@/lib/domain/import/fields";
import { cellText, dateFormatProblem, DURATION_FORMATS, isBlank, isValidTimeZone, readDateTime, type DurationFormat } from "@/lib/domain/import/values";
import type { ParsedFile } from "@/lib/import/parse-file";
import { dateFormatHint, type Checked, type Draft, type Source } from "./draft";

/** Common spreadsheet layouts; any date-fns pattern can be typed instead. */
const DATE_FORMATS = ["MM/dd/yyyy HH:mm", "MM/dd/yyyy hh:mm a", "M/d/yyyy H:mm:ss", "dd/MM/yyyy HH:mm", "dd.MM.yyyy HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"];
/** "h.mm.ss" has a dot, which message keys cannot contain. */
const durationKey = (d: DurationFormat) => (d === "h.mm.ss" ? "hmmssDots" : d);

const encode = (s: Source | undefined) => (!s ? "" : s.kind === "column" ? `col:${s.header}` : "const");

export function MappingForm({
  draft,
  onChange,
  parsed,
  checked,
  timeZones,
  locked,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  parsed: ParsedFile;
  checked: Checked;
  timeZones: string[];
  locked: boolean;
}) {
  const t = useTranslations("import.mapping");
  const tt = useTranslations("import.types");
  const tf = useTranslations("import.fields");
  const ids = useId();
  const firstRow = parsed.rows[0]?.cells ?? [];
  const setSource = (field: string, value: string) => {
    const sources = { ...draft.sources };
    if (value === "") delete sources[field];
    else if (value === "const") sources[field] = { kind: "constant", value: draft.sources[field]?.kind === "constant" ? (draft.sources[field] as { value: string }).value : "" };
    else sources[field] = { kind: "column", header: value.slice(4) };
    onChange({ ...draft, sources });
  };
  const sample = dateSample(draft, parsed);
  const swapHint = useMemo(() => dateFormatHint(draft, parsed.headers, parsed.rows), [draft, parsed]);
  const hasId = draft.sources.id !== undefined;

  return (
    <fieldset disabled={locked} className="plain stack" data-testid="import-mapping">
      <div className="form-row">
        <label className="field">
          <span>{t("eventType")}</span>
          <select value={draft.eventType} onChange={(e) => onChange({ ...draft, eventType: e.currentTarget.value as EventType })}>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {tt(type)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="table-wrap">
        <table className="import-fields">
          <thead>
            <tr>
              <th>{t("field")}</th>
              <th>{t("source")}</th>
              <th>{t("sample")}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_FIELDS[draft.eventType].map((spec) => {
              const source = draft.sources[spec.field];
              const selectId = `${ids}-${spec.field}`;
              const column = source?.kind === "column" ? parsed.headers.indexOf(source.header) : -1;
              const cell = column >= 0 ? (firstRow[column] ?? null) : null;
              return (
                <tr key={spec.field}>
                  <td>
                    <label htmlFor={selectId}>
                      <strong>{tf(spec.field)}</strong>
                    </label>{" "}
                    {spec.required && <span className="badge warn">{t("required")}</span>}
                    <div className="mono small muted">{spec.field}</div>
                  </td>
                  <td>
                    <div className="stack-tight">
                      <select id={selectId} value={encode(source)} onChange={(e) => setSource(spec.field, e.currentTarget.value)}>
                        <option value="">{t("notMapped")}</option>
                        <optgroup label={t("columnsGroup")}>
                          {parsed.headers.map((h) => (
                            <option key={h} value={`col:${h}`}>
                              {h}
                            </option>
                          ))}
                          {source?.kind === "column" && column < 0 && <option value={`col:${source.header}`}>{source.header} (?)</option>}
                        </optgroup>
                        <option value="const">{t("fixedValue")}</option>
                      </select>
                      {source?.kind === "constant" && (
                        <input
                          type="text"
                          aria-label={t("fixedLabel", { field: spec.field })}
                          value={source.value}
                          list={spec.choices ? `${ids}-choices-${spec.field}` : undefined}
                          onChange={(e) => onChange({ ...draft, sources: { ...draft.sources, [spec.field]: { kind: "constant", value: e.currentTarget.value } } })}
                        />
                      )}
                      {spec.choices && (
                        <datalist id={`${ids}-choices-${spec.field}`}>
                          {spec.choices.map((c) => (
                            <option key={c} value={c} />
                          ))}
                        </datalist>
                      )}
                    </div>
                  </td>
                  <td className="small mono wrap-anywhere">{isBlank(cell) ? <span className="muted">—</span> : cellText(cell)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!hasId && <p className="muted small flush">{t("derivedId")}</p>}

      <div className="form-row">
        <label className="field">
          <span>{t("dateFormat")}</span>
          <input
            type="text"
            name="dateFormat"
            list={`${ids}-date-formats`}
            autoComplete="off"
            spellCheck={false}
            placeholder={t("dateFormatPlaceholder")}
            value={draft.dateFormat}
            onChange={(e) => onChange({ ...draft, dateFormat: e.currentTarget.value })}
          />
          <datalist id={`${ids}-date-formats`}>
            {DATE_FORMATS.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>
            {t("timeZone")} <span className="hint">{t("timeZoneHint")}</span>
          </span>
          <input
            type="text"
            name="timeZone"
            list={`${ids}-zones`}
            autoComplete="off"
            spellCheck={false}
            value={draft.timeZone}
            onChange={(e) => onChange({ ...draft, timeZone: e.currentTarget.value })}
          />
          <datalist id={`${ids}-zones`}>
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>{t("duration")}</span>
          <select name="duration" value={draft.duration} onChange={(e) => onChange({ ...draft, duration: e.currentTarget.value as DurationFormat })}>
            {DURATION_FORMATS.map((d) => (
              <option key={d} value={d}>
                {t(`durations.${durationKey(d)}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {sample && (
        <p className={`small flush ${sample.ok ? "" : "field-error"}`} data-testid="import-date-sample">
          {sample.ok
            ? t("dateSample", { column: sample.column, raw: sample.raw, value: sample.value })
            : t("dateSampleError", { column: sample.column, error: sample.error })}
        </p>
      )}
      {swapHint && (
        <div className="alert info row" data-testid="import-date-hint">
          <span className="grow">{t("swapHint", { ...swapHint, format: draft.dateFormat.trim() })}</span>
          <button type="button" className="secondary small-button" onClick={() => onChange({ ...draft, dateFormat: swapHint.swapped })}>
            {t("useSwapped", { swapped: swapHint.swapped })}
          </button>
        </div>
      )}
      <p className="muted small flush">
        {t("dateFormatHint")} {t("dateOffsetNote")}
      </p>

      {!checked.ok && (
        <div className="alert error" role="alert" data-testid="import-mapping-problems">
          {t("problems")}
          <ul className="flush-list">
            {checked.issues.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                <code>{i.path}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}

/** How the first date of the file reads with the chosen format: the moment to notice month-first vs day-first. */
function dateSample(draft: Draft, parsed: ParsedFile) {
  for (const spec of IMPORT_FIELDS[draft.eventType]) {
    const source = draft.sources[spec.field];
    if (spec.kind !== "datetime" || source?.kind !== "column") continue;
    const column = parsed.headers.indexOf(source.header);
    if (column < 0) continue;
    const cell = parsed.rows.slice(0, 50).map((r) => r.cells[column] ?? null).find((c) => !isBlank(c));
    if (cell === undefined || cell === null) continue;
    // an unusable format or time zone is listed with the mapping problems instead
    const format = draft.dateFormat.trim() || undefined;
    const zone = draft.timeZone.trim() || "UTC";
    if ((format && dateFormatProblem(format)) || !isValidTimeZone(zone)) return null;
    const read = readDateTime(cell, { dateFormat: format, timeZone: zone });
    return read.ok ? { ok: true as const, column: source.header, raw: cellText(cell), value: read.value } : { ok: false as const, column: source.header, error: read.message };
  }
  return null;
}
