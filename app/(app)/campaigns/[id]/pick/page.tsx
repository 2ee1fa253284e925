import { getLocale, getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getOrganization } from "@/lib/server/get-organization";
import { getRecognitionPicks } from "@/lib/server/get-recognition-picks";
import { formatAwards, formatComparedValue } from "@/lib/ui/campaign-format";
import { periodLabel } from "@/lib/ui/campaign-results";
import { PageHead } from "@/lib/ui/page-head";
import { readOrRedirect } from "../../load";
import { PickForm } from "./pick-form";

const STATE_TONE = { open: "brand", ended: "warn", closed: "ok" } as const;

/**
 * Employee of the month (SPEC §8.2): for each recent period of a recognition campaign, its shortlist by score and the
 * manager's pick, which the period's close pays. Picks can change until then.
 */
export default async function PickWinnerPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageCtx("campaigns.manage");
  const { id } = await params;
  const [view, org, locale, t, tCampaigns] = await Promise.all([
    readOrRedirect(() => getRecognitionPicks(ctx, id)),
    getOrganization(ctx),
    getLocale(),
    getTranslations("campaigns.pick"),
    getTranslations("campaigns"),
  ]);
  return (
    <div className="stack" data-testid="pick-page">
      <PageHead
        back={{ href: `/campaigns/${id}`, label: view.name }}
        title={t("title", { name: view.name })}
        subtitle={t("subtitle", { places: view.shortlistSize, award: formatAwards([view.award], tCampaigns, locale) })}
      />
      {view.periods.length === 0 && <p className="muted">{t("noPeriods")}</p>}
      {view.periods.map((p) => (
        <section key={p.from} className="card stack" data-testid="pick-period" data-from={p.from} data-state={p.state}>
          <div className="row">
            <h2 className="flush">{periodLabel(p, locale)}</h2>
            <span className={`badge ${STATE_TONE[p.state]}`}>{t(`states.${p.state}`)}</span>
          </div>
          {p.pick ? (
            <p className="flush" data-testid="picked">
              {t("picked", { name: p.pick.name, who: p.pick.pickedBy, when: formatDateTime(p.pick.pickedAt, locale, org.timezone) })}
              {p.pick.reason && <span className="muted"> — “{p.pick.reason}”</span>}
            </p>
          ) : (
            <p className="flush muted">{p.state === "closed" ? t("closedUnpicked") : t("notPicked")}</p>
          )}
          {p.shortlist.length === 0 ? (
            <p className="flush muted">{t("emptyShortlist")}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="shortlist">
                <thead>
                  <tr>
                    <th className="num">{t("rank")}</th>
                    <th>{t("agent")}</th>
                    <th className="num">{t("value")}</th>
                    <th className="num">{t("samples")}</th>
                    <th>{p.state === "closed" ? t("awarded") : ""}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.shortlist.map((s) => (
                    <tr key={s.agent} data-testid="shortlist-row" data-agent={s.agent} data-picked={s.picked}>
                      <td className="num">{s.rank}</td>
                      <td>
                        {s.name} {s.picked && <span className="badge ok">{t("winner")}</span>}
                      </td>
                      <td className="num">{formatComparedValue(view.metric, view.compare, s.value, locale)}</td>
                      <td className="num">{s.n}</td>
                      <td>
                        {p.state === "closed" ? (
                          formatAwards(s.awards, tCampaigns, locale)
                        ) : (
                          <PickForm campaignId={id} from={p.from} to={p.to} agent={s.agent} picked={s.picked} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
