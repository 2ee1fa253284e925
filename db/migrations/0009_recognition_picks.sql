CREATE TABLE "recognition_picks" (
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"agent_id" text NOT NULL,
	"reason" text,
	"picked_by" text,
	"picked_by_label" text NOT NULL,
	"picked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_picks_campaign_id_period_from_pk" PRIMARY KEY("campaign_id","period_from")
);
--> statement-breakpoint
ALTER TABLE "recognition_picks" ADD CONSTRAINT "recognition_picks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_picks" ADD CONSTRAINT "recognition_picks_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_picks" ADD CONSTRAINT "recognition_picks_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;