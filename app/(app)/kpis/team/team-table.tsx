import { getTranslations } from "next-intl/server";
import type { ValueView } from "../view";
import type { TeamTableView } from "./team-view";

async function Cell({ cell }: { cell: ValueView }) {
  const t = await getTranslations("kpis.card");
  return (
    <td className="num" data-enough={cell.enough ? "true" : "false"}>
      {cell.display !== null ? (
        <span className={cell.onTarget === false ? "kpi-off" : cell.onTarget ? "kpi-on" : undefined}>{cell.display}</span>
      ) : (
        <span className="kpi-none" title={`${t("notEnoughData")}: ${cell.n > 0 ? t("needSamples", { n: cell.n, min: cell.minSamples }) : t("noSamples")}`}>
          <span aria-hidden="true">—</span>
          <span className="sr-caption">{t("notEnoughData")}</span>
        </span>
      )}
      <span className="cell-n">{t("samples", { n: cell.n })}</span>
    </td>
  );
}

/**
 * Agents × KPIs with each value's sample, "not enough data" marked, and the team total in the footer. A cell without
 * enough data is a short "—" (tinted, its reason in the title and for screen readers): a badge per cell of an agent
 * without data would stretch the table past the screen.
 */
export async function TeamTable({ teamName, table }: { teamName: string; table: TeamTableView }) {
  const t = await getTranslations("kpis");
  return (
    <section className="card">
      <div className="table-wrap">
        <table className="kpi-table" data-testid="team-kpi-table">
          <caption className="sr-caption">{t("team.tableCaption", { team: teamName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("team.agent")}</th>
              {table.kpis.map((kpi) => (
                <th key={kpi} scope="col" className="num">
                  <abbr title={`${t(`names.${kpi}`)}: ${t(`help.${kpi}`)}`}>{t(`short.${kpi}`)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.kpis.length + 1} className="empty">
                  {t("team.noAgents")}
                </td>
              </tr>
            ) : (
              table.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  {row.cells.map((cell, i) => (
                    <Cell key={table.kpis[i]} cell={cell} />
                  ))}
                </tr>
              ))
            )}
          </tbody>
          {table.total && (
            <tfoot>
              <tr data-testid="team-total">
                <th scope="row">{t("team.total")}</th>
                {table.total.map((cell, i) => (
                  <Cell key={table.kpis[i]} cell={cell} />
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
