import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

export const API_SCOPES = [
  "events:write",
  "kpis:read",
  "campaigns:read",
  "campaigns:write",
  "payouts:read",
  "payouts:write",
  "leaderboards:read",
  "leaderboards:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** API keys are shown once; only a SHA-256 of the secret is stored (keys are 256-bit random, so no slow hash is needed). */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** First characters of the key, shown in lists so people can tell keys apart. */
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    scopes: text("scopes").array().$type<ApiScope[]>().notNull(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    // every API request looks its key up by hash
    uniqueIndex("api_keys_hash_unique").on(t.hash),
    // admin key list
    index("api_keys_org_idx").on(t.orgId),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
