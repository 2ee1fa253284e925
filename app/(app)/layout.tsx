import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { getOrganization } from "@/lib/server/get-organization";
import { LocaleSwitcher } from "../locale-switcher";
import { NavLinks, type NavItem } from "../nav-links";
import { signOutAction } from "../signin/actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageCtx();
  const { actor } = ctx;
  const org = await getOrganization(ctx);
  const t = await getTranslations("nav");
  const tRoles = await getTranslations("common.roles");
  const tKpis = await getTranslations("kpis.nav");
  const tCampaigns = await getTranslations("campaigns.nav");
  const tIncentives = await getTranslations("incentives");
  const tBoards = await getTranslations("leaderboards");
  const items: NavItem[] = [{ href: "/", label: t("home") }];
  // People who see others' KPIs land on their teams; everyone else on their own.
  items.push({ href: can(actor, "agents.view") ? "/kpis/team" : "/kpis", label: tKpis("kpis"), match: "/kpis" });
  // Leaderboards: everyone in the organization sees them (SPEC §9).
  if (can(actor, "leaderboards.view")) items.push({ href: "/leaderboards", label: tBoards("nav") });
  // Incentives: agents follow theirs; managers, HR and admins run campaigns.
  if (actor.role === "agent") items.push({ href: "/incentives", label: tIncentives("nav") });
  if (can(actor, "campaigns.manage")) items.push({ href: "/campaigns", label: tCampaigns("campaigns") });
  // Money: everyone has statements and the rewards catalog; HR and admins run payouts.
  items.push({ href: "/statements", label: t("statements") });
  items.push({ href: "/rewards", label: t("rewards") });
  if (can(actor, "payouts.manage")) items.push({ href: "/payouts", label: t("payouts") });
  // Managers approve their teams' non-cash awards without seeing payout runs.
  else if (can(actor, "awards.approve")) items.push({ href: "/payouts/approvals", label: t("approvals") });
  if (can(actor, "org.admin")) items.push({ href: "/admin/users", label: t("admin"), match: "/admin" });
  else if (can(actor, "audit.read")) items.push({ href: "/admin/audit", label: t("audit"), match: "/admin/audit" });
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          <span className="brand-mark">P</span> Podium
        </Link>
        <NavLinks items={items} className="mainnav" />
        <div className="usermenu">
          <LocaleSwitcher />
          <div className="who" data-testid="whoami">
            <strong>{actor.name}</strong>
            <span>
              {tRoles(actor.role)} · {org.name}
            </span>
          </div>
          <form action={signOutAction}>
            <button type="submit" className="secondary">
              {t("signOut")}
            </button>
          </form>
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
