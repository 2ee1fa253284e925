export const PAYOUT_RUN_STATES = ["draft", "in_review", "approved", "exported", "paid"] as const;
export type PayoutRunState = (typeof PAYOUT_RUN_STATES)[number];

/**
 * The payout run lifecycle (SPEC §6): draft → in_review → approved → exported → paid. Each step has one action; any
 * other move is refused with a message saying what the run is and what it needs.
 */
export type RunAction = "submit" | "approve" | "export" | "pay" | "reopen";

const MOVES: Record<RunAction, { from: readonly PayoutRunState[]; to: PayoutRunState }> = {
  submit: { from: ["draft"], to: "in_review" },
  /** Back to draft from review, to fix lines before approving. */
  reopen: { from: ["in_review"], to: "draft" },
  approve: { from: ["in_review"], to: "approved" },
  /** Exporting an approved run marks it exported; exporting again (exported, paid) is allowed and byte-identical. */
  export: { from: ["approved", "exported", "paid"], to: "exported" },
  pay: { from: ["exported"], to: "paid" },
};

const NEEDS: Record<RunAction, string> = {
  submit: "only a draft run can be sent for review",
  reopen: "only a run in review can go back to draft",
  approve: "only a run in review can be approved",
  export: "only an approved run can be exported",
  pay: "only an exported run can be marked paid",
};

/** The state after `action`, or an error message. Export keeps exported and paid runs as they are. */
export function nextRunState(state: PayoutRunState, action: RunAction): { to: PayoutRunState } | { error: string } {
  const move = MOVES[action];
  if (!move.from.includes(state)) return { error: `This run is ${state.replace("_", " ")}: ${NEEDS[action]}` };
  if (action === "export" && state !== "approved") return { to: state };
  return { to: move.to };
}

/** Lines can be approved, rejected, disputed and adjusted until the run is approved. */
export const linesEditable = (state: PayoutRunState) => state === "draft" || state === "in_review";
