import { sql } from "drizzle-orm";
import { jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

export const WEBHOOK_SOURCES = ["zendesk", "freshdesk"] as const;
export type WebhookSource = (typeof WEBHOOK_SOURCES)[number];

/**
 * Signing secrets of incoming helpdesk webhooks. Kept in clear because verifying an HMAC needs the secret itself;
 * only admins can read or rotate them.
 */
export const webhookSecrets = pgTable(
  "webhook_secrets",
  {
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    source: text("source").$type<WebhookSource>().notNull(),
    secret: text("secret").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastReceivedAt: timestamp("last_received_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.source] })],
);

/** Saved CSV/XLSX column mappings, one per named source (e.g. "Genesys daily export"). */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    eventType: text("event_type").notNull(),
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // the import page lists and loads mappings by name within an organization
  (t) => [uniqueIndex("import_mappings_org_name_unique").on(t.orgId, sql`lower(${t.name})`)],
);
