"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { FairnessMethod } from "@/lib/domain/fairness";
import { POINTS_METRIC } from "@/lib/domain/leaderboards/standings";
import { boardInput, formErrorPaths, type BoardDraft, type BoardPeriodKind } from "@/lib/ui/leaderboard-draft";
import { CompositeEditor } from "../../campaigns/_builder/composite-editor";
import { ErrorText, FieldErrorsProvider, useCampaignMessage } from "../../campaigns/_builder/field-errors";
import { CheckField, FieldShell, NumberField, SelectField, TextField } from "../../campaigns/_builder/fields";
import { KpiSelect } from "../../campaigns/_builder/kpi-select";
import { deleteLeaderboardAction, saveLeaderboardAction } from "../actions";
import styles from "../leaderboards.module.css";

const PERIODS: BoardPeriodKind[] = ["week", "month", "quarter", "custom"];
const METHODS: FairnessMethod[] = ["raw", "wilson", "bayes"];

/**
 * Create or edit a board: metric (a KPI, a weighted composite — the campaign builder's editors, reused — or the points
 * earned), period, scope and fairness (not for points). The server validates; its messages appear next to their fields. `id` null: a new board.
 */
export function BoardForm({ id, initial, teams }: { id: string | null; initial: BoardDraft; teams: Array<{ id: string; name: string }> }) {
  const t = useTranslations("leaderboards.form");
  const translate = useCampaignMessage();
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After a refused save, take the person to the problem: the first field with an error (in page order), else the
  // message at the top; the Save button sits at the bottom of a long form, where neither is in view.
  const formRef = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  const handled = useRef(0);
  useEffect(() => {
    if (refusals === handled.current) return; // once per refusal, not on later edits
    handled.current = refusals;
    const form = formRef.current;
    const field = form && [...form.querySelectorAll<HTMLElement>("[data-path]")].find((el) => el.dataset.path! in errors);
    const target = field ?? form?.querySelector<HTMLElement>("[data-testid=board-form-error]");
    target?.scrollIntoView({ block: "center" });
    if (field) field.focus();
  }, [refusals, errors]);
  // A points board ranks a plain sum per agent: no composite, no queue, no fairness (lib/schemas/leaderboards).
  const points = draft.metric === POINTS_METRIC;
  const set = <K extends keyof BoardDraft>(key: K, value: BoardDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const fail = (status: number, message: string, fieldErrors: Record<string, string>) => {
    setErrors(formErrorPaths(fieldErrors));
    setNotice(status === 403 ? t("forbidden") : translate(message));
    setBusy(false);
    setRefusals((n) => n + 1);
  };
  const save = async () => {
    setBusy(true);
    setNotice(null);
    const res = await saveLeaderboardAction(id, boardInput(draft));
    if (!res.ok) return fail(res.status, res.message, res.fieldErrors);
    router.push(`/leaderboards/${res.data.id}`);
  };
  const remove = async () => {
    if (!id || !confirm(t("confirmDelete", { name: initial.name }))) return;
    setBusy(true);
    const res = await deleteLeaderboardAction(id);
    if (!res.ok) return fail(res.status, res.message, {});
    router.push("/leaderboards");
  };

  return (
    <FieldErrorsProvider errors={errors}>
      <form
        ref={formRef}
        className={`form builder ${styles.boardForm}`}
        noValidate
        data-testid="board-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {notice && (
          <div className="alert error" role="alert" data-testid="board-form-error">
            {notice}
          </div>
        )}
        <section className="card builder-section">
          <h2>{t("basics")}</h2>
          <TextField label={t("name")} path="name" value={draft.name} onChange={(v) => set("name", v)} placeholder={t("namePlaceholder")} />
          <FieldShell label={t("metric")} path="metric" hint={t("metricHint")}>
            <KpiSelect value={draft.metric} onChange={(v) => set("metric", v)} path="metric" label={t("metric")} composite points />
          </FieldShell>
          {draft.metric === "composite" && <CompositeEditor composite={draft.composite} onChange={(c) => set("composite", c)} />}
          {points && (
            <p className="muted small flush" data-testid="points-help">
              {t("pointsHelp")}
            </p>
          )}
        </section>

        <section className="card builder-section">
          <h2>{t("periodTitle")}</h2>
          <SelectField label={t("period")} path="period" value={draft.period} onChange={(v) => set("period", v as BoardPeriodKind)} options={PERIODS.map((p) => ({ value: p, label: t(`periods.${p}`) }))} hint={t("periodHint")} />
          {draft.period === "custom" && (
            <div className="form-row">
              <FieldShell label={t("from")} path="from">
                <input type="date" value={draft.from} onChange={(e) => set("from", e.target.value)} data-path="from" />
              </FieldShell>
              <FieldShell label={t("to")} path="to">
                <input type="date" value={draft.to} onChange={(e) => set("to", e.target.value)} data-path="to" />
              </FieldShell>
            </div>
          )}
        </section>

        <section className="card builder-section">
          <h2>{t("scopeTitle")}</h2>
          <fieldset className="field">
            <legend>{t("teams")}</legend>
            <span className="hint">{t("teamsHint")}</span>
            {teams.length === 0 ? (
              <p className="muted small flush">{t("noTeams")}</p>
            ) : (
              <div className="checks" data-testid="board-teams">
                {teams.map((team) => (
                  <label key={team.id}>
                    <input
                      type="checkbox"
                      checked={draft.teams.includes(team.id)}
                      onChange={(e) => set("teams", e.target.checked ? [...draft.teams, team.id] : draft.teams.filter((x) => x !== team.id))}
                    />
                    {team.name}
                  </label>
                ))}
              </div>
            )}
            {draft.teams.map((_, i) => (
              <ErrorText key={i} path={`teams[${i}]`} />
            ))}
          </fieldset>
          {!points && <TextField label={t("queue")} path="queue" value={draft.queue} onChange={(v) => set("queue", v)} hint={t("queueHint")} placeholder="billing" />}
        </section>

        {!points && (
          <section className="card builder-section">
            <h2>{t("fairnessTitle")}</h2>
            <CheckField label={t("orgFairness")} hint={t("orgFairnessHint")} checked={draft.orgFairness} onChange={(v) => set("orgFairness", v)} path="fairness" />
            <ErrorText path="fairness" />
            {!draft.orgFairness && (
              <div className="form-row">
                <NumberField label={t("minSamples")} path="fairness.minSamples" value={draft.minSamples} onChange={(v) => set("minSamples", v)} step={1} min={0} hint={t("minSamplesHint")} />
                <SelectField label={t("method")} path="fairness.method" value={draft.method} onChange={(v) => set("method", v as FairnessMethod)} options={METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))} />
                {draft.method === "bayes" && <NumberField label={t("bayesWeight")} path="fairness.bayesWeight" value={draft.bayesWeight} onChange={(v) => set("bayesWeight", v)} min={0} hint={t("bayesWeightHint")} />}
              </div>
            )}
            <p className="muted small flush">{t("fairnessHelp")}</p>
          </section>
        )}

        <div className="row">
          <button type="submit" disabled={busy} aria-busy={busy} data-testid="save-board">
            {busy ? t("saving") : id ? t("save") : t("create")}
          </button>
          {id && (
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()} data-testid="delete-board">
              {t("delete")}
            </button>
          )}
        </div>
      </form>
    </FieldErrorsProvider>
  );
}
