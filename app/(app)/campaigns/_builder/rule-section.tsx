"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { RULE_KINDS, type CampaignDocument, type Rule, type RuleKind } from "@/lib/domain/campaigns/document";
import { switchRuleKind } from "@/lib/ui/campaign-draft";
import { ConditionsSection } from "./conditions-section";
import { MetricSection } from "./metric-section";
import { PerUnitForm, StreakForm } from "./rule-forms-counted";
import { RankForm, RecognitionForm, ThresholdForm, TieredForm } from "./rule-forms-scored";
import type { Edit, EditRule } from "./types";

/** The rule: its kind, what it measures, what it pays, and the conditions (fairness, gates). */
export function RuleSection({ doc, edit, currency }: { doc: CampaignDocument; edit: Edit; currency: string }) {
  const t = useTranslations("campaigns.rule");
  const rule = doc.rule;
  // what each kind held in this session, so switching back and forth loses nothing
  const remembered = useRef(new Map<RuleKind, Rule>());
  const editRule: EditRule = (fn) => edit((d) => fn(d.rule));
  const setKind = (kind: RuleKind) => {
    if (kind === rule.kind) return;
    remembered.current.set(rule.kind, rule);
    edit((d) => void (d.rule = switchRuleKind(d.rule, kind, currency, remembered.current.get(kind))));
  };
  return (
    <section className="card builder-section" aria-labelledby="rule-title">
      <h2 id="rule-title">{t("title")}</h2>
      <div className="kind-picker" role="radiogroup" aria-label={t("kind")} data-testid="rule-kind">
        {RULE_KINDS.map((kind) => (
          <label key={kind} className="kind-option" data-checked={rule.kind === kind ? "true" : undefined}>
            <input type="radio" name="rule-kind" value={kind} checked={rule.kind === kind} onChange={() => setKind(kind)} />
            <strong>{t(`kinds.${kind}`)}</strong>
            <span className="muted small">{t(`kindHelp.${kind}`)}</span>
          </label>
        ))}
      </div>
      <MetricSection rule={rule} editRule={editRule} />
      <div data-testid={`rule-form-${rule.kind}`}>
        {rule.kind === "threshold" && <ThresholdForm rule={rule} editRule={editRule as EditRule<typeof rule>} currency={currency} />}
        {rule.kind === "tiered" && <TieredForm rule={rule} editRule={editRule as EditRule<typeof rule>} currency={currency} />}
        {rule.kind === "rank" && <RankForm rule={rule} editRule={editRule as EditRule<typeof rule>} currency={currency} />}
        {rule.kind === "per_unit" && <PerUnitForm rule={rule} editRule={editRule as EditRule<typeof rule>} currency={currency} />}
        {rule.kind === "streak" && <StreakForm rule={rule} editRule={editRule as EditRule<typeof rule>} currency={currency} />}
        {rule.kind === "recognition" && <RecognitionForm rule={rule} editRule={editRule as EditRule<typeof rule>} currency={currency} />}
      </div>
      <ConditionsSection rule={rule} editRule={editRule} />
    </section>
  );
}
