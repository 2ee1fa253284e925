import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PERIOD_PRESETS } from "@/lib/domain/kpi-period";
import { hrefWith, type PageQuery } from "./view";

/**
 * Period presets as links and a custom range as a plain GET form: works without JavaScript, and every view is a URL
 * that can be bookmarked or shared. The other parameters (team, charted KPI, grouping) are carried along.
 */
export async function PeriodPicker({ path, q }: { path: string; q: PageQuery }) {
  const t = await getTranslations("kpis");
  return (
    <div className="period-picker" data-testid="period-picker">
      <nav className="chips" aria-label={t("period.label")}>
        {PERIOD_PRESETS.filter((p) => p !== "custom").map((p) => (
          <Link key={p} href={hrefWith(path, q, { period: p })} aria-current={q.preset === p ? "true" : undefined} className="chip">
            {t(`periods.${p}`)}
          </Link>
        ))}
      </nav>
      <form method="get" action={path} className="period-custom">
        <input type="hidden" name="period" value="custom" />
        {q.team && <input type="hidden" name="team" value={q.team} />}
        <input type="hidden" name="kpi" value={q.kpi} />
        <input type="hidden" name="bucket" value={q.bucket} />
        <label className="field">
          <span>{t("period.from")}</span>
          <input type="date" name="from" defaultValue={q.from} required />
        </label>
        <label className="field">
          <span>{t("period.to")}</span>
          <input type="date" name="to" defaultValue={q.to} required />
        </label>
        <button type="submit" className={q.preset === "custom" ? undefined : "secondary"}>
          {t("period.apply")}
        </button>
      </form>
    </div>
  );
}
