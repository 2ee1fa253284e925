import { findRedemption } from "@/db/queries/rewards";
import type { Redemption } from "@/db/schema";
import type { Tx } from "@/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";

/**
 * The redemption HR is deciding, locked until the transaction ends so a concurrent decision waits and then sees the
 * first one. Only a requested redemption can be fulfilled or rejected.
 */
export async function requestedRedemption(tx: Tx, orgId: string, id: string): Promise<Redemption> {
  const redemption = await findRedemption(tx, orgId, id, { forUpdate: true });
  if (!redemption) throw new NotFoundError("Redemption not found");
  if (redemption.state !== "requested") throw new ConflictError(`This redemption is already ${redemption.state}`, { reason: "already_decided", state: redemption.state });
  return redemption;
}
