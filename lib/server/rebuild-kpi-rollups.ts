import type { Tx } from "@/db/client";
import { applyRollupDelta, clearRollups, eventPage, relocalizeEventDays } from "@/db/queries/events";
import { lockOrganizationEvents } from "@/db/queries/locks";
import { rollupDeltas, type RollupSettings } from "@/lib/domain/rollup";

/** Events read and rolled up at a time: bounded memory whatever the organization's history. */
const PAGE_SIZE = 5_000;

/**
 * Recomputes an organization's KPI rollups from its stored events with the given settings (time zone, service-level
 * threshold T). Runs inside the caller's transaction — the operation that changed the setting, which has authorized
 * and audits — so readers see the old rollups until it commits and the new ones after, never half a rebuild.
 * `relocalize` also recomputes each event's stored calendar day, for a change of time zone.
 */
export async function rebuildKpiRollups(
  tx: Tx,
  orgId: string,
  settings: RollupSettings,
  options: { relocalize: boolean },
): Promise<{ events: number }> {
  // No batch of this organization is stored while the rollups are rebuilt (see lockOrganizationEvents).
  await lockOrganizationEvents(tx, orgId);
  if (options.relocalize) await relocalizeEventDays(tx, orgId, settings.timeZone);
  await clearRollups(tx, orgId);
  let events = 0;
  let after: string | null = null;
  for (;;) {
    const page = await eventPage(tx, orgId, after, PAGE_SIZE);
    if (page.length === 0) break;
    await applyRollupDelta(tx, orgId, rollupDeltas(page, settings));
    events += page.length;
    after = page[page.length - 1]!.id;
    if (page.length < PAGE_SIZE) break;
  }
  return { events };
}
