import { getTranslations } from "next-intl/server";
import type { PageQuery } from "../view";

/** A GET form: the chosen team becomes part of the URL, with the period, charted KPI and grouping kept. */
export async function TeamPicker({ path, q, teams }: { path: string; q: PageQuery; teams: Array<{ id: string; name: string }> }) {
  const t = await getTranslations("kpis.team");
  return (
    <form method="get" action={path} className="team-picker" data-testid="team-picker">
      <input type="hidden" name="period" value={q.preset} />
      {q.preset === "custom" && (
        <>
          <input type="hidden" name="from" value={q.from} />
          <input type="hidden" name="to" value={q.to} />
        </>
      )}
      <input type="hidden" name="kpi" value={q.kpi} />
      <input type="hidden" name="bucket" value={q.bucket} />
      <label className="field">
        <span>{t("pick")}</span>
        <select name="team" defaultValue={q.team} key={q.team}>
          {teams.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="secondary">
        {t("show")}
      </button>
    </form>
  );
}
