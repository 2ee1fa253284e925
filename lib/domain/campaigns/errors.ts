/**
 * A rule that cannot be evaluated: an unknown KPI key in a stored rule, a malformed amount, a streak without its
 * per-period values… The engine fails closed: it throws instead of guessing, and the caller turns this into a visible
 * error and no award.
 */
export class EvaluationError extends Error {
  override readonly name = "EvaluationError";
}
