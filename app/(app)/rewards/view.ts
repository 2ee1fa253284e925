import type { RewardItemView } from "@/lib/server/list-reward-items";

type T = (key: string, values?: Record<string, string | number>) => string;

/** One catalog card as the page shows it: figures formatted, and why it cannot be redeemed now, if it cannot. */
export type CatalogCard = {
  id: string;
  name: string;
  description: string;
  cost: string;
  stock: string;
  lowStock: boolean;
  approval: string;
  active: boolean;
  canRedeem: boolean;
  /** Why the Redeem button is disabled (out of stock, not enough points). */
  blocked: string | null;
  item: RewardItemView;
};

export function catalogCard(item: RewardItemView, balance: number, deps: { t: T; points: (n: number) => string; number: (n: number) => string }): CatalogCard {
  const { t } = deps;
  const soldOut = item.stock !== null && item.stock <= 0;
  const short = item.pointsCost - balance;
  const blocked = !item.active ? t("inactive") : soldOut ? t("outOfStock") : short > 0 ? t("needMore", { missing: deps.points(short) }) : null;
  return {
    id: item.id,
    name: item.name,
    description: item.description,
    cost: deps.points(item.pointsCost),
    stock: item.stock === null ? t("unlimited") : soldOut ? t("outOfStock") : t("stockLeft", { n: deps.number(item.stock) }),
    lowStock: item.stock !== null && item.stock <= 2,
    approval: item.requiresApproval ? t("needsApproval") : t("instant"),
    active: item.active,
    canRedeem: blocked === null,
    blocked,
    item,
  };
}
