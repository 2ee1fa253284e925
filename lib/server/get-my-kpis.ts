import { authorize } from "@/lib/auth/policy";
import type { SeriesBucket } from "@/lib/domain/kpi-series";
import type { KpiValue } from "@/lib/domain/kpis";
import { ForbiddenError } from "@/lib/errors";
import { kpiSeriesSchema, type KpiSeriesInput } from "@/lib/schemas/kpi-series";
import { parseInput } from "@/lib/validation";
import type { Ctx } from "./context";
import { getKpiSeries, type SeriesPoint } from "./get-kpi-series";
import { getKpis } from "./get-kpis";
import { loadDirectory } from "./kpi-directory";

export type MyKpis = {
  from: string;
  to: string;
  bucket: SeriesBucket;
  /** The signed-in person as an agent, or null when they have no agent profile (nothing is attributed to them). */
  agent: { externalId: string; name: string } | null;
  totals: Record<string, KpiValue>;
  series: SeriesPoint[];
};

/**
 * "My KPIs": the signed-in person's own KPIs over a day range and their trend per day or ISO week. Any role (SPEC §9:
 * one's own KPIs); the numbers come from getKpis and getKpiSeries, which check visibility again.
 */
export async function getMyKpis(ctx: Ctx, input: Omit<KpiSeriesInput, "agent" | "team">): Promise<MyKpis> {
  if (ctx.actor.kind !== "user") throw new ForbiddenError("Only people have their own KPIs");
  const actor = ctx.actor;
  authorize(actor, "self.view", { orgId: actor.orgId });
  const query = parseInput(kpiSeriesSchema, { from: input.from, to: input.to, metrics: input.metrics, bucket: input.bucket });
  const me = (await loadDirectory(ctx.db, actor.orgId)).agents.find((a) => a.userId === actor.userId);
  const base = { from: query.from, to: query.to, bucket: query.bucket };
  if (!me) return { ...base, agent: null, totals: {}, series: [] };
  const scope = { from: query.from, to: query.to, metrics: query.metrics, agent: me.externalId };
  const [kpis, series] = await Promise.all([getKpis(ctx, { ...scope, groupBy: "agent" }), getKpiSeries(ctx, { ...scope, bucket: query.bucket })]);
  return { ...base, agent: { externalId: me.externalId, name: me.name }, totals: kpis.rows[0]?.metrics ?? {}, series: series.points };
}
