import { z } from "zod";
import { REDEMPTION_STATES, type RedemptionState } from "@/db/schema";
import { nameSchema, uuidSchema } from "./common";

// The lifecycle of a redemption, for pages that may not import the database layer.
export { REDEMPTION_STATES, type RedemptionState };

export const MAX_POINTS_COST = 1_000_000;
export const MAX_STOCK = 1_000_000;

/** Form fields arrive as strings: "" is "not given", "12" is 12 ("1.5" and "abc" are refused, not rounded). */
const toNumber = (v: unknown) => {
  if (typeof v !== "string") return v;
  const text = v.trim();
  return text === "" ? undefined : Number(text);
};
const wholeNumber = z
  .number({ error: (issue) => (issue.input === undefined ? "is required" : "must be a whole number") })
  .int({ message: "must be a whole number" });

const pointsCost = z.preprocess(
  toNumber,
  wholeNumber.min(1, { message: "must be at least 1 point" }).max(MAX_POINTS_COST, { message: "must be at most 1,000,000 points" }),
);

/** Blank or null = unlimited. */
const stock = z.preprocess(
  (v) => toNumber(v) ?? null,
  wholeNumber.min(0, { message: "must be 0 or more (leave it empty for unlimited)" }).max(MAX_STOCK, { message: "must be at most 1,000,000" }).nullable(),
);

const description = z.string({ message: "must be text" }).trim().max(1000, { message: "must be at most 1000 characters" });
const flag = z.boolean({ message: "must be true or false" });

/** A new catalog item (HR, admin). */
export const rewardItemSchema = z.strictObject({
  name: nameSchema,
  description: description.default(""),
  pointsCost,
  stock: stock.default(null),
  requiresApproval: flag.default(true),
});
export type RewardItemInput = z.input<typeof rewardItemSchema>;

/** Changes to an item: only the fields given change; `active: false` takes it out of the catalog (never deleted). */
export const rewardItemUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  description: description.optional(),
  pointsCost: pointsCost.optional(),
  stock: stock.optional(),
  requiresApproval: flag.optional(),
  active: flag.optional(),
});
export type RewardItemUpdate = z.input<typeof rewardItemUpdateSchema>;

export const redeemSchema = z.strictObject({ itemId: uuidSchema });

/** Fulfil or reject: an optional note for the agent. */
export const decideRedemptionSchema = z.strictObject({
  note: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string({ message: "must be text" }).trim().max(1000, { message: "must be at most 1000 characters" }).optional()),
});

export const redemptionFilterSchema = z.strictObject({
  /** "mine" (default): the actor's own; "all": the organization's queue (HR, admin). */
  scope: z.enum(["mine", "all"], { message: "must be mine or all" }).default("mine"),
  state: z.preprocess((v) => (v === "" ? undefined : v), z.enum(REDEMPTION_STATES, { message: `must be one of ${REDEMPTION_STATES.join(", ")}` }).optional()),
  limit: z.coerce.number({ message: "must be a whole number" }).int({ message: "must be a whole number" }).min(1).max(500).default(200),
});
export type RedemptionFilter = z.input<typeof redemptionFilterSchema>;
