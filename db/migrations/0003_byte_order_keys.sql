-- Event ids, agent identities, queues and metric keys are opaque identifiers: compare them byte by byte ("C").
-- Every ingest inserts into the primary keys below; under a linguistic collation each key comparison goes through
-- strcoll, which made the events insert about a third slower on PostgreSQL 15 (bench/ingest.ts).
ALTER TABLE "events" ALTER COLUMN "id" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "kpi_daily" ALTER COLUMN "agent_ref" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "kpi_daily" ALTER COLUMN "queue" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "kpi_monthly" ALTER COLUMN "agent_ref" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "kpi_monthly" ALTER COLUMN "queue" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "kpi_metric_daily" ALTER COLUMN "agent_ref" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "kpi_metric_daily" ALTER COLUMN "queue" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "kpi_metric_daily" ALTER COLUMN "metric" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "kpi_metric_monthly" ALTER COLUMN "agent_ref" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "kpi_metric_monthly" ALTER COLUMN "queue" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "kpi_metric_monthly" ALTER COLUMN "metric" TYPE text COLLATE "C";
