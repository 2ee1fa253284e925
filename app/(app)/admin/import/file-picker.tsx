"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { IMPORT_LIMITS } from "@/lib/import/chunks";
import { ImportFileError, parseImportFile, type ParsedFile } from "@/lib/import/parse-file";

export type LoadedFile = { name: string; parsed: ParsedFile; loadedAt: number };

const MEGABYTES = IMPORT_LIMITS.uploadBytes / (1024 * 1024);

/** Reads the chosen file in the browser: nothing is uploaded until the rows are imported, chunk by chunk. */
export function FilePicker({ file, onLoaded, disabled }: { file: LoadedFile | null; onLoaded: (file: LoadedFile | null) => void; disabled: boolean }) {
  const t = useTranslations("import.file");
  const id = useId();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function choose(picked: File | undefined) {
    setError(null);
    onLoaded(null);
    if (!picked) return;
    if (picked.size > IMPORT_LIMITS.uploadBytes) {
      setError(t("errors.too_large", { megabytes: MEGABYTES }));
      return;
    }
    setReading(true);
    try {
      const bytes = new Uint8Array(await picked.arrayBuffer());
      const parsed = await parseImportFile(picked.name, bytes, { maxRows: IMPORT_LIMITS.rows });
      onLoaded({ name: picked.name, parsed, loadedAt: Date.now() });
    } catch (err) {
      if (err instanceof ImportFileError) {
        setError(t(`errors.${err.code}`, { line: err.line ?? 0, rows: IMPORT_LIMITS.rows.toLocaleString() }));
      } else {
        setError(t("errors.unknown", { message: err instanceof Error ? err.message : String(err) }));
      }
    } finally {
      setReading(false);
    }
  }

  const parsed = file?.parsed;
  const delimiterName = parsed?.delimiter === "\t" ? "tab" : parsed?.delimiter;
  return (
    <div className="stack" data-testid="import-file">
      <label className="field" htmlFor={id}>
        <span>
          {t("choose")} <span className="hint">{t("hint", { megabytes: MEGABYTES, rows: IMPORT_LIMITS.rows.toLocaleString() })}</span>
        </span>
        <input
          id={id}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={disabled || reading}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </label>
      {reading && (
        <p className="muted small flush" role="status">
          {t("reading")}
        </p>
      )}
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      {file && parsed && (
        <p className="flush" data-testid="import-file-summary">
          <strong>{t("summary", { name: file.name, rows: parsed.rows.length, columns: parsed.headers.length })}</strong>{" "}
          <span className="muted small">
            ({parsed.format.toUpperCase()}
            {parsed.sheet ? `, ${t("sheet", { sheet: parsed.sheet })}` : ""}
            {delimiterName ? `, ${t("delimiter", { delimiter: `“${delimiterName}”` })}` : ""})
          </span>
        </p>
      )}
    </div>
  );
}
