import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePageCtx } from "@/lib/auth/session";
import { getOrganization } from "@/lib/server/get-organization";
import { listDisputeQueue } from "@/lib/server/list-disputes";
import { PageHead } from "@/lib/ui/page-head";
import { DisputesTable } from "../disputes-table";
import { PayoutsNav } from "../payouts-nav";

export const metadata: Metadata = { title: "Disputes" };

const STATES = ["open", "accepted", "rejected"] as const;

/** HR's disputes queue (SPEC §6): open ones by default, with tabs for those accepted and rejected. */
export default async function DisputesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageCtx("payouts.manage");
  const asked = (await searchParams).state;
  const state = STATES.find((s) => s === (Array.isArray(asked) ? asked[0] : asked)) ?? "open";
  const [disputes, org, t] = await Promise.all([listDisputeQueue(ctx, { state }), getOrganization(ctx), getTranslations("payouts")]);
  return (
    <div className="stack" data-testid="disputes-queue">
      <PageHead title={t("disputes.title")} subtitle={t("disputes.subtitle")} />
      <PayoutsNav current="disputes" />
      <nav className="chips" aria-label={t("disputes.tabs")}>
        {STATES.map((s) => (
          <Link key={s} href={s === "open" ? "/payouts/disputes" : `/payouts/disputes?state=${s}`} className="chip" aria-current={s === state ? "true" : undefined} data-testid={`tab-${s}`}>
            {t(`disputeStates.${s}`)}
          </Link>
        ))}
      </nav>
      <section className="card">
        {disputes.length === 0 ? <p className="empty">{t(`disputes.empty.${state}`)}</p> : <DisputesTable disputes={disputes} timezone={org.timezone} />}
      </section>
    </div>
  );
}
