CREATE TABLE "council_letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"strategy_id" integer NOT NULL,
	"strategy_version" integer NOT NULL,
	"period_start" date NOT NULL,
	"locale" text NOT NULL,
	"content" jsonb NOT NULL,
	"drafted_by_user_id" integer,
	"drafted_by_name" text NOT NULL,
	"drafted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_versions" DROP CONSTRAINT "document_versions_kind_check";--> statement-breakpoint
ALTER TABLE "council_letters" ADD CONSTRAINT "council_letters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_letters" ADD CONSTRAINT "council_letters_drafted_by_user_id_users_id_fk" FOREIGN KEY ("drafted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_letters_organisation_idx" ON "council_letters" USING btree ("organisation_id","drafted_at");--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_kind_check" CHECK ("document_versions"."kind" in ('strategy', 'scan-results', 'council-letter'));