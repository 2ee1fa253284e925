/** Drizzle wraps driver errors (DrizzleQueryError.cause); PGlite and postgres.js both expose the SQLSTATE as `code`. */
export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const isUniqueViolation = (err: unknown) => sqlState(err) === "23505";

/** Deadlock (40P01) or serialization failure (40001): the transaction was rolled back and may simply be run again. */
export const isRetryableConflict = (err: unknown) => {
  const state = sqlState(err);
  return state === "40P01" || state === "40001";
};
