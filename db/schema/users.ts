import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

export const ROLES = ["agent", "manager", "hr", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Auth.js-compatible user row (text id, name, email, emailVerified, image) plus Podium's own columns.
 * Email is unique across the deployment: it is the sign-in name and a user belongs to exactly one organization.
 */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true }),
    image: text("image"),
    role: text("role").$type<Role>().notNull(),
    active: boolean("active").notNull().default(true),
    passwordHash: text("password_hash"),
    locale: text("locale"),
    /** Bumped on every role/active/password change; sessions carrying an older value are refused. */
    securityVersion: integer("security_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // sign-in looks users up by lower-cased email
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    // admin user list of one organization
    index("users_org_idx").on(t.orgId),
  ],
);

/** The agent side of a user: the identity the helpdesk or telephony system uses. */
export const agentProfiles = pgTable(
  "agent_profiles",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // events are matched to agents by (org, externalId)
    uniqueIndex("agent_profiles_org_external_unique").on(t.orgId, t.externalId),
    uniqueIndex("agent_profiles_user_unique").on(t.userId),
  ],
);

/** Failed sign-in attempts, for throttling (5 per 15 minutes per account). Keyed by the lower-cased email tried. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    email: text("email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // counts the recent failures of one account
  (t) => [index("sign_in_failures_email_idx").on(t.email, t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type AgentProfile = typeof agentProfiles.$inferSelect;
