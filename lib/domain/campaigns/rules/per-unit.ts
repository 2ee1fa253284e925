import { mergeAwards, timesAward } from "../awards";
import type { Award, PerUnitRule } from "../document";
import { EvaluationError } from "../errors";
import type { Outcome } from "../evaluation";

export type PerUnitOutcome = Extract<Outcome, { kind: "per_unit" }>;

/**
 * per_unit: whole units only, units = ⌊value ÷ per⌋ (177 at per 10 → 17; a negative or missing value → 0).
 * - No bands (`flat`): units × award.
 * - `slab`: every unit is paid at the award of the band the total value falls in (the last band with from ≤ value).
 * - `marginal`: unit k covers ((k−1)·per, k·per] and is paid at the band containing its start (k−1)·per.
 * Band `from`s are in metric units and must ascend (else fail closed). A value below the first band pays nothing.
 * With bands, the band awards replace `award`; without `mode`, slab (the contract's default for tiers). A badge or
 * reward is given once when at least one unit pays it (see timesAward).
 */
export function perUnitOutcome(rule: PerUnitRule, value: number | null): PerUnitOutcome {
  const per = rule.per;
  if (!(Number.isFinite(per) && per > 0)) throw new EvaluationError("per must be a number greater than 0");
  const units = value === null || !(value > 0) ? 0 : Math.floor(value / per);
  if (!rule.bands) return { kind: "per_unit", units, per, mode: "flat" };
  const bands = rule.bands;
  if (bands.length === 0) throw new EvaluationError("bands, when given, need at least one band");
  bands.forEach((b, i) => {
    const prev = bands[i - 1];
    if (!Number.isFinite(b.from) || (prev && !(b.from > prev.from))) throw new EvaluationError("band starts must ascend");
  });
  const mode = rule.mode ?? "slab";
  if (mode !== "slab" && mode !== "marginal") throw new EvaluationError(`unknown per_unit mode "${String(mode)}"`);
  const bandOf = (v: number): number | undefined => {
    let found: number | undefined;
    for (const [i, b] of bands.entries()) if (b.from <= v) found = i;
    return found;
  };
  const bandIndex = value === null ? undefined : bandOf(value);
  const unitsPerBand = bands.map(() => 0);
  if (mode === "slab") {
    if (bandIndex !== undefined) unitsPerBand[bandIndex] = units;
  } else {
    // unit i+1 starts at i·per: the first unit of band j is the smallest i ≥ 0 with i·per ≥ from_j (float-exact)
    const firstUnit = (from: number): number => {
      let i = Math.max(0, Math.ceil(from / per));
      while (i > 0 && (i - 1) * per >= from) i--;
      while (i * per < from) i++;
      return Math.min(i, units);
    };
    bands.forEach((b, j) => {
      const next = bands[j + 1];
      unitsPerBand[j] = (next ? firstUnit(next.from) : units) - firstUnit(b.from);
    });
  }
  return { kind: "per_unit", units, per, mode, ...(bandIndex !== undefined ? { bandIndex } : {}), unitsPerBand };
}

export function perUnitAwards(rule: PerUnitRule, outcome: PerUnitOutcome): Award[] {
  if (outcome.mode === "flat" || !rule.bands) {
    const a = timesAward(rule.award, outcome.units);
    return a ? mergeAwards([a]) : [];
  }
  const paid = rule.bands.flatMap((b, j) => {
    const a = timesAward(b.award, outcome.unitsPerBand?.[j] ?? 0);
    return a ? [a] : [];
  });
  return mergeAwards(paid);
}
