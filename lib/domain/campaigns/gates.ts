import type { Gate } from "./document";
import { EvaluationError } from "./errors";
import type { GateCheck, KpiTable } from "./evaluation";
import { holds, kpiKindOf, readKpi } from "./kpi-info";

/**
 * Gates (SPEC §5, anti-gaming): every condition must hold on that KPI's raw value, without fairness adjustments. A
 * gate fails closed: no value, or fewer samples than its minSamples (default 0, but at least one sample), fails it.
 * Every gate is checked and recorded, even after one has failed, so the explanation shows all of them.
 */
export function gatePassed(check: Pick<GateCheck, "op" | "value" | "minSamples" | "actual" | "n">): boolean {
  return check.actual !== null && check.n >= Math.max(1, check.minSamples) && holds(check.actual, check.op, check.value);
}

export function checkGates(gates: readonly Gate[] | undefined, agent: string, kpis: KpiTable): GateCheck[] {
  return (gates ?? []).map((gate) => {
    kpiKindOf(gate.metric); // unknown keys fail closed
    if (!Number.isFinite(gate.value)) throw new EvaluationError(`the gate on ${gate.metric} has no number to compare with`);
    const minSamples = gate.minSamples ?? 0;
    const { value: actual, n } = readKpi(kpis, agent, gate.metric);
    const check = { metric: gate.metric, op: gate.op, value: gate.value, minSamples, actual, n };
    return { ...check, passed: gatePassed(check) };
  });
}
