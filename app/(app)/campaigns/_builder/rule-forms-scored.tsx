"use client";

import { useTranslations } from "next-intl";
import { TIE_POLICIES, type RankRule, type Rule, type RecognitionRule, type ThresholdRule, type TiePolicy, type TieredRule } from "@/lib/domain/campaigns/document";
import { defaultAward } from "@/lib/ui/campaign-draft";
import { AwardEditor } from "./award-editor";
import { OpSelect } from "./conditions-section";
import { ErrorText } from "./field-errors";
import { FieldShell, NumberField, NumberInput, RemoveButton, SelectField } from "./fields";
import { KpiSelect } from "./kpi-select";
import type { EditRule } from "./types";

/** Forms of the rule kinds that judge a value: threshold, tiered, rank and recognition (SPEC §5.1). */
type Props<R extends Rule> = { rule: R; editRule: EditRule<R>; currency: string };

export function ThresholdForm({ rule, editRule, currency }: Props<ThresholdRule>) {
  const t = useTranslations("campaigns.rule");
  return (
    <div className="form-row">
      <FieldShell label={t("op")} path="rule.op">
        <OpSelect value={rule.op} onChange={(op) => editRule((r) => void (r.op = op))} path="rule.op" label={t("op")} />
      </FieldShell>
      <NumberField label={t("target")} path="rule.target" value={rule.target} onChange={(v) => editRule((r) => void (r.target = v as number))} />
      <FieldShell label={t("award")} path="rule.award" className="wide" group>
        <AwardEditor award={rule.award} onChange={(a) => editRule((r) => void (r.award = a))} path="rule.award" label={t("award")} currency={currency} />
      </FieldShell>
    </div>
  );
}

export function TieredForm({ rule, editRule, currency }: Props<TieredRule>) {
  const t = useTranslations("campaigns.rule");
  const addTier = () =>
    editRule((r) => {
      const last = r.tiers[r.tiers.length - 1];
      const step = r.op === "gte" ? 5 : -5;
      r.tiers.push({ value: (typeof last?.value === "number" ? last.value : 0) + step, award: last ? structuredClone(last.award) : defaultAward("points", currency) });
    });
  return (
    <div className="stack">
      <div className="form-row">
        <FieldShell label={t("op")} path="rule.op" hint={t("tiersHint")}>
          <OpSelect value={rule.op} onChange={(op) => editRule((r) => void (r.op = op))} path="rule.op" label={t("op")} />
        </FieldShell>
      </div>
      <table className="list-table" data-testid="tiers">
        <thead>
          <tr>
            <th>{t("tier")}</th>
            <th>{t("tierValue")}</th>
            <th>{t("award")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rule.tiers.map((tier, i) => (
            <tr key={i} data-testid={`tier-${i}`}>
              <td className="muted">{i + 1}</td>
              <td>
                <NumberInput value={tier.value} onChange={(v) => editRule((r) => void (r.tiers[i]!.value = v as number))} path={`rule.tiers[${i}].value`} label={t("tierValueOf", { n: i + 1 })} />
                <ErrorText path={`rule.tiers[${i}].value`} />
              </td>
              <td>
                <AwardEditor award={tier.award} onChange={(a) => editRule((r) => void (r.tiers[i]!.award = a))} path={`rule.tiers[${i}].award`} label={t("tierAwardOf", { n: i + 1 })} currency={currency} />
              </td>
              <td>
                <RemoveButton label={t("removeTier", { n: i + 1 })} onClick={() => editRule((r) => void r.tiers.splice(i, 1))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText path="rule.tiers" />
      <div>
        <button type="button" className="secondary small-button" onClick={addTier}>
          + {t("addTier")}
        </button>
      </div>
    </div>
  );
}

export function RankForm({ rule, editRule, currency }: Props<RankRule>) {
  const t = useTranslations("campaigns.rule");
  return (
    <div className="stack">
      <div className="form-row">
        <NumberField label={t("top")} path="rule.top" value={rule.top} step={1} min={1} onChange={(v) => editRule((r) => void (r.top = v as number))} />
        <SelectField
          label={t("ties")}
          path="rule.ties"
          value={rule.ties}
          onChange={(v) =>
            editRule((r) => {
              r.ties = v as TiePolicy;
              if (v === "tiebreak") r.tiebreak ??= "fcr_rate";
              else delete r.tiebreak;
            })
          }
          options={TIE_POLICIES.map((p) => ({ value: p, label: t(`tiesOptions.${p}`) }))}
        />
        {rule.ties === "tiebreak" && (
          <FieldShell label={t("tiebreak")} path="rule.tiebreak">
            <KpiSelect value={rule.tiebreak ?? ""} onChange={(k) => editRule((r) => void (r.tiebreak = k))} path="rule.tiebreak" label={t("tiebreak")} />
          </FieldShell>
        )}
      </div>
      <p className="muted small flush">{t(`tiesHelp.${rule.ties}`)}</p>
      <table className="list-table" data-testid="prizes">
        <thead>
          <tr>
            <th>{t("position")}</th>
            <th>{t("prize")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rule.prizes.map((prize, i) => (
            <tr key={i}>
              <td className="muted">{t("positionN", { n: i + 1 })}</td>
              <td>
                <AwardEditor award={prize} onChange={(a) => editRule((r) => void (r.prizes[i] = a))} path={`rule.prizes[${i}]`} label={t("prizeOf", { n: i + 1 })} currency={currency} />
              </td>
              <td>
                <RemoveButton label={t("removePrize", { n: i + 1 })} onClick={() => editRule((r) => void r.prizes.splice(i, 1))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText path="rule.prizes" />
      <div>
        <button
          type="button"
          className="secondary small-button"
          onClick={() =>
            editRule((r) => {
              r.prizes.push(defaultAward("points", currency));
              if (typeof r.top === "number" && r.prizes.length > r.top) r.top = r.prizes.length; // a prize needs a position
            })
          }
        >
          + {t("addPrize")}
        </button>
      </div>
    </div>
  );
}

export function RecognitionForm({ rule, editRule, currency }: Props<RecognitionRule>) {
  const t = useTranslations("campaigns.rule");
  return (
    <div className="stack">
      <div className="form-row">
        <NumberField label={t("shortlist")} path="rule.shortlist" value={rule.shortlist} step={1} min={1} onChange={(v) => editRule((r) => void (r.shortlist = v as number))} />
        <FieldShell label={t("award")} path="rule.award" className="wide" group>
          <AwardEditor award={rule.award} onChange={(a) => editRule((r) => void (r.award = a))} path="rule.award" label={t("award")} currency={currency} />
        </FieldShell>
      </div>
      <p className="muted small flush">{t("recognitionHelp")}</p>
    </div>
  );
}
