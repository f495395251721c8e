CREATE TABLE "roadmap_share_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"token" text NOT NULL,
	"label" text NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_by_user_id" integer,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "roadmap_share_links_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "roadmap_share_links" ADD CONSTRAINT "roadmap_share_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_share_links" ADD CONSTRAINT "roadmap_share_links_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_share_links" ADD CONSTRAINT "roadmap_share_links_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roadmap_share_links_organisation_idx" ON "roadmap_share_links" USING btree ("organisation_id");