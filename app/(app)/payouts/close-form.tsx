"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { Field, FormAlert } from "@/lib/ui/form";
import { valueOf, type FormResult } from "@/lib/ui/form-result";
import { closePeriodAction } from "./actions";
import styles from "./payouts.module.css";

type Closing = { id: string; from: string; to: string; progress: number; total: number };

/** While a close runs, its progress (campaigns evaluated) every ~500 ms; null until the period row appears. */
function useCloseProgress(active: boolean, from: string, to: string): Closing | null {
  const [progress, setProgress] = useState<Closing | null>(null);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const poll = async () => {
      try {
        const res = await fetch("/api/periods", { cache: "no-store" });
        if (!res.ok || stopped) return;
        const { closing } = (await res.json()) as { closing: Closing[] };
        if (!stopped) setProgress(closing.find((c) => c.from === from && c.to === to) ?? null);
      } catch {
        // a missed poll only delays the bar
      }
    };
    void poll();
    const timer = setInterval(poll, 500);
    return () => {
      stopped = true;
      clearInterval(timer);
      setProgress(null);
    };
  }, [active, from, to]);
  return progress;
}

/** Close a pay period: from/to prefilled with the next one, field errors beside the fields, a progress bar meanwhile. */
export function ClosePeriodForm({ suggested }: { suggested: { from: string; to: string; ended: boolean } }) {
  const t = useTranslations("payouts.close");
  const [state, action, pending] = useActionState<FormResult | null, FormData>(closePeriodAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const [range, setRange] = useState({ from: suggested.from, to: suggested.to });
  const progress = useCloseProgress(pending, range.from, range.to);
  const percent = progress && progress.total > 0 ? Math.round((progress.progress / progress.total) * 100) : null;
  return (
    <form
      action={action}
      className="form"
      noValidate
      data-testid="close-form"
      onSubmit={(e) => {
        const data = new FormData(e.currentTarget);
        setRange({ from: String(data.get("from") ?? ""), to: String(data.get("to") ?? "") });
        if (!confirm(t("confirm"))) e.preventDefault();
      }}
    >
      <FormAlert state={state} />
      <div className={styles.closeForm}>
        <Field label={t("from")} name="from" state={state}>
          <input type="date" name="from" required defaultValue={valueOf(values, "from") ?? suggested.from} key={`from-${valueOf(values, "from") ?? ""}`} />
        </Field>
        <Field label={t("to")} name="to" state={state}>
          <input type="date" name="to" required defaultValue={valueOf(values, "to") ?? suggested.to} key={`to-${valueOf(values, "to") ?? ""}`} />
        </Field>
        <button type="submit" className={styles.closeButton} disabled={pending} aria-busy={pending} data-testid="close-period">
          {pending ? t("closing") : t("submit")}
        </button>
      </div>
      {!suggested.ended && <p className="muted small flush">{t("notEnded")}</p>}
      {pending && (
        <div className="stack-tight" data-testid="close-progress" aria-live="polite">
          <div
            className={styles.progress}
            role="progressbar"
            aria-label={t("progressLabel")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            data-indeterminate={percent === null ? "true" : undefined}
            style={{ width: "100%" }}
          >
            <span style={percent === null ? undefined : { width: `${percent}%` }} />
          </div>
          <span className="muted small">{progress && progress.total > 0 ? t("progress", { done: progress.progress, total: progress.total }) : t("starting")}</span>
        </div>
      )}
    </form>
  );
}
