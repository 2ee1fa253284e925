import type { CampaignStatus } from "@/lib/domain/campaigns/lifecycle";
import type { CampaignListItem } from "@/lib/server/list-campaigns";
import { formatTotals, type Translate } from "@/lib/ui/campaign-format";
import { periodLabel } from "@/lib/ui/campaign-results";

/** A row of the campaign list, formatted (STYLE: data shaped before JSX). */
export type CampaignRow = {
  id: string;
  name: string;
  description: string | null;
  status: CampaignStatus;
  shadow: boolean;
  version: number;
  kind: string;
  schedule: string;
  participants: number;
  /** The current (or last) period's provisional cost, one entry per asset; null when not running. */
  cost: { period: string; amounts: string[] } | null;
  error: string | null;
};

export function campaignRows(items: readonly CampaignListItem[], t: Translate, locale: string): CampaignRow[] {
  return items.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description ?? null,
    status: c.status,
    shadow: c.shadow,
    version: c.version,
    kind: t(`rule.kinds.${c.rule.kind}`),
    schedule: t("list.scheduleLine", { period: t(`builder.periods.${c.schedule.period}`), range: periodLabel(c.schedule, locale) }),
    participants: c.participants,
    cost: c.cost ? { period: periodLabel(c.cost, locale), amounts: formatTotals(c.cost.totals, t, locale) } : null,
    error: c.error,
  }));
}
