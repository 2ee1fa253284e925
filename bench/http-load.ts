/** HTTP load with autocannon (a devDependency without type declarations: the part used here, typed). */
import { createRequire } from "node:module";

type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; average: number };
  non2xx: number;
  errors: number;
};
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export type LoadResult = { rps: number; p50: number; p90: number; p99: number; requests: number };

/** `connections` concurrent keep-alive clients for `seconds`; any non-2xx answer or error fails the benchmark. */
export async function load(url: string, opts: { connections?: number; seconds?: number; headers?: Record<string, string> } = {}): Promise<LoadResult> {
  const r = await autocannon({ url, connections: opts.connections ?? 10, duration: opts.seconds ?? 5, headers: opts.headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, requests: r.requests.total };
}
