import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { NavLinks, type NavItem } from "../../nav-links";

/** KPI area: everyone has their own KPIs; managers, HR and admins also their teams' (each page checks again). */
export default async function KpisLayout({ children }: { children: ReactNode }) {
  const { actor } = await requirePageCtx();
  const t = await getTranslations("kpis.nav");
  const items: NavItem[] = can(actor, "agents.view")
    ? [
        { href: "/kpis/team", label: t("team") },
        { href: "/kpis", label: t("mine"), exact: true },
      ]
    : [];
  return (
    <>
      {items.length > 0 && <NavLinks items={items} className="subnav" />}
      {children}
    </>
  );
}
