"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ReplayView } from "@/lib/ui/campaign-replay";
import { DistributionChart } from "./distribution-chart";
import { ResultsTable } from "./results-table";

/** A replay's outcome: cost, distribution, fairness analytics, then the winners of each period. */
export function ReplayResults({ view }: { view: ReplayView }) {
  const t = useTranslations("campaigns.replay");
  // the most recent period first: the one a manager remembers best
  const [periodIndex, setPeriodIndex] = useState(view.periodViews.length - 1);
  const period = view.periodViews[Math.min(periodIndex, view.periodViews.length - 1)];
  return (
    <div className="stack replay-results" data-testid="replay-results">
      <div className="grid grid-3 replay-stats">
        <div className="stat">
          <span className="label">{t("range")}</span>
          <span className="value-sm">{view.range}</span>
          <span className="muted small">{t("periods", { count: view.periods })}</span>
        </div>
        <div className="stat">
          <span className="label">{t("winners")}</span>
          <span className="value-sm" data-testid="replay-winners">
            {t("winnersOf", { winners: view.winners, participants: view.participants })}
          </span>
        </div>
        <div className="stat" data-testid="replay-cost">
          <span className="label">{t("cost")}</span>
          {view.cost.length === 0 ? (
            <span className="value-sm">{t("nothing")}</span>
          ) : (
            view.cost.map((c) => (
              <span key={c} className="value-sm">
                {c}
              </span>
            ))
          )}
        </div>
      </div>

      <div className="grid grid-2">
        <div>
          <h3>{t("distribution")}</h3>
          {view.bars.length === 0 ? <p className="empty">{t("noValues")}</p> : <DistributionChart bars={view.bars} title={t("distribution")} />}
        </div>
        <div data-testid="fairness-analytics">
          <h3>{t("fairness")}</h3>
          {view.concentration.length === 0 ? (
            <p className="muted small">{t("noAwards")}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t("asset")}</th>
                  <th className="num">{t("total")}</th>
                  <th className="num">{t("topShare")}</th>
                </tr>
              </thead>
              <tbody>
                {view.concentration.map((c) => (
                  <tr key={c.asset}>
                    <td>{c.label}</td>
                    <td className="num">{c.total}</td>
                    <td className="num">
                      <span className={c.concentrated ? "badge warn" : undefined} title={t("topShareHint", { count: c.topCount })}>
                        {c.topShare}
                      </span>
                      <span className="muted small block">{t("topAgents", { count: c.topCount })}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 className="spaced">{t("repeatWinners")}</h3>
          {view.repeatWinners.length === 0 ? (
            <p className="muted small">{view.periods > 1 ? t("noRepeat") : t("repeatNeedsPeriods")}</p>
          ) : (
            <ul className="flush-list small">
              {view.repeatWinners.map((w) => (
                <li key={w.agent}>
                  <strong>{w.name}</strong> — {t("wonPeriods", { count: w.periodsWon })}
                  {w.amounts && <span className="muted"> ({w.amounts})</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      {period && (
        <div>
          <div className="spread wrap">
            <h3 className="flush">{t("winnersTable")}</h3>
            {view.periodViews.length > 1 && (
              <nav className="chips" aria-label={t("pickPeriod")}>
                {view.periodViews.map((p, i) => (
                  <button key={p.key} type="button" className="chip" aria-current={i === periodIndex ? "true" : undefined} onClick={() => setPeriodIndex(i)}>
                    {p.label}
                  </button>
                ))}
              </nav>
            )}
          </div>
          <p className="muted small">
            {t("periodSummary", { range: period.label, winners: period.winners, cost: period.cost.join(" · ") || t("nothingInline") })}
          </p>
          <ResultsTable key={period.key} rows={period.rows} testId="replay-table" />
        </div>
      )}
    </div>
  );
}
