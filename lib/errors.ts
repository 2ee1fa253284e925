/**
 * Typed errors thrown by operations. They are mapped to HTTP/JSON once (lib/http/errors.ts) and to form
 * state once (lib/ui/action-state.ts); nothing else invents status codes.
 */
export type Issue = { path: string; message: string };

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly details?: unknown;
  constructor(message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Input failed validation; `details` lists every problem with the path of the field. */
export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = "invalid_input";
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message, issues.length ? { issues } : undefined);
  }
}

/** No valid credentials: a missing, unknown or revoked API key, or no session. */
export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly code = "unauthorized";
}

/** Authenticated, but this role or key may not do this. */
export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = "forbidden";
}

/** Not found, or belongs to another organization (the two are indistinguishable on purpose). */
export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = "not_found";
}

/** The request contradicts the current state (duplicate name, wrong lifecycle state, overlapping period). */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = "conflict";
}

/**
 * Valid input that cannot be acted on as it stands: a stored campaign rule that no longer evaluates (its KPI was
 * removed, say). Fails closed: no award is made, and the manager sees why.
 */
export class UnprocessableError extends AppError {
  readonly status = 422;
  readonly code = "cannot_evaluate";
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = "payload_too_large";
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  readonly code = "rate_limited";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
