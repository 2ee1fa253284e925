import { describe, expect, it } from "vitest";
import { decideRedemptionSchema, redemptionFilterSchema, rewardItemSchema, rewardItemUpdateSchema } from "./rewards";

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("reward item schema", () => {
  it("reads form strings: a blank stock is unlimited, approval is on unless said otherwise", () => {
    expect(rewardItemSchema.parse({ name: " Team lunch ", pointsCost: "600", stock: "" })).toEqual({ name: "Team lunch", description: "", pointsCost: 600, stock: null, requiresApproval: true });
    expect(rewardItemSchema.parse({ name: "Voucher", pointsCost: 50, stock: 0, requiresApproval: false })).toMatchObject({ stock: 0, requiresApproval: false });
  });

  it("names every bad field with a message of its own", () => {
    expect(issues(rewardItemSchema.safeParse({ name: "", pointsCost: "" }))).toEqual({ name: "is required", pointsCost: "is required" });
    expect(issues(rewardItemSchema.safeParse({ name: "x".repeat(121), pointsCost: "1.5", stock: "-1" }))).toEqual({
      name: "must be at most 120 characters",
      pointsCost: "must be a whole number",
      stock: "must be 0 or more (leave it empty for unlimited)",
    });
    expect(issues(rewardItemSchema.safeParse({ name: "a", pointsCost: 1_000_001, stock: "lots" }))).toEqual({ pointsCost: "must be at most 1,000,000 points", stock: "must be a whole number" });
    expect(issues(rewardItemSchema.safeParse({ name: "a", pointsCost: 0 }))).toEqual({ pointsCost: "must be at least 1 point" });
  });

  it("changes only the fields given on update", () => {
    expect(rewardItemUpdateSchema.parse({ active: false })).toEqual({ active: false });
    expect(rewardItemUpdateSchema.parse({ stock: "" })).toEqual({ stock: null });
    expect(rewardItemUpdateSchema.safeParse({ owner: "me" }).success).toBe(false);
  });
});

describe("redemption schemas", () => {
  it("treats a blank note as none and lists your own by default", () => {
    expect(decideRedemptionSchema.parse({ note: "  " })).toEqual({});
    expect(redemptionFilterSchema.parse({})).toEqual({ scope: "mine", limit: 200 });
    expect(issues(redemptionFilterSchema.safeParse({ state: "lost" }))).toEqual({ state: "must be one of requested, fulfilled, rejected" });
  });
});
