import { sql } from "drizzle-orm";
import type { Queryable } from "../client";

/**
 * Locks an organization's row until the transaction ends, so that no event of that organization can be stored
 * meanwhile: storing an event takes a KEY SHARE lock on its organization (events.org_id references it), which waits
 * for this FOR UPDATE, and this waits for batches already being stored. Rebuilding rollups under it neither misses nor
 * double-counts a batch arriving at the same time. Other organizations are not affected.
 */
export async function lockOrganizationEvents(q: Queryable, orgId: string): Promise<void> {
  await q.execute(sql`select id from organizations where id = ${orgId}::uuid for update`);
}
