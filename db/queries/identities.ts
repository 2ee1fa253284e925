import { sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { rowsOf } from "./rows";

/**
 * The last local day each of these identities carried an event, from the daily rollups (one row per identity, queue and
 * day, so far fewer rows than events; the primary key starts with org_id).
 */
export async function identityLastDays(q: Queryable, orgId: string, refs: readonly string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const list = sql.join(refs.map((r) => sql`${r}`), sql`, `);
  const result = await q.execute(sql`
    select agent_ref, max(day)::text as last_day from (
      select agent_ref, day from kpi_daily where org_id = ${orgId}::uuid and agent_ref in (${list})
      union all
      select agent_ref, day from kpi_metric_daily where org_id = ${orgId}::uuid and agent_ref in (${list})
    ) x group by agent_ref`);
  return new Map(rowsOf<{ agent_ref: string; last_day: string }>(result).map((r) => [r.agent_ref, r.last_day]));
}
