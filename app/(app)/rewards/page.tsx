import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getOrganization } from "@/lib/server/get-organization";
import { listRedemptions, type RedemptionView } from "@/lib/server/list-redemptions";
import { listRewardItems } from "@/lib/server/list-reward-items";
import { REDEMPTION_STATES, type RedemptionState } from "@/lib/schemas/rewards";
import { asTranslate } from "@/lib/ui/campaign-format";
import { PageHead } from "@/lib/ui/page-head";
import { DecideForm } from "./decide-form";
import { ActiveToggle, RewardItemForm } from "./item-forms";
import { RedeemButton } from "./redeem-button";
import styles from "./rewards.module.css";
import { catalogCard } from "./view";

export const metadata: Metadata = { title: "Rewards" };

const STATE_BADGE: Record<RedemptionState, string> = { requested: "badge warn", fulfilled: "badge ok", rejected: "badge bad" };

/** The queue's filter: requested by default (what HR has to act on), one state, or all. */
function readState(params: Record<string, string | string[] | undefined>): RedemptionState | "all" {
  const raw = Array.isArray(params.state) ? params.state[0] : params.state;
  return raw === "all" ? "all" : (REDEMPTION_STATES.find((s) => s === raw) ?? "requested");
}

/**
 * The rewards catalog (SPEC §6): everyone spends their own points here and follows their redemptions; HR and admins
 * also keep the catalog and work through the queue of requests.
 */
export default async function RewardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageCtx("self.view");
  const state = readState(await searchParams);
  // the queue is HR's (payouts.manage, as the catalog's canManage): asked for beside the rest, not after it
  const manages = can(ctx.actor, "payouts.manage", { orgId: ctx.actor.orgId });
  const [catalog, mine, queue, org, locale, t] = await Promise.all([
    listRewardItems(ctx),
    listRedemptions(ctx),
    manages ? listRedemptions(ctx, { scope: "all", state: state === "all" ? undefined : state }) : null,
    getOrganization(ctx),
    getLocale(),
    getTranslations("rewards"),
  ]);
  const number = (n: number) => formatNumber(n, locale, 0);
  const points = (n: number) => t("points", { count: n, points: number(n) });
  const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso), locale, org.timezone) : "");
  const tr = asTranslate(t);
  const cards = catalog.items.map((item) => catalogCard(item, catalog.balance, { t: tr, points, number }));

  const redemptionTable = (rows: RedemptionView[], opts: { agent: boolean; decide: boolean; testId: string }) => (
    <div className="table-wrap">
      <table data-testid={opts.testId}>
        <thead>
          <tr>
            <th>{t("reward")}</th>
            {opts.agent && <th>{t("agent")}</th>}
            <th className="num">{t("cost")}</th>
            <th>{t("state")}</th>
            <th>{t("requestedAt")}</th>
            <th>{t("decidedAt")}</th>
            <th>{t("note")}</th>
            {opts.decide && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="redemption-row" data-state={r.state}>
              <td>
                <strong>{r.itemName}</strong>
              </td>
              {opts.agent && <td>{r.agentName}</td>}
              <td className="num">{number(r.points)}</td>
              <td>
                <span className={STATE_BADGE[r.state]}>{t(`states.${r.state}`)}</span>
              </td>
              <td className="small nowrap">{when(r.createdAt)}</td>
              <td className="small nowrap">{when(r.decidedAt)}</td>
              <td className="small">{r.note}</td>
              {opts.decide && <td>{r.state === "requested" && <DecideForm redemptionId={r.id} agentName={r.agentName} />}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <div className="stack" data-testid="rewards">
      <PageHead title={t("title")} subtitle={t("subtitle")}>
        <div className={styles.balance} data-testid="points-balance" data-points={catalog.balance}>
          <span>{t("balance")}</span>
          <strong>{number(catalog.balance)}</strong>
        </div>
      </PageHead>

      <section className="stack" aria-labelledby="catalog-title">
        <h2 id="catalog-title">{t("catalog")}</h2>
        {cards.length === 0 ? (
          <p className="card empty">{catalog.canManage ? t("emptyManage") : t("empty")}</p>
        ) : (
          <div className={styles.grid}>
            {cards.map((card) => (
              <article key={card.id} className={card.active ? `card ${styles.card}` : `card ${styles.card} ${styles.inactive}`} data-testid="reward-card" data-name={card.name}>
                <h3>{card.name}</h3>
                {card.description && <p className="muted small">{card.description}</p>}
                <div className={styles.figures}>
                  <span className={styles.cost} data-testid="reward-cost">
                    {card.cost}
                  </span>
                  <span className={card.lowStock ? "badge warn" : "badge"} data-testid="reward-stock">
                    {card.stock}
                  </span>
                </div>
                <div className={styles.meta}>
                  <span className={card.item.requiresApproval ? "badge brand" : "badge ok"}>{card.approval}</span>
                  {!card.active && <span className="badge bad">{t("inactive")}</span>}
                </div>
                {card.active && <RedeemButton itemId={card.id} name={card.name} cost={card.cost} blocked={card.blocked} />}
                {catalog.canManage && (
                  <div className="row">
                    <details className={styles.edit}>
                      <summary>{t("manage.edit")}</summary>
                      <RewardItemForm item={card.item} />
                    </details>
                    <ActiveToggle item={card.item} />
                  </div>
                )}
              </article>
            ))}
          </div>
        )}
      </section>

      {catalog.canManage && queue && (
        <>
          <section className="card" aria-labelledby="queue-title" data-testid="redemption-queue">
            <h2 id="queue-title">{t("queue.title")}</h2>
            <p className="muted small">{t("queue.subtitle")}</p>
            <nav className="chips" aria-label={t("state")}>
              {[...REDEMPTION_STATES, "all" as const].map((s) => (
                <Link key={s} href={s === "requested" ? "/rewards#queue-title" : `/rewards?state=${s}#queue-title`} className="chip" aria-current={s === state ? "true" : undefined} scroll={false}>
                  {s === "all" ? t("queue.all") : t(`states.${s}`)}
                </Link>
              ))}
            </nav>
            {queue.length === 0 ? <p className="empty">{t("queue.empty")}</p> : redemptionTable(queue, { agent: true, decide: true, testId: "queue-table" })}
          </section>
          <section className="card" aria-labelledby="add-title">
            <h2 id="add-title">{t("manage.addTitle")}</h2>
            <RewardItemForm />
          </section>
        </>
      )}

      <section className="card" aria-labelledby="mine-title">
        <h2 id="mine-title">{t("mine")}</h2>
        {mine.length === 0 ? <p className="empty">{t("mineEmpty")}</p> : redemptionTable(mine, { agent: false, decide: false, testId: "my-redemptions" })}
      </section>
    </div>
  );
}
