import { describe, expect, it } from "vitest";
import { currencyDigits, formatDateTime, formatMoney as fmt, formatNumber } from "./format";

// Intl separates currency and number with a no-break space; compare with plain spaces.
const formatMoney = (...args: Parameters<typeof fmt>) => fmt(...args).replace(/\u00a0/g, " ");

describe("formatMoney", () => {
  it("uses the currency's own decimals", () => {
    expect(currencyDigits("MYR")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("KWD")).toBe(3);
  });

  it("formats minor units in the user's locale", () => {
    expect(formatMoney(123456, "MYR", "en")).toBe("MYR 1,234.56");
    expect(formatMoney(123456, "MYR", "ms")).toBe("RM 1,234.56");
    expect(formatMoney(5000, "JPY", "en")).toBe("¥5,000");
    expect(formatMoney(-1250, "EUR", "lv")).toBe("-12,50 €");
  });

  it("keeps large amounts exact", () => {
    expect(formatMoney(900719925474099312n, "USD", "en")).toBe("$9,007,199,254,740,993.12");
  });
});

describe("formatNumber and dates", () => {
  it("formats numbers per locale", () => {
    expect(formatNumber(1234.567, "en")).toBe("1,234.57");
    expect(formatNumber(1234.567, "ms")).toBe("1,234.57");
  });

  it("shows times in the organization's time zone", () => {
    const d = new Date("2026-10-31T23:30:00Z");
    expect(formatDateTime(d, "en", "Asia/Kuala_Lumpur")).toContain("Nov 1, 2026");
    expect(formatDateTime(d, "en", "UTC")).toContain("Oct 31, 2026");
  });
});
