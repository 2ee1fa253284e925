"use client";

import { useLocale, useTranslations } from "next-intl";
import { AWARD_TYPES, type Award, type AwardType } from "@/lib/domain/campaigns/document";
import { defaultAward, fromMinor, toMinor } from "@/lib/ui/campaign-draft";
import { formatLeave } from "@/lib/ui/campaign-format";
import { ErrorText } from "./field-errors";
import { NumberInput, SelectInput } from "./fields";

/**
 * One award (SPEC §5.1), used by every rule kind, tier, prize and band: its type and amount. Leave is typed in hours
 * and stored in minutes; cash is typed in the currency's units and stored in minor units.
 */
export function AwardEditor({ award, onChange, path, label, currency, types = AWARD_TYPES }: { award: Award; onChange: (a: Award) => void; path: string; label: string; currency: string; types?: readonly AwardType[] }) {
  const t = useTranslations("campaigns");
  const locale = useLocale();
  const typeOptions = types.map((type) => ({ value: type, label: t(`awardTypes.${type}`) }));
  const amountLabel = `${label}: ${t("award.amount")}`;
  return (
    <span className="award-editor" data-testid="award-editor">
      <SelectInput
        value={award.type}
        onChange={(type) => onChange(defaultAward(type as AwardType, award.type === "cash" ? award.currency : currency))}
        options={typeOptions}
        path={`${path}.type`}
        label={`${label}: ${t("award.type")}`}
      />
      {award.type === "points" && (
        <span className="inline-field">
          <NumberInput value={award.amount} onChange={(v) => onChange({ ...award, amount: v as number })} path={`${path}.amount`} label={amountLabel} step={1} min={1} />
          <span className="muted small">{t("award.pointsUnit")}</span>
        </span>
      )}
      {award.type === "leave" && (
        <span className="inline-field">
          <NumberInput
            value={award.minutes === null ? null : award.minutes / 60}
            onChange={(h) => onChange({ ...award, minutes: (h === null ? null : Math.round(h * 60)) as number })}
            path={`${path}.minutes`}
            label={amountLabel}
            step={0.5}
            min={0}
          />
          <span className="muted small">{t("award.hoursUnit")}</span>
          {typeof award.minutes === "number" && award.minutes > 0 && <span className="muted small">= {formatLeave(award.minutes, t, locale)}</span>}
        </span>
      )}
      {award.type === "cash" && (
        <span className="inline-field">
          <NumberInput
            value={award.amountMinor === null ? null : fromMinor(award.amountMinor, award.currency)}
            onChange={(v) => onChange({ ...award, amountMinor: (v === null ? null : toMinor(v, award.currency)) as number })}
            path={`${path}.amountMinor`}
            label={amountLabel}
            step="any"
            min={0}
          />
          <input
            type="text"
            className="currency-input"
            value={award.currency}
            maxLength={3}
            aria-label={`${label}: ${t("award.currency")}`}
            data-path={`${path}.currency`}
            onChange={(e) => onChange({ ...award, currency: e.target.value.toUpperCase() })}
          />
        </span>
      )}
      {award.type === "badge" && (
        <input type="text" className="grow" value={award.badge} aria-label={`${label}: ${t("award.badge")}`} data-path={`${path}.badge`} onChange={(e) => onChange({ ...award, badge: e.target.value })} />
      )}
      {award.type === "reward" && (
        <input
          type="text"
          className="grow"
          value={award.rewardId}
          placeholder={t("award.rewardPlaceholder")}
          aria-label={`${label}: ${t("award.reward")}`}
          data-path={`${path}.rewardId`}
          onChange={(e) => onChange({ ...award, rewardId: e.target.value })}
        />
      )}
      <ErrorText path={path} />
      {["type", "amount", "minutes", "amountMinor", "currency", "badge", "rewardId"].map((f) => (
        <ErrorText key={f} path={`${path}.${f}`} />
      ))}
    </span>
  );
}
