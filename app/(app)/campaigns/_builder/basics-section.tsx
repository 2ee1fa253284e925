"use client";

import { useTranslations } from "next-intl";
import { SCHEDULE_PERIODS, type CampaignDocument, type SchedulePeriod } from "@/lib/domain/campaigns/document";
import { tidyParticipants } from "@/lib/ui/campaign-draft";
import { ErrorText } from "./field-errors";
import { FieldShell, SelectField, TextField } from "./fields";
import { ListInput } from "./list-input";
import type { BuilderSetup, Edit } from "./types";

/** Name and description, who takes part, and when it runs. */
export function BasicsSection({ doc, edit, setup }: { doc: CampaignDocument; edit: Edit; setup: BuilderSetup }) {
  const t = useTranslations("campaigns.builder");
  const teams = doc.participants?.teams ?? [];
  const agents = doc.participants?.agents ?? [];
  const setParticipants = (nextTeams: string[], nextAgents: string[]) =>
    edit((d) => {
      const p = tidyParticipants(nextTeams, nextAgents);
      if (p) d.participants = p;
      else delete d.participants;
    });
  const toggleTeam = (id: string, on: boolean) => setParticipants(on ? [...teams, id] : teams.filter((x) => x !== id), agents);
  const nobody = teams.length === 0 && agents.length === 0;
  return (
    <section className="card builder-section" aria-labelledby="basics-title">
      <h2 id="basics-title">{t("basics")}</h2>
      <div className="form-row">
        <TextField label={t("name")} path="name" value={doc.name ?? ""} onChange={(v) => edit((d) => void (d.name = v))} />
      </div>
      {/* not wrapped in its label: a textarea's text would become part of the label's */}
      <div className="field">
        <label htmlFor="campaign-description">{t("description")}</label>
        <textarea
          id="campaign-description"
          rows={2}
          value={doc.description ?? ""}
          data-path="description"
          onChange={(e) =>
            edit((d) => {
              if (e.target.value) d.description = e.target.value;
              else delete d.description;
            })
          }
        />
        <ErrorText path="description" />
      </div>

      <fieldset className="field" data-testid="participants">
        <legend>{t("participants")}</legend>
        {setup.teams.length === 0 ? (
          <p className="muted small flush">{t("noTeams")}</p>
        ) : (
          <div className="checks">
            {setup.teams.map((team) => (
              <label key={team.id}>
                <input type="checkbox" checked={teams.includes(team.id)} onChange={(e) => toggleTeam(team.id, e.target.checked)} data-path={`participants.teams[${teams.indexOf(team.id)}]`} />
                {team.name}
              </label>
            ))}
          </div>
        )}
        {teams.map((id, i) => (
          <ErrorText key={id} path={`participants.teams[${i}]`} />
        ))}
        <label className="field">
          <span>
            {t("agents")} <span className="hint">{t("agentsHint")}</span>
          </span>
          <ListInput value={agents} onChange={(v) => setParticipants(teams, v)} label={t("agents")} path="participants.agents" list="campaign-agents" placeholder="aisyah.rahman, …" />
        </label>
        {agents.map((id, i) => (
          <ErrorText key={`${id}-${i}`} path={`participants.agents[${i}]`} />
        ))}
        <p className="muted small flush">{nobody ? (setup.mayTargetEveryone ? t("everyone") : t("pickYourTeams")) : t("participantsHelp")}</p>
      </fieldset>

      <fieldset className="field">
        <legend>{t("schedule")}</legend>
        <div className="form-row">
          <SelectField
            label={t("period")}
            path="schedule.period"
            value={doc.schedule.period}
            onChange={(v) => edit((d) => void (d.schedule.period = v as SchedulePeriod))}
            options={SCHEDULE_PERIODS.map((p) => ({ value: p, label: t(`periods.${p}`) }))}
          />
          <FieldShell label={t("from")} path="schedule.from">
            <input type="date" value={doc.schedule.from ?? ""} data-path="schedule.from" onChange={(e) => edit((d) => void (d.schedule.from = e.target.value))} />
          </FieldShell>
          <FieldShell label={t("to")} path="schedule.to">
            <input type="date" value={doc.schedule.to ?? ""} data-path="schedule.to" onChange={(e) => edit((d) => void (d.schedule.to = e.target.value))} />
          </FieldShell>
        </div>
        <p className="muted small flush">{t(`periodHelp.${doc.schedule.period in PERIOD_HELP ? doc.schedule.period : "month"}`)}</p>
      </fieldset>
      <datalist id="campaign-agents">
        {setup.agents.map((a) => (
          <option key={a.externalId} value={a.externalId}>
            {a.name}
          </option>
        ))}
      </datalist>
    </section>
  );
}

const PERIOD_HELP: Record<SchedulePeriod, true> = { month: true, week: true, quarter: true, custom: true };
