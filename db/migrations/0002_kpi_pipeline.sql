CREATE TABLE "events" (
	"org_id" uuid NOT NULL,
	"id" text NOT NULL,
	"type" text NOT NULL,
	"agent_ref" text,
	"queue" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"local_day" date NOT NULL,
	"payload" jsonb NOT NULL,
	"source" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "kpi_daily" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"agent_ref" text NOT NULL,
	"queue" text NOT NULL,
	"calls_offered" double precision DEFAULT 0 NOT NULL,
	"calls_answered" double precision DEFAULT 0 NOT NULL,
	"resolved_true" double precision DEFAULT 0 NOT NULL,
	"resolved_n" double precision DEFAULT 0 NOT NULL,
	"fcr_true" double precision DEFAULT 0 NOT NULL,
	"fcr_n" double precision DEFAULT 0 NOT NULL,
	"wait_sum" double precision DEFAULT 0 NOT NULL,
	"wait_n" double precision DEFAULT 0 NOT NULL,
	"handle_sum" double precision DEFAULT 0 NOT NULL,
	"handle_n" double precision DEFAULT 0 NOT NULL,
	"talk_sum" double precision DEFAULT 0 NOT NULL,
	"talk_n" double precision DEFAULT 0 NOT NULL,
	"hold_sum" double precision DEFAULT 0 NOT NULL,
	"hold_n" double precision DEFAULT 0 NOT NULL,
	"wrap_sum" double precision DEFAULT 0 NOT NULL,
	"wrap_n" double precision DEFAULT 0 NOT NULL,
	"sl_within" double precision DEFAULT 0 NOT NULL,
	"tickets" double precision DEFAULT 0 NOT NULL,
	"tickets_solved" double precision DEFAULT 0 NOT NULL,
	"frt_sum" double precision DEFAULT 0 NOT NULL,
	"frt_n" double precision DEFAULT 0 NOT NULL,
	"restime_sum" double precision DEFAULT 0 NOT NULL,
	"restime_n" double precision DEFAULT 0 NOT NULL,
	"sla_true" double precision DEFAULT 0 NOT NULL,
	"sla_n" double precision DEFAULT 0 NOT NULL,
	"reopened" double precision DEFAULT 0 NOT NULL,
	"reopen_n" double precision DEFAULT 0 NOT NULL,
	"replies_sum" double precision DEFAULT 0 NOT NULL,
	"replies_n" double precision DEFAULT 0 NOT NULL,
	"csat_n" double precision DEFAULT 0 NOT NULL,
	"csat_top2" double precision DEFAULT 0 NOT NULL,
	"csat_sum" double precision DEFAULT 0 NOT NULL,
	"nps_n" double precision DEFAULT 0 NOT NULL,
	"nps_promoters" double precision DEFAULT 0 NOT NULL,
	"nps_detractors" double precision DEFAULT 0 NOT NULL,
	"ces_n" double precision DEFAULT 0 NOT NULL,
	"ces_sum" double precision DEFAULT 0 NOT NULL,
	"qa_n" double precision DEFAULT 0 NOT NULL,
	"qa_sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_daily_org_id_day_agent_ref_queue_pk" PRIMARY KEY("org_id","day","agent_ref","queue")
);
--> statement-breakpoint
CREATE TABLE "kpi_metric_daily" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"agent_ref" text NOT NULL,
	"queue" text NOT NULL,
	"metric" text NOT NULL,
	"sum" double precision DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_metric_daily_org_id_day_agent_ref_queue_metric_pk" PRIMARY KEY("org_id","day","agent_ref","queue","metric")
);
--> statement-breakpoint
CREATE TABLE "kpi_metric_monthly" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"agent_ref" text NOT NULL,
	"queue" text NOT NULL,
	"metric" text NOT NULL,
	"sum" double precision DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_metric_monthly_org_id_month_agent_ref_queue_metric_pk" PRIMARY KEY("org_id","month","agent_ref","queue","metric")
);
--> statement-breakpoint
CREATE TABLE "kpi_monthly" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"agent_ref" text NOT NULL,
	"queue" text NOT NULL,
	"calls_offered" double precision DEFAULT 0 NOT NULL,
	"calls_answered" double precision DEFAULT 0 NOT NULL,
	"resolved_true" double precision DEFAULT 0 NOT NULL,
	"resolved_n" double precision DEFAULT 0 NOT NULL,
	"fcr_true" double precision DEFAULT 0 NOT NULL,
	"fcr_n" double precision DEFAULT 0 NOT NULL,
	"wait_sum" double precision DEFAULT 0 NOT NULL,
	"wait_n" double precision DEFAULT 0 NOT NULL,
	"handle_sum" double precision DEFAULT 0 NOT NULL,
	"handle_n" double precision DEFAULT 0 NOT NULL,
	"talk_sum" double precision DEFAULT 0 NOT NULL,
	"talk_n" double precision DEFAULT 0 NOT NULL,
	"hold_sum" double precision DEFAULT 0 NOT NULL,
	"hold_n" double precision DEFAULT 0 NOT NULL,
	"wrap_sum" double precision DEFAULT 0 NOT NULL,
	"wrap_n" double precision DEFAULT 0 NOT NULL,
	"sl_within" double precision DEFAULT 0 NOT NULL,
	"tickets" double precision DEFAULT 0 NOT NULL,
	"tickets_solved" double precision DEFAULT 0 NOT NULL,
	"frt_sum" double precision DEFAULT 0 NOT NULL,
	"frt_n" double precision DEFAULT 0 NOT NULL,
	"restime_sum" double precision DEFAULT 0 NOT NULL,
	"restime_n" double precision DEFAULT 0 NOT NULL,
	"sla_true" double precision DEFAULT 0 NOT NULL,
	"sla_n" double precision DEFAULT 0 NOT NULL,
	"reopened" double precision DEFAULT 0 NOT NULL,
	"reopen_n" double precision DEFAULT 0 NOT NULL,
	"replies_sum" double precision DEFAULT 0 NOT NULL,
	"replies_n" double precision DEFAULT 0 NOT NULL,
	"csat_n" double precision DEFAULT 0 NOT NULL,
	"csat_top2" double precision DEFAULT 0 NOT NULL,
	"csat_sum" double precision DEFAULT 0 NOT NULL,
	"nps_n" double precision DEFAULT 0 NOT NULL,
	"nps_promoters" double precision DEFAULT 0 NOT NULL,
	"nps_detractors" double precision DEFAULT 0 NOT NULL,
	"ces_n" double precision DEFAULT 0 NOT NULL,
	"ces_sum" double precision DEFAULT 0 NOT NULL,
	"qa_n" double precision DEFAULT 0 NOT NULL,
	"qa_sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_monthly_org_id_month_agent_ref_queue_pk" PRIMARY KEY("org_id","month","agent_ref","queue")
);
--> statement-breakpoint
CREATE TABLE "kpi_settings" (
	"org_id" uuid NOT NULL,
	"kpi" text NOT NULL,
	"target" double precision,
	"min_samples" integer DEFAULT 0 NOT NULL,
	"method" text DEFAULT 'raw' NOT NULL,
	"bayes_weight" double precision DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_settings_org_id_kpi_pk" PRIMARY KEY("org_id","kpi")
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"event_type" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_secrets" (
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_received_at" timestamp with time zone,
	CONSTRAINT "webhook_secrets_org_id_source_pk" PRIMARY KEY("org_id","source")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "service_level_seconds" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD CONSTRAINT "kpi_daily_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_metric_daily" ADD CONSTRAINT "kpi_metric_daily_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_metric_monthly" ADD CONSTRAINT "kpi_metric_monthly_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_monthly" ADD CONSTRAINT "kpi_monthly_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_settings" ADD CONSTRAINT "kpi_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_secrets" ADD CONSTRAINT "webhook_secrets_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_org_day_idx" ON "events" USING btree ("org_id","local_day");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_org_name_unique" ON "import_mappings" USING btree ("org_id",lower("name"));