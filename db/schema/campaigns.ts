import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { organizations } from "./orgs";
import { users } from "./users";

/**
 * What is stored of a campaign's lifecycle (SPEC §2): `draft`, `launched` or `archived`. Whether a launched campaign
 * is scheduled, active or ended follows from its schedule and today's date in the organization's time zone
 * (lib/domain/campaigns/lifecycle.ts), so no job has to flip it at midnight.
 */
export const CAMPAIGN_STATES = ["draft", "launched", "archived"] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    state: text("state").$type<CampaignState>().notNull().default("draft"),
    /** Runs live without being shown to agents (SPEC §5 shadow mode). */
    shadow: boolean("shadow").notNull().default(false),
    /** The newest rule version; evaluations use it unless told otherwise. */
    version: integer("version").notNull().default(1),
    /** The document's participant teams, kept beside it for the managers' "own teams" checks and list filters. */
    teamIds: uuid("team_ids").array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    launchedAt: timestamp("launched_at", { withTimezone: true }),
  },
  // the campaign list of an organization, newest first
  (t) => [index("campaigns_org_idx").on(t.orgId, t.createdAt)],
);

/**
 * Every rule version of a campaign (SPEC §2: results always name the version that produced them). A draft has one
 * version that edits replace; once launched, every edit appends the next version and earlier ones never change.
 */
export const campaignVersions = pgTable(
  "campaign_versions",
  {
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").notNull(),
    version: integer("version").notNull(),
    document: jsonb("document").$type<CampaignDocument>().notNull(),
    createdBy: text("created_by"),
    /** Who or what made it, as the audit log shows it (a user or an API key). */
    createdByLabel: text("created_by_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.version] }),
    foreignKey({ columns: [t.campaignId], foreignColumns: [campaigns.id], name: "campaign_versions_campaign_fk" }).onDelete("cascade"),
  ],
);

/**
 * The winner a manager picked for one period of a recognition campaign (SPEC §8.2, employee of the month: a shortlist
 * by score, then the manager's final pick). One per campaign and period; it may change until the period is closed,
 * and the close pays the campaign's award to the pick if they are on the shortlist.
 */
export const recognitionPicks = pgTable(
  "recognition_picks",
  {
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").notNull(),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    agentId: text("agent_id").notNull().references(() => users.id),
    /** Why this agent, as the manager put it (shown to the agent with the award). */
    reason: text("reason"),
    pickedBy: text("picked_by"),
    pickedByLabel: text("picked_by_label").notNull(),
    pickedAt: timestamp("picked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.periodFrom] }),
    foreignKey({ columns: [t.campaignId], foreignColumns: [campaigns.id], name: "recognition_picks_campaign_fk" }).onDelete("cascade"),
  ],
);

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignVersion = typeof campaignVersions.$inferSelect;
