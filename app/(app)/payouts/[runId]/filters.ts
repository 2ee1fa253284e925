/** The lines filter of a run page, read from the query string: unknown values are dropped rather than refused. */
export type LinesQuery = { status?: "pending" | "approved" | "rejected"; lineType?: "award" | "adjustment"; awardType?: "points" | "leave" | "cash" | "badge" | "reward"; q?: string; page: number };

export const STATUSES = ["pending", "approved", "rejected"] as const;
export const LINE_TYPES = ["award", "adjustment"] as const;
export const AWARD_TYPES = ["points", "leave", "cash", "badge", "reward"] as const;
export const PAGE_SIZE = 50;

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => list.find((x) => x === v);

export function readLinesQuery(params: Params): LinesQuery {
  const q = one(params.q)?.trim().slice(0, 120);
  const page = Number(one(params.page));
  return {
    status: pick(STATUSES, one(params.status)),
    lineType: pick(LINE_TYPES, one(params.lineType)),
    awardType: pick(AWARD_TYPES, one(params.awardType)),
    ...(q ? { q } : {}),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The page's address with the filters kept and `page` replaced. */
export function linesHref(runId: string, query: LinesQuery, page: number): string {
  const search = new URLSearchParams();
  for (const key of ["status", "lineType", "awardType", "q"] as const) if (query[key]) search.set(key, query[key]!);
  if (page > 1) search.set("page", String(page));
  const s = search.toString();
  return `/payouts/${runId}${s ? `?${s}` : ""}`;
}
