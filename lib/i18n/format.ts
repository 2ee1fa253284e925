/**
 * Locale-aware formatting through Intl. Amounts are integers in minor units; the currency's own number of decimals
 * (JPY 0, MYR 2, KWD 3) comes from Intl, so no table of currencies is kept here.
 */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(amountMinor: number | bigint, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  const minor = typeof amountMinor === "bigint" ? amountMinor : BigInt(Math.trunc(amountMinor));
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  // Build the decimal string from integers so large amounts never pass through a lossy float division.
  const text = `${negative ? "-" : ""}${abs / scale}${digits ? "." + (abs % scale).toString().padStart(digits, "0") : ""}`;
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    text as unknown as number,
  );
}

export function formatNumber(value: number, locale: string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

export function formatDate(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
}
