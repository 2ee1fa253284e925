import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Tabs of the HR payouts area: runs, approvals, disputes. */
export async function PayoutsNav({ current }: { current: "runs" | "approvals" | "disputes" }) {
  const t = await getTranslations("payouts.nav");
  const tabs = [
    { key: "runs", href: "/payouts", label: t("runs") },
    { key: "approvals", href: "/payouts/approvals", label: t("approvals") },
    { key: "disputes", href: "/payouts/disputes", label: t("disputes") },
  ] as const;
  return (
    <nav className="subnav" aria-label={t("label")}>
      {tabs.map((tab) => (
        <Link key={tab.key} href={tab.href} aria-current={tab.key === current ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
