import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { NavLinks, type NavItem } from "../../nav-links";

/** Admin area: admins see every section; HR reaches only the audit log (each page checks its own permission too). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { actor } = await requirePageCtx();
  const [t, ti] = await Promise.all([getTranslations("admin"), getTranslations("identities")]);
  const tKpis = await getTranslations("kpis.nav");
  const items: NavItem[] = [];
  if (can(actor, "org.admin")) {
    items.push(
      { href: "/admin/users", label: t("users") },
      { href: "/admin/teams", label: t("teams") },
      { href: "/admin/organization", label: t("organization") },
      { href: "/admin/api-keys", label: t("apiKeys") },
      { href: "/admin/kpi-settings", label: tKpis("settings") },
      { href: "/admin/identities", label: ti("nav") },
      { href: "/admin/data-sources", label: t("dataSources") },
    );
  }
  if (can(actor, "events.write")) items.push({ href: "/admin/import", label: t("import") });
  if (can(actor, "audit.read")) items.push({ href: "/admin/audit", label: t("audit") });
  return (
    <>
      <NavLinks items={items} className="subnav" />
      {children}
    </>
  );
}
