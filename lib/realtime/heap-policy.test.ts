import { describe, expect, it } from "vitest";
import { adaptHeapPolicy, LOOSE_BELOW_STREAMS, TIGHT_FROM_STREAMS } from "./heap-policy";

const tight = () => (globalThis as unknown as { __podiumHeapTight?: boolean }).__podiumHeapTight ?? false;

describe("adaptHeapPolicy", () => {
  it("tightens heap growth from many open streams and loosens it only well below, so it does not flap", () => {
    adaptHeapPolicy(0);
    expect(tight()).toBe(false);
    adaptHeapPolicy(TIGHT_FROM_STREAMS - 1);
    expect(tight()).toBe(false);
    adaptHeapPolicy(TIGHT_FROM_STREAMS);
    expect(tight()).toBe(true);
    adaptHeapPolicy(LOOSE_BELOW_STREAMS); // between the two thresholds: stays as it is
    expect(tight()).toBe(true);
    adaptHeapPolicy(LOOSE_BELOW_STREAMS - 1);
    expect(tight()).toBe(false);
  });
});
