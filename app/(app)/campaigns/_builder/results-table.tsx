"use client";

import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import type { ResultRow } from "@/lib/ui/campaign-results";

/**
 * Winners and everyone else: rank, agent, value, sample, award, status; each row opens its "why" in plain words.
 * `compact` (the preview beside the form): status and "why" under the agent's name, and the first few rows only,
 * with a button for the rest.
 */
const COMPACT_ROWS = 8;

export function ResultsTable({ rows, testId, compact = false }: { rows: ResultRow[]; testId: string; compact?: boolean }) {
  const t = useTranslations("campaigns.results");
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [all, setAll] = useState(false);
  const limit = compact ? COMPACT_ROWS : undefined;
  const shown = limit && !all ? rows.slice(0, limit) : rows;
  const toggle = (agent: string) => setOpen((prev) => {
    const next = new Set(prev);
    if (next.has(agent)) next.delete(agent);
    else next.add(agent);
    return next;
  });
  if (rows.length === 0) return <p className="empty">{t("noParticipants")}</p>;
  return (
    <div className="table-wrap">
      <table className={`results-table${compact ? " compact" : ""}`} data-testid={testId}>
        <thead>
          <tr>
            <th className="num">{compact ? <abbr title={t("rank")}>#</abbr> : t("rank")}</th>
            <th>{t("agent")}</th>
            <th className="num">{t("value")}</th>
            <th className="num">{t("n")}</th>
            <th>{t("award")}</th>
            {!compact && (
              <>
                <th>{t("status")}</th>
                <th>
                  <span className="sr-caption">{t("why")}</span>
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const isOpen = open.has(row.agent);
            const whyId = `why-${testId}-${row.agent}`;
            const status = <span className={`badge ${row.tone === "muted" ? "" : row.tone}`}>{t(`statuses.${row.status}`)}</span>;
            const why = (
              <button type="button" className="link small" aria-expanded={isOpen} aria-controls={whyId} onClick={() => toggle(row.agent)}>
                {isOpen ? t("hideWhy") : t("why")}
              </button>
            );
            return (
              <Fragment key={row.agent}>
                <tr data-agent={row.agent} data-awarded={row.awarded ? "true" : undefined}>
                  <td className="num">{row.rank ?? "—"}</td>
                  <td>
                    <strong>{row.name}</strong>
                    {compact ? (
                      <span className="row-tight">
                        {status} {why}
                      </span>
                    ) : (
                      <span className="muted small block">{row.agent}</span>
                    )}
                  </td>
                  <td className="num">{row.value}</td>
                  <td className="num">{row.n}</td>
                  <td className={row.awarded ? "award-cell" : "muted"}>{row.awards}</td>
                  {!compact && (
                    <>
                      <td>{status}</td>
                      <td>{why}</td>
                    </>
                  )}
                </tr>
                {isOpen && (
                  <tr className="why-row" id={whyId}>
                    <td />
                    <td colSpan={compact ? 4 : 6}>
                      <ul className="why-list" data-testid="why">
                        {row.why.map((line, i) => (
                          <li key={i} data-tone={line.tone}>
                            {line.text}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {limit && rows.length > limit && (
        <button type="button" className="link small" onClick={() => setAll((v) => !v)}>
          {all ? t("showFewer") : t("showAll", { count: rows.length })}
        </button>
      )}
    </div>
  );
}
