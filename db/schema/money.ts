import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { AwardType } from "@/lib/domain/campaigns/document";
import type { Explanation } from "@/lib/domain/campaigns/evaluation";
import type { PayoutRunState } from "@/lib/domain/money/payout-states";
import { organizations } from "./orgs";
import { users } from "./users";

/**
 * Money (SPEC §6). Amounts are integers everywhere: points, leave minutes, cash in minor units. The ledger is
 * append-only in the database itself (migration 0008); everything else records decisions about it.
 */

/** `points` | `leave_minutes` | `cash:<CUR>` (ISO 4217). */
export type Asset = "points" | "leave_minutes" | `cash:${string}`;

export const LEDGER_KINDS = ["award", "adjustment", "reversal", "redemption"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * The ledger. A balance is the sum of an agent's entries of one asset; nothing caches it. `idempotency_key` is unique
 * per organization: writing an entry again under the same key changes nothing. `corrects_id` names the entry a
 * reversal or adjustment corrects. UPDATE, DELETE and TRUNCATE are refused by triggers.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    agentId: text("agent_id").notNull().references(() => users.id),
    asset: text("asset").$type<Asset>().notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    kind: text("kind").$type<LedgerKind>().notNull(),
    /** What wrote it: `payout_line:<id>`, `redemption:<id>`, … */
    source: text("source").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    correctsId: uuid("corrects_id"),
    memo: text("memo"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ledger_entries_idempotency_idx").on(t.orgId, t.idempotencyKey),
    index("ledger_entries_agent_idx").on(t.orgId, t.agentId, t.asset),
  ],
);

export const PERIOD_STATES = ["closing", "closed"] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];

/**
 * A pay period being closed or closed (an open period has no row). Its range never overlaps another's: closing takes
 * the organization's close lock and checks. `rule_versions` freezes which version of each campaign it evaluated, so
 * late data is re-evaluated with the same rules.
 */
export const periods = pgTable(
  "periods",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    fromDay: date("from_day").notNull(),
    toDay: date("to_day").notNull(),
    state: text("state").$type<PeriodState>().notNull().default("closing"),
    /** Campaigns evaluated so far and in all, for the progress bar. */
    progress: integer("progress").notNull().default(0),
    total: integer("total").notNull().default(0),
    ruleVersions: jsonb("rule_versions").$type<Record<string, number>>().notNull().default({}),
    closedBy: text("closed_by"),
    closedByLabel: text("closed_by_label").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Late events received up to here have been turned into adjustment lines. */
    lateCheckedAt: timestamp("late_checked_at", { withTimezone: true }),
  },
  (t) => [index("periods_org_idx").on(t.orgId, t.fromDay)],
);

export { PAYOUT_RUN_STATES, type PayoutRunState } from "@/lib/domain/money/payout-states";

/** One payout run per closed period: its award lines and the adjustments that were waiting when it was made. */
export const payoutRuns = pgTable(
  "payout_runs",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    periodId: uuid("period_id").notNull().references(() => periods.id),
    state: text("state").$type<PayoutRunState>().notNull().default("draft"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("payout_runs_period_idx").on(t.periodId), index("payout_runs_org_idx").on(t.orgId, t.createdAt)],
);

export const LINE_STATUSES = ["pending", "approved", "rejected"] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export type LineType = "award" | "adjustment";

/**
 * One line per agent × campaign × award type × currency of a period (an award), or an adjustment of an earlier
 * period's line (late data, an accepted dispute). `amount` is points, leave minutes or cash minor units (1 for a badge
 * or reward). An approved line has a ledger entry (`ledger_entry_id`; badges and rewards have none). `run_id` is null
 * for an adjustment waiting for the next payout run.
 */
export const payoutLines = pgTable(
  "payout_lines",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    runId: uuid("run_id").references(() => payoutRuns.id),
    /** The period the line is for; for an adjustment, the period it corrects. */
    periodId: uuid("period_id").notNull().references(() => periods.id),
    lineType: text("line_type").$type<LineType>().notNull(),
    agentId: text("agent_id").notNull().references(() => users.id),
    campaignId: uuid("campaign_id"),
    campaignName: text("campaign_name").notNull(),
    campaignVersion: integer("campaign_version"),
    awardType: text("award_type").$type<AwardType>().notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency"),
    /** The badge name or reward id of a badge or reward award. */
    label: text("label"),
    status: text("status").$type<LineStatus>().notNull(),
    /** Who must approve it: auto (approved at close), manager or hr. */
    approval: text("approval").notNull().default("auto"),
    teamIds: uuid("team_ids").array().notNull().default(sql`'{}'::uuid[]`),
    explanation: jsonb("explanation").$type<Explanation | null>(),
    reason: text("reason"),
    correctsLineId: uuid("corrects_line_id"),
    ledgerEntryId: uuid("ledger_entry_id"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payout_lines_run_idx").on(t.runId),
    index("payout_lines_agent_idx").on(t.orgId, t.agentId),
    index("payout_lines_period_idx").on(t.periodId),
    // exactly once: one award line per period × campaign × agent × type × currency
    uniqueIndex("payout_lines_award_once_idx")
      .on(t.periodId, t.campaignId, t.agentId, t.awardType, sql`coalesce(${t.currency}, '')`, sql`coalesce(${t.label}, '')`)
      .where(sql`line_type = 'award'`),
  ],
);

export const DISPUTE_STATES = ["open", "accepted", "rejected"] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];

/** An agent's objection to one of their lines; HR resolves it. An accepted dispute produces an adjustment line. */
export const disputes = pgTable(
  "disputes",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    lineId: uuid("line_id").notNull().references(() => payoutLines.id),
    agentId: text("agent_id").notNull().references(() => users.id),
    state: text("state").$type<DisputeState>().notNull().default("open"),
    comment: text("comment").notNull(),
    resolution: text("resolution"),
    adjustmentLineId: uuid("adjustment_line_id"),
    resolvedBy: text("resolved_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    index("disputes_org_idx").on(t.orgId, t.state, t.createdAt),
    uniqueIndex("disputes_one_open_idx").on(t.lineId).where(sql`state = 'open'`),
  ],
);

/** The rewards catalog: what agents buy with points. `stock` null = unlimited. */
export const rewardItems = pgTable(
  "reward_items",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    pointsCost: integer("points_cost").notNull(),
    stock: integer("stock"),
    /** HR fulfils each redemption (a parking spot, a shift pattern); otherwise it is fulfilled at once. */
    requiresApproval: boolean("requires_approval").notNull().default(true),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reward_items_org_idx").on(t.orgId, t.name)],
);

export const REDEMPTION_STATES = ["requested", "fulfilled", "rejected"] as const;
export type RedemptionState = (typeof REDEMPTION_STATES)[number];

/** A redemption debits the points at once; a rejection returns them by a reversal entry. */
export const redemptions = pgTable(
  "redemptions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    itemId: uuid("item_id").notNull().references(() => rewardItems.id),
    itemName: text("item_name").notNull(),
    agentId: text("agent_id").notNull().references(() => users.id),
    points: integer("points").notNull(),
    state: text("state").$type<RedemptionState>().notNull().default("requested"),
    debitEntryId: uuid("debit_entry_id").notNull(),
    reversalEntryId: uuid("reversal_entry_id"),
    note: text("note"),
    decidedBy: text("decided_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("redemptions_org_idx").on(t.orgId, t.state, t.createdAt), index("redemptions_agent_idx").on(t.orgId, t.agentId)],
);

export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type Period = typeof periods.$inferSelect;
export type PayoutRun = typeof payoutRuns.$inferSelect;
export type PayoutLine = typeof payoutLines.$inferSelect;
export type Dispute = typeof disputes.$inferSelect;
export type RewardItem = typeof rewardItems.$inferSelect;
export type Redemption = typeof redemptions.$inferSelect;
