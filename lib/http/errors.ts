import { isAppError, RateLimitedError } from "@/lib/errors";

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function jsonError(status: number, code: string, message: string, details?: unknown, headers?: HeadersInit): Response {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  return Response.json(body, { status, headers });
}

/** The one place where errors become HTTP responses. Unknown errors are logged and become a 500 without internals. */
export function toErrorResponse(err: unknown): Response {
  if (isAppError(err)) {
    const headers = err instanceof RateLimitedError ? { "Retry-After": String(err.retryAfterSeconds) } : undefined;
    return jsonError(err.status, err.code, err.message, err.details, headers);
  }
  console.error("[podium] unhandled error", err);
  return jsonError(500, "internal_error", "Something went wrong on our side. It has been logged.");
}
