import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { payoutLines } from "@/db/schema";
import type { SystemActor } from "@/lib/auth/actor";
import { decidePayoutLine } from "./decide-payout-line";
import { transitionPayoutRun } from "./transition-payout-run";

/** Demo only: approves a seeded run's pending lines, then the run itself, as the operator would by hand. */
export async function approveSeededRun(ctx: { db: Db; actor: SystemActor; now: () => Date }, orgId: string, runId: string): Promise<void> {
  const pending = await ctx.db
    .select({ id: payoutLines.id })
    .from(payoutLines)
    .where(and(eq(payoutLines.runId, runId), eq(payoutLines.status, "pending")));
  for (const line of pending) await decidePayoutLine(ctx, line.id, "approve", { orgId });
  await transitionPayoutRun(ctx, runId, "submit", { orgId });
  await transitionPayoutRun(ctx, runId, "approve", { orgId });
}
