import type { z } from "zod";
import { ValidationError, type Issue } from "@/lib/errors";

/** `["tiers", 1, "value"]` → `tiers[1].value`, the path format used in every error message. */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix?: string): string {
  let out = prefix ?? "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function zodIssues(error: z.ZodError, prefix?: string): Issue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path, prefix), message: i.message }));
}

/** Parse input at a boundary; on failure throw a ValidationError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = zodIssues(result.error, prefix);
  const first = issues[0];
  throw new ValidationError(first ? `${first.path || "input"}: ${first.message}` : "Invalid input", issues);
}
