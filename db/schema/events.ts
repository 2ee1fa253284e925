import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { COMPONENT_KEYS, type ComponentKey } from "@/lib/domain/kpi-components";
import type { CanonicalEvent } from "@/lib/domain/events";
import { organizations } from "./orgs";

/**
 * Raw canonical events, immutable once stored. (org_id, id) is the idempotency key: the same id sent again is a
 * duplicate and changes nothing. `agent_ref` is the identity as sent (externalId or email), matched to agents at query
 * time, so events of an agent created later count without being sent again.
 */
export const events = pgTable(
  "events",
  {
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    type: text("type").$type<CanonicalEvent["type"]>().notNull(),
    agentRef: text("agent_ref"),
    queue: text("queue"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** The calendar day of occurredAt in the organization's time zone when it was stored. */
    localDay: date("local_day").notNull(),
    payload: jsonb("payload").$type<CanonicalEvent>().notNull(),
    source: text("source").notNull(),
    /** Arrived after its period was closed: reaches money only through adjustments of the next payout run. */
    late: boolean("late").notNull().default(false),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Only the idempotency key is indexed: KPIs read the rollups, rebuilds page through events by id, and every index
  // here is paid for on each ingested event.
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

const componentColumn = (name: string) => doublePrecision(name).notNull().default(0);
const componentColumns = Object.fromEntries(COMPONENT_KEYS.map((k) => [k, componentColumn(k)])) as Record<
  ComponentKey,
  ReturnType<typeof componentColumn>
>;

/**
 * Additive KPI components per agent identity × queue × day (org time zone), maintained on ingest. `agent_ref` and
 * `queue` are '' when the event had none. Sums are double precision: integers stay exact, fractions to ~15 digits.
 */
export const kpiDaily = pgTable(
  "kpi_daily",
  {
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    agentRef: text("agent_ref").notNull(),
    queue: text("queue").notNull(),
    ...componentColumns,
  },
  // KPI queries read a day range of one organization
  (t) => [primaryKey({ columns: [t.orgId, t.day, t.agentRef, t.queue] })],
);

/** The same components per calendar month (`month` is its first day): whole months in a range read these. */
export const kpiMonthly = pgTable(
  "kpi_monthly",
  {
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    month: date("month").notNull(),
    agentRef: text("agent_ref").notNull(),
    queue: text("queue").notNull(),
    ...componentColumns,
  },
  // KPI queries read whole months of one organization
  (t) => [primaryKey({ columns: [t.orgId, t.month, t.agentRef, t.queue] })],
);

/** Custom `metric` events: sum and count per metric key, agent identity, queue and day / month. */
export const kpiMetricDaily = pgTable(
  "kpi_metric_daily",
  {
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    agentRef: text("agent_ref").notNull(),
    queue: text("queue").notNull(),
    metric: text("metric").notNull(),
    sum: doublePrecision("sum").notNull().default(0),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.day, t.agentRef, t.queue, t.metric] })],
);

export const kpiMetricMonthly = pgTable(
  "kpi_metric_monthly",
  {
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    month: date("month").notNull(),
    agentRef: text("agent_ref").notNull(),
    queue: text("queue").notNull(),
    metric: text("metric").notNull(),
    sum: doublePrecision("sum").notNull().default(0),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month, t.agentRef, t.queue, t.metric] })],
);

export type StoredEvent = typeof events.$inferSelect;

/**
 * Rollup deltas of stored batches not yet added to the rollup tables. Ingest appends one row per batch (cheap: no
 * contended rollup rows in the hot transaction); readers and a background timer fold them in, many batches at a time,
 * before reading rollups (see foldPendingRollups), so every KPI read still counts every stored event.
 */
export const kpiPending = pgTable(
  "kpi_pending",
  {
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    /** A compact RollupDelta of daily rows (lib/domain/rollup.ts); monthly rows are derived when folding. */
    delta: jsonb("delta").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // folding takes one organization's pending batches in order
  (t) => [index("kpi_pending_org_seq_idx").on(t.orgId, t.seq)],
);
