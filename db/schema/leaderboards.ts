import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Composite, Fairness } from "@/lib/domain/campaigns/document";
import { organizations } from "./orgs";
import { users } from "./users";

export const BOARD_PERIODS = ["week", "month", "quarter", "custom"] as const;
export type BoardPeriod = (typeof BOARD_PERIODS)[number];

/**
 * A leaderboard (SPEC §7): a metric (a KPI key, or "composite" with its weights) over a period (the current week,
 * month or quarter in the organization's time zone, or custom dates), a scope (the whole organization, some teams,
 * or one queue) and ranking options (minimum samples and fairness method; default: the organization's KPI settings).
 */
export const leaderboards = pgTable(
  "leaderboards",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    metric: text("metric").notNull(),
    composite: jsonb("composite").$type<Composite>(),
    period: text("period").$type<BoardPeriod>().notNull(),
    from: text("from_day"),
    to: text("to_day"),
    teamIds: uuid("team_ids").array().notNull().default(sql`'{}'::uuid[]`),
    queue: text("queue"),
    fairness: jsonb("fairness").$type<Fairness>(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // the board list of an organization
  (t) => [index("leaderboards_org_idx").on(t.orgId, t.name)],
);

/**
 * A display link for a wall screen (TV mode): shows only its boards, with no sign-in. The token is shown once; only
 * its SHA-256 is kept. Revoking it stops every screen using it at the next request or update.
 */
export const displayLinks = pgTable(
  "display_links",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    boardIds: uuid("board_ids").array().notNull(),
    rotateSeconds: integer("rotate_seconds").notNull().default(20),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    // a screen opening its link: token → link
    uniqueIndex("display_links_token_unique").on(t.tokenHash),
    // the links of an organization (admin list)
    index("display_links_org_idx").on(t.orgId),
  ],
);

export type Leaderboard = typeof leaderboards.$inferSelect;
export type DisplayLink = typeof displayLinks.$inferSelect;
