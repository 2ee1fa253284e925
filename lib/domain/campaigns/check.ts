import { cleanAward } from "./awards";
import { compositeWeights } from "./composite";
import { RULE_KINDS, type Award, type Op, type Rule } from "./document";
import { EvaluationError } from "./errors";
import { kpiKindOf } from "./kpi-info";
import { perUnitOutcome } from "./rules/per-unit";
import { checkRankRule } from "./rules/rank";
import { recognitionOutcome } from "./rules/recognition";
import { checkStreakRule } from "./rules/streak";
import { thresholdOutcome } from "./rules/threshold";
import { tieredOutcome } from "./rules/tiered";
import { compareOf, fairnessOf } from "./values";

function checkOp(op: Op, where: string): void {
  if (op !== "gte" && op !== "lte") throw new EvaluationError(`${where}: unknown comparison "${String(op)}" (gte or lte)`);
}

/**
 * Everything the engine relies on in a stored rule, checked up front — so a broken rule fails closed even when no
 * participant would reach the broken part (or there are no participants). lib/schemas/campaigns.ts refuses these on
 * save with paths and messages for people; this is the engine's own guard against stored or hand-made documents.
 */
export function checkRule(rule: Rule): void {
  if (!rule || !RULE_KINDS.includes(rule.kind)) throw new EvaluationError(`unknown rule kind "${String(rule?.kind)}"`);
  if (typeof rule.metric !== "string") throw new EvaluationError("the rule has no metric");
  if (rule.metric === "composite") compositeWeights(rule.composite);
  else kpiKindOf(rule.metric);
  for (const gate of rule.gates ?? []) {
    kpiKindOf(gate.metric);
    checkOp(gate.op, `gate on ${gate.metric}`);
  }
  compareOf(rule);
  fairnessOf(rule);
  const awards: Award[] = [];
  switch (rule.kind) {
    case "threshold":
      checkOp(rule.op, "threshold");
      thresholdOutcome(rule, null);
      awards.push(rule.award);
      break;
    case "tiered":
      checkOp(rule.op, "tiered");
      tieredOutcome(rule, null);
      awards.push(...rule.tiers.map((t) => t.award));
      break;
    case "per_unit":
      perUnitOutcome(rule, null);
      awards.push(rule.award, ...(rule.bands ?? []).map((b) => b.award));
      break;
    case "rank":
      checkRankRule(rule);
      awards.push(...rule.prizes);
      break;
    case "streak":
      checkStreakRule(rule);
      checkOp(rule.condition.op, "streak condition");
      awards.push(rule.award);
      break;
    case "recognition":
      recognitionOutcome(rule, null, false);
      awards.push(rule.award);
      break;
  }
  awards.forEach(cleanAward);
}
