import type { LineRow } from "@/db/queries/payouts";
import type { PayoutRunState } from "@/db/schema/money";
import type { AwardType } from "@/lib/domain/campaigns/document";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import { formatLeave, type Translate } from "./campaign-format";

/**
 * How payout amounts read (SPEC §6): points as whole numbers, leave minutes as hours and minutes (balances as days
 * and hours), cash in its currency from minor units, badges and rewards by their label. Pure and client-safe; `t` is
 * a translator for the `campaigns` namespace, whose `units.*` messages these share with the campaign screens.
 */
export type PayoutLineRow = LineRow;

/** Leave minutes as "12 h 30 min" (a payout line is paid in minutes; days depend on the working day). */
export function formatLeaveHours(minutes: number, t: Translate, locale: string): string {
  const sign = minutes < 0 ? "−" : "";
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(t("units.hours", { hours: formatNumber(hours, locale, 0) }));
  if (rest > 0 || hours === 0) parts.push(t("units.minutes", { count: rest }));
  return sign + parts.join(" ");
}

/** One line's amount in its unit. */
export function formatLineAmount(line: { awardType: AwardType | string; amount: number; currency: string | null; label: string | null }, t: Translate, locale: string): string {
  switch (line.awardType) {
    case "points":
      return t("units.points", { count: line.amount });
    case "leave":
      return formatLeaveHours(line.amount, t, locale);
    case "cash":
      return formatMoney(line.amount, line.currency ?? "EUR", locale);
    case "badge":
      return `${line.amount < 0 ? "−" : ""}${t("units.badge", { badge: line.label ?? "" })}`;
    default:
      return `${line.amount < 0 ? "−" : ""}${t("units.reward", { reward: line.label ?? "" })}`;
  }
}

/** A balance of the ledger (`points`, `leave_minutes`, `cash:EUR`): leave as working days and hours. */
export function formatBalance(asset: string, amount: number, t: Translate, locale: string): string {
  if (asset === "points") return t("units.points", { count: amount });
  if (asset === "leave_minutes") return formatLeave(amount, t, locale);
  return formatMoney(amount, asset.slice("cash:".length), locale);
}

/** A ledger entry's amount, signed. */
export function formatAssetDelta(asset: string, amount: number, t: Translate, locale: string): string {
  const text = asset === "leave_minutes" ? formatLeaveHours(amount, t, locale) : formatBalance(asset, amount, t, locale);
  return amount > 0 ? `+${text}` : text;
}

/** The unit a dispute correction is typed in: points, minutes or the currency's minor units. */
export function amountUnit(line: { awardType: string; currency: string | null }): "points" | "minutes" | "minor" | "count" {
  if (line.awardType === "points") return "points";
  if (line.awardType === "leave") return "minutes";
  if (line.awardType === "cash") return "minor";
  return "count";
}

/** A calendar day (YYYY-MM-DD) in the reader's locale; days carry no time zone. */
export function formatDay(day: string, locale: string): string {
  return formatDate(new Date(`${day}T12:00:00Z`), locale, "UTC");
}

export function formatRange(from: string, to: string, locale: string): string {
  return `${formatDay(from, locale)} – ${formatDay(to, locale)}`;
}

export type Tone = "ok" | "bad" | "warn" | "brand" | "";

export const RUN_STATE_TONE: Record<PayoutRunState, Tone> = { draft: "", in_review: "warn", approved: "brand", exported: "brand", paid: "ok" };
export const LINE_STATUS_TONE: Record<string, Tone> = { pending: "warn", approved: "ok", rejected: "bad" };
export const DISPUTE_STATE_TONE: Record<string, Tone> = { open: "warn", accepted: "ok", rejected: "bad" };

export type TotalRow = { key: string; lineType: string; awardType: string; amount: string; lines: number; pending: number; rejected: number };

/**
 * The run's totals, one row per line type × award type × currency: what is paid (approved and pending lines — what the
 * run pays once decided), with the count of lines still pending and rejected beside it.
 */
export function totalRows(
  totals: ReadonlyArray<{ lineType: string; awardType: string; currency: string | null; status: string; amount: number; lines: number }>,
  t: Translate,
  locale: string,
): TotalRow[] {
  const byKey = new Map<string, { lineType: string; awardType: string; currency: string | null; label: string | null; amount: number; lines: number; pending: number; rejected: number }>();
  for (const row of totals) {
    const key = `${row.lineType}|${row.awardType}|${row.currency ?? ""}`;
    const acc = byKey.get(key) ?? { lineType: row.lineType, awardType: row.awardType, currency: row.currency, label: null, amount: 0, lines: 0, pending: 0, rejected: 0 };
    acc.lines += row.lines;
    if (row.status === "rejected") acc.rejected += row.lines;
    else acc.amount += row.amount;
    if (row.status === "pending") acc.pending += row.lines;
    byKey.set(key, acc);
  }
  return [...byKey.entries()].map(([key, r]) => ({
    key,
    lineType: r.lineType,
    awardType: r.awardType,
    amount:
      r.awardType === "badge" || r.awardType === "reward"
        ? formatNumber(r.amount, locale, 0)
        : formatLineAmount({ awardType: r.awardType, amount: r.amount, currency: r.currency, label: null }, t, locale),
    lines: r.lines,
    pending: r.pending,
    rejected: r.rejected,
  }));
}
