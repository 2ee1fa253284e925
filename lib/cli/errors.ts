import { DataDirLockedError } from "@/db/lock";
import { isAppError, ValidationError, type Issue } from "@/lib/errors";
import type { Io } from "./io";

/** The command line itself is wrong (unknown command or option, missing option): exit 2 with the usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

function issuesOf(err: unknown): Issue[] {
  if (err instanceof ValidationError) return err.issues;
  const details = isAppError(err) ? err.details : undefined;
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as Issue[]) : [];
}

/**
 * One place maps errors to what the operator sees: `error: <message>` plus any further issues, never a stack trace
 * (PODIUM_DEBUG=1 adds it for unexpected errors).
 */
export function reportError(err: unknown, io: Io): number {
  if (err instanceof UsageError) {
    io.stderr(`error: ${err.message}`);
    io.stderr("");
    io.stderr(err.usage);
    return EXIT_USAGE;
  }
  if (err instanceof DataDirLockedError || isAppError(err)) {
    io.stderr(`error: ${err.message}`);
    for (const issue of issuesOf(err)) {
      const line = `${issue.path || "input"}: ${issue.message}`;
      if (line !== err.message) io.stderr(`  ${line}`);
    }
    return EXIT_FAILED;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`error: ${message}`);
  if (process.env.PODIUM_DEBUG && err instanceof Error && err.stack) io.stderr(err.stack);
  return EXIT_FAILED;
}
