"use client";

import { useState, type ReactNode } from "react";
import { ErrorText, useFieldError } from "./field-errors";

/**
 * Labelled inputs of the builder. Each names the document path it edits (`data-path`), which is how a server error
 * finds its field and how the error summary moves the focus to it.
 */
type Common = { label: string; path: string; hint?: ReactNode; className?: string };

/**
 * `group`: several controls (an award's type and amount), each labelled itself, rather than one labelled input; the
 * group's content shows its own errors.
 */
export function FieldShell({ label, path, hint, className, group, children }: Common & { group?: boolean; children: ReactNode }) {
  const error = useFieldError(path);
  const body = (
    <>
      <span>
        {label} {hint && <span className="hint">{hint}</span>}
      </span>
      {children}
      {!group && <ErrorText path={path} />}
    </>
  );
  const props = { className: `field ${className ?? ""}`, "data-invalid": error ? "true" : undefined };
  return group ? (
    <div role="group" aria-label={label} {...props}>
      {body}
    </div>
  ) : (
    <label {...props}>{body}</label>
  );
}

/** Parses what is typed; an empty or unreadable field is `null`, which the server reports at its path. */
function parseNumber(text: string): number | null {
  const v = text.trim() === "" ? NaN : Number(text);
  return Number.isFinite(v) ? v : null;
}

/**
 * A number input that keeps what is being typed ("0." or "-") while the document holds the number. It follows the
 * document when the value changes from outside (the JSON view, a template).
 */
export function NumberInput({
  value,
  onChange,
  path,
  label,
  step = "any",
  min,
  max,
  className = "num-input",
}: {
  value: number | null | undefined;
  onChange: (v: number | null) => void;
  path: string;
  label: string;
  step?: string | number;
  min?: number;
  max?: number;
  className?: string;
}) {
  const [text, setText] = useState(value === null || value === undefined ? "" : String(value));
  const shown = parseNumber(text) === (value ?? null) ? text : value === null || value === undefined ? "" : String(value);
  const error = useFieldError(path);
  return (
    <input
      type="number"
      inputMode="decimal"
      className={className}
      step={step}
      min={min}
      max={max}
      value={shown}
      aria-label={label}
      aria-invalid={error ? true : undefined}
      data-path={path}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseNumber(e.target.value));
      }}
    />
  );
}

export function NumberField(props: Common & Omit<Parameters<typeof NumberInput>[0], "label" | "path"> & { suffix?: ReactNode }) {
  const { label, path, hint, className, suffix, ...input } = props;
  return (
    <FieldShell label={label} path={path} hint={hint} className={className}>
      <span className="inline-field">
        <NumberInput {...input} label={label} path={path} />
        {suffix && <span className="muted small">{suffix}</span>}
      </span>
    </FieldShell>
  );
}

export function TextField({ label, path, hint, className, value, onChange, placeholder, list }: Common & { value: string; onChange: (v: string) => void; placeholder?: string; list?: string }) {
  const error = useFieldError(path);
  return (
    <FieldShell label={label} path={path} hint={hint} className={className}>
      <input type="text" value={value} placeholder={placeholder} list={list} data-path={path} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

export function SelectInput({ value, onChange, options, path, label, testId }: { value: string; onChange: (v: string) => void; options: Option[]; path: string; label: string; testId?: string }) {
  const error = useFieldError(path);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} data-path={path} aria-invalid={error ? true : undefined} data-testid={testId}>
      {!options.some((o) => o.value === value) && <option value={value}>{value || "—"}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function SelectField(props: Common & { value: string; onChange: (v: string) => void; options: Option[]; testId?: string }) {
  const { label, path, hint, className, ...select } = props;
  return (
    <FieldShell label={label} path={path} hint={hint} className={className}>
      <SelectInput {...select} label={label} path={path} />
    </FieldShell>
  );
}

export function CheckField({ label, hint, checked, onChange, path }: { label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void; path: string }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-path={path} />
      <span>
        {label}
        {hint && <span className="hint">{hint}</span>}
      </span>
    </label>
  );
}

/** A small "remove" button for a row of a list editor. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="secondary small-button" onClick={onClick} aria-label={label} title={label}>
      ×
    </button>
  );
}
