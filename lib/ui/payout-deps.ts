import { getLocale, getTranslations } from "next-intl/server";
import type { ExplainDeps } from "./campaign-explain";
import { asTranslate, type Translate } from "./campaign-format";
import type { LineWhyLabels } from "./payout-line-why";

/**
 * What server pages showing payout lines need: the `campaigns` translator and KPI names for amounts and "why", the
 * page's own namespace as a plain Translate, and the labels of the "why" block.
 */
export async function payoutDeps(namespace: "payouts" | "statements"): Promise<{ deps: ExplainDeps; t: Translate; tp: Translate; whyLabels: LineWhyLabels; locale: string }> {
  const [locale, tCampaigns, tKpis, tNs, tPayouts] = await Promise.all([getLocale(), getTranslations("campaigns"), getTranslations("kpis.names"), getTranslations(namespace), getTranslations("payouts")]);
  const deps: ExplainDeps = { t: asTranslate(tCampaigns), locale, kpiName: (key) => (tKpis.has(key as never) ? tKpis(key as never) : key) };
  const tp = asTranslate(tPayouts);
  return { deps, t: asTranslate(tNs), tp, locale, whyLabels: { show: tp("why.show"), reason: tp("why.reason"), corrects: tp("why.corrects"), noWhy: tp("why.none") } };
}
