import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

export const ACTOR_TYPES = ["user", "api_key", "cli", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Append-only record of who changed what. Written in the same transaction as the change it records. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    actorType: text("actor_type").$type<ActorType>().notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    meta: jsonb("meta"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // audit viewer: newest first within an org, optionally by action
    index("audit_log_org_created_idx").on(t.orgId, t.createdAt),
    index("audit_log_org_action_idx").on(t.orgId, t.action, t.createdAt),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
