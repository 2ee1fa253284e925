"use client";

import { useValidationMessage } from "@/lib/ui/form";
import type { Issue } from "@/lib/errors";

/** The audit filters' validation problems, each named by the filter's label and translated like form errors. */
export function FilterErrors({
  issues,
  labels,
  values,
  title,
}: {
  issues: Issue[];
  labels: Record<string, string>;
  /** What was asked for: a bad value cannot show in a date input or a select, so it is quoted here. */
  values: Record<string, string | undefined>;
  title: string;
}) {
  const translate = useValidationMessage();
  return (
    <div className="alert error" role="alert" data-testid="audit-filter-error">
      <strong>{title}</strong>
      <ul className="flush-list">
        {issues.map((issue, i) => (
          <li key={i}>
            {issue.path && (
              <>
                <strong>{labels[issue.path] ?? issue.path}</strong>
                {values[issue.path] !== undefined && <span className="mono"> “{values[issue.path]}”</span>}:{" "}
              </>
            )}
            {translate(issue.message)}
          </li>
        ))}
      </ul>
    </div>
  );
}
