import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BoardSwitcher } from "./board-switcher";
import { boardHref, PERIOD_CHOICES, type BoardQuery } from "./view";
import styles from "../leaderboards.module.css";

/**
 * Which board and which period: links and a plain GET form, so every view is a URL (no JavaScript needed but for the
 * board switcher). A narrower team is another board (boards are scoped when they are made), so it is offered as such.
 */
export async function BoardFilters({ id, q, boards, current }: { id: string; q: BoardQuery; boards: Array<{ id: string; label: string }>; current: { from: string; to: string } }) {
  const t = await getTranslations("leaderboards.filters");
  return (
    <div className={styles.filters} data-testid="board-filters">
      <BoardSwitcher boards={boards} current={id} label={t("board")} />
      <nav className="chips" aria-label={t("period")}>
        {PERIOD_CHOICES.filter((p) => p !== "custom").map((p) => (
          <Link key={p} href={boardHref(id, q, { period: p })} aria-current={q.period === p ? "true" : undefined} className="chip" scroll={false}>
            {t(`periods.${p}`)}
          </Link>
        ))}
      </nav>
      <form method="get" action={`/leaderboards/${id}`} className={`period-custom ${styles.customRange}`}>
        <input type="hidden" name="period" value="custom" />
        {q.trend && <input type="hidden" name="trend" value={q.trend} />}
        {q.kpi && <input type="hidden" name="kpi" value={q.kpi} />}
        <label className="field">
          <span>{t("from")}</span>
          <input type="date" name="from" defaultValue={current.from} required />
        </label>
        <label className="field">
          <span>{t("to")}</span>
          <input type="date" name="to" defaultValue={current.to} required />
        </label>
        <button type="submit" className={q.period === "custom" ? undefined : "secondary"}>
          {t("apply")}
        </button>
      </form>
    </div>
  );
}
