import { describe, expect, it } from "vitest";
import { periodLabel, plainSpaces } from "./campaign-results";

const SPECIAL = /[\u2009\u202f]/;

describe("plainSpaces", () => {
  it("turns thin and narrow no-break spaces into ordinary ones, and leaves the rest", () => {
    expect(plainSpaces("Nov 1\u2009–\u200930, 2026")).toBe("Nov 1 – 30, 2026");
    expect(plainSpaces("1:27\u202fAM")).toBe("1:27 AM");
    expect(plainSpaces("1\u202f585 pts")).toBe("1 585 pts");
    expect(plainSpaces("1,585 mata")).toBe("1,585 mata");
  });
});

describe("periodLabel", () => {
  // Node's ICU formats ranges with thin spaces (U+2009) where Chromium's uses ordinary ones; the TV board renders this
  // label on the server and again in the browser, so a difference is a hydration error (React #418).
  it("formats a range with ordinary spaces, as the browser does", () => {
    expect(periodLabel({ from: "2026-11-01", to: "2026-11-30" }, "en")).toBe("Nov 1 – 30, 2026");
    expect(periodLabel({ from: "2026-11-01", to: "2026-11-30" }, "ms")).toBe("1–30 Nov 2026");
  });

  it("never leaves a thin or narrow no-break space, whatever the locale or range", () => {
    const ranges = [
      { from: "2026-11-01", to: "2026-11-30" },
      { from: "2026-11-23", to: "2026-12-06" },
      { from: "2026-12-28", to: "2027-01-03" },
      { from: "2026-05-04", to: "2026-05-04" },
    ];
    for (const locale of ["en", "ms", "en-GB", "fr", "de"]) {
      for (const range of ranges) expect(periodLabel(range, locale), `${locale} ${range.from}`).not.toMatch(SPECIAL);
    }
  });
});
