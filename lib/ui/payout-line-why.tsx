import type { LineView } from "./payout-view";

export type LineWhyLabels = { show: string; reason: string; corrects: string; noWhy: string };

/**
 * The expandable "why" of a payout line: the campaign's explanation in plain words and, for an adjustment, its reason
 * and the period it corrects. No hooks: rendered by server pages with their translated labels.
 */
export type LineWhyClasses = { root?: string; ok?: string; bad?: string };

export function LineWhy({ line, labels, classes, correctsPeriod }: { line: LineView; labels: LineWhyLabels; classes: LineWhyClasses; correctsPeriod?: boolean }) {
  return (
    <details className={classes.root} data-testid="line-why">
      <summary>{labels.show}</summary>
      <div>
        {line.lineType === "adjustment" && (
          <p className="small flush">
            {line.reason && (
              <>
                <strong>{labels.reason}</strong> {line.reason}
                <br />
              </>
            )}
            {correctsPeriod !== false && (
              <>
                <strong>{labels.corrects}</strong> {line.period}
              </>
            )}
          </p>
        )}
        {line.why ? (
          <ul className="flush-list small">
            {line.why.map((w, i) => (
              <li key={i} className={w.tone === "info" ? undefined : classes[w.tone]}>
                {w.text}
              </li>
            ))}
          </ul>
        ) : (
          line.lineType === "award" && <p className="muted small flush">{labels.noWhy}</p>
        )}
      </div>
    </details>
  );
}
