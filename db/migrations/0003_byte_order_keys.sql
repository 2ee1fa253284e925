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
--> statement-breakpoint
-- Every ingest adds to rollup rows in place. With free space on each page PostgreSQL updates them as heap-only tuples
-- (no new index entry, old versions pruned in the page); with full pages each update left a dead tuple and an index
-- entry behind, and a month of KPIs for 10,000 agents read five index entries per live row. Vacuum them sooner, too.
ALTER TABLE "kpi_daily" SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05);--> statement-breakpoint
ALTER TABLE "kpi_monthly" SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05);--> statement-breakpoint
ALTER TABLE "kpi_metric_daily" SET (fillfactor = 70);--> statement-breakpoint
ALTER TABLE "kpi_metric_monthly" SET (fillfactor = 50);
