/**
 * Fairness adjustments (SPEC §4) so that a lucky small sample does not beat a steady large one.
 * All pure; used by leaderboards and rules alike.
 */
export type FairnessMethod = "raw" | "wilson" | "bayes";

const Z95 = 1.959963984540054;

/**
 * Wilson score interval lower bound (95%) for a rate given as a percentage 0–100 over n samples, as a percentage.
 * 3 of 3 (100%) gives 43.85; 95 of 100 gives 88.82: the larger sample ranks higher.
 */
export function wilsonLowerBound(ratePercent: number, n: number, z = Z95): number | null {
  if (n <= 0) return null;
  const p = ratePercent / 100;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (Math.max(0, (centre - margin) / (1 + z2 / n))) * 100;
}

/**
 * Wilson score interval upper bound (95%), as a percentage: the cautious value of a rate where lower is better
 * (abandon_rate, reopen_rate). 0 of 3 (0%) gives 56.15; 5 of 100 gives 11.18: the larger sample ranks higher.
 */
export function wilsonUpperBound(ratePercent: number, n: number, z = Z95): number | null {
  const lower = wilsonLowerBound(100 - ratePercent, n, z);
  return lower === null ? null : 100 - lower;
}

/** Bayesian average (m·C + Σx) / (m + n): pulls a mean over few samples toward the group mean C with weight m. */
export function bayesianAverage(mean: number, n: number, groupMean: number, weight: number): number | null {
  if (n <= 0 && weight <= 0) return null;
  return (weight * groupMean + mean * n) / (weight + n);
}

export type FairnessSettings = { minSamples: number; method: FairnessMethod; bayesWeight?: number };

export type Adjusted = { value: number | null; n: number; raw: number | null; enoughData: boolean };

/**
 * Applies minimum samples and the fairness method to one KPI across a group of participants. `kind` says whether the
 * KPI is a rate (Wilson applies) or a mean (Bayes applies); other combinations leave the value raw. Wilson takes the
 * cautious end of the interval: the lower bound where higher is better, the upper bound where lower is better (else
 * 0 abandoned of 1 call would rank with a perfect record). The group mean C for Bayes is the sample-weighted mean of
 * the participants with enough data.
 */
export function applyFairness<K extends string>(
  values: ReadonlyArray<{ key: K; value: number | null; n: number }>,
  kind: "rate" | "mean" | "count" | "score",
  settings: FairnessSettings,
  better: "higher" | "lower" = "higher",
): Map<K, Adjusted> {
  const enough = (v: { value: number | null; n: number }) => v.value !== null && v.n >= Math.max(1, settings.minSamples);
  let groupMean = 0;
  if (settings.method === "bayes" && kind === "mean") {
    let sum = 0;
    let n = 0;
    for (const v of values) {
      if (!enough(v)) continue;
      sum += v.value! * v.n;
      n += v.n;
    }
    groupMean = n > 0 ? sum / n : 0;
  }
  const out = new Map<K, Adjusted>();
  for (const v of values) {
    const ok = enough(v);
    let value = ok ? v.value : null;
    if (ok && settings.method === "wilson" && kind === "rate") value = better === "lower" ? wilsonUpperBound(v.value!, v.n) : wilsonLowerBound(v.value!, v.n);
    if (ok && settings.method === "bayes" && kind === "mean") value = bayesianAverage(v.value!, v.n, groupMean, settings.bayesWeight ?? 10);
    out.set(v.key, { value, n: v.n, raw: v.value, enoughData: ok });
  }
  return out;
}
