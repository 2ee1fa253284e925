import type { Db } from "@/db/client";
import { countRewardItems } from "@/db/queries/rewards";
import { findOrganization } from "@/db/queries/orgs";
import type { SystemActor } from "@/lib/auth/actor";
import { currencyDigits, formatMoney } from "@/lib/i18n/format";
import type { RewardItemInput } from "@/lib/schemas/rewards";
import { createRewardItem } from "./create-reward-item";

const seedActor: SystemActor = { kind: "system", label: "seed" };

/**
 * What contact-center teams actually put in a rewards catalog. Costs assume a good month earns a few hundred points;
 * the scarce or disruptive ones (a parking spot, a shift pattern, a day off) have a stock and wait for HR.
 */
function demoCatalog(giftCard: string): RewardItemInput[] {
  return [
    { name: "Team lunch", description: "Lunch for your team on the company, at a place the team picks.", pointsCost: 600, stock: 10, requiresApproval: true },
    { name: `${giftCard} gift card`, description: "A digital gift card, sent to your work email.", pointsCost: 300, stock: null, requiresApproval: false },
    { name: "Event tickets", description: "Two tickets to a concert, match or show of your choice, when the company has them.", pointsCost: 900, stock: 6, requiresApproval: true },
    { name: "Extra paid leave day", description: "One additional day of paid leave, taken within three months; your manager agrees the date.", pointsCost: 1500, stock: null, requiresApproval: true },
    { name: "VIP parking spot (one month)", description: "The reserved spot by the entrance for a calendar month.", pointsCost: 800, stock: 2, requiresApproval: true },
    { name: "Choice of shift pattern (one month)", description: "Pick your shift pattern for next month's roster, ahead of the usual rotation.", pointsCost: 1000, stock: 5, requiresApproval: true },
    { name: "Pet-friendly day", description: "Bring your (well-behaved) pet to the office for a day.", pointsCost: 250, stock: null, requiresApproval: true },
    { name: "Your name on a desk corner", description: "A desk or corner of the floor named after you for a quarter, with a plaque.", pointsCost: 1200, stock: 3, requiresApproval: true },
    { name: "Coffee voucher", description: "A voucher for the café downstairs.", pointsCost: 50, stock: null, requiresApproval: false },
  ];
}

/**
 * The demo rewards catalog of an organization. Idempotent: an organization that already has any item (seeded or made by
 * HR) is left alone. → the number of items created.
 */
export async function seedRewards(db: Db, orgId: string): Promise<number> {
  if ((await countRewardItems(db, orgId)) > 0) return 0;
  const org = await findOrganization(db, orgId);
  const currency = org?.currency ?? "USD";
  // 25 in the organization's currency, in minor units (MYR 25.00 = 2500, JPY 25 = 25)
  const giftCard = formatMoney(25 * 10 ** currencyDigits(currency), currency, "en").replace(/\.0+$/, "").replace(/\s/g, " ");
  const ctx = { db, actor: seedActor };
  for (const item of demoCatalog(giftCard)) await createRewardItem(ctx, item, { orgId });
  return demoCatalog(giftCard).length;
}
