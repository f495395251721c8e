CREATE TABLE "framework_versions" (
	"version" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scan_answers" (
	"scan_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"question_id" text NOT NULL,
	"response" text NOT NULL,
	"current_level" smallint,
	"target_level" smallint,
	"note" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scan_answers_scan_id_user_id_question_id_pk" PRIMARY KEY("scan_id","user_id","question_id"),
	CONSTRAINT "scan_answers_response_check" CHECK ("scan_answers"."response" in ('level', 'unknown', 'not-applicable')),
	CONSTRAINT "scan_answers_level_check" CHECK (("scan_answers"."response" = 'level') = ("scan_answers"."current_level" is not null)),
	CONSTRAINT "scan_answers_current_range" CHECK ("scan_answers"."current_level" is null or "scan_answers"."current_level" between 1 and 5),
	CONSTRAINT "scan_answers_target_range" CHECK ("scan_answers"."target_level" is null or "scan_answers"."target_level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "scan_consensus" (
	"scan_id" integer NOT NULL,
	"question_id" text NOT NULL,
	"response" text NOT NULL,
	"current_level" smallint,
	"target_level" smallint,
	"note" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" integer,
	CONSTRAINT "scan_consensus_scan_id_question_id_pk" PRIMARY KEY("scan_id","question_id"),
	CONSTRAINT "scan_consensus_response_check" CHECK ("scan_consensus"."response" in ('level', 'unknown', 'not-applicable')),
	CONSTRAINT "scan_consensus_level_check" CHECK (("scan_consensus"."response" = 'level') = ("scan_consensus"."current_level" is not null)),
	CONSTRAINT "scan_consensus_current_range" CHECK ("scan_consensus"."current_level" is null or "scan_consensus"."current_level" between 1 and 5),
	CONSTRAINT "scan_consensus_target_range" CHECK ("scan_consensus"."target_level" is null or "scan_consensus"."target_level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "scan_respondents" (
	"scan_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scan_respondents_scan_id_user_id_pk" PRIMARY KEY("scan_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "scan_scores" (
	"scan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"score" numeric(4, 2),
	"target" numeric(4, 2),
	"answered" integer NOT NULL,
	"questions" integer NOT NULL,
	CONSTRAINT "scan_scores_scan_id_kind_key_pk" PRIMARY KEY("scan_id","kind","key")
);
--> statement-breakpoint
CREATE TABLE "scans" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"framework_version" text NOT NULL,
	"period" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by_user_id" integer,
	"reopened_at" timestamp with time zone,
	"reopened_by_user_id" integer,
	CONSTRAINT "scans_status_check" CHECK ("scans"."status" in ('draft', 'submitted')),
	CONSTRAINT "scans_period_check" CHECK ("scans"."period" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "scan_answers" ADD CONSTRAINT "scan_answers_scan_id_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_answers" ADD CONSTRAINT "scan_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_consensus" ADD CONSTRAINT "scan_consensus_scan_id_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_consensus" ADD CONSTRAINT "scan_consensus_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_respondents" ADD CONSTRAINT "scan_respondents_scan_id_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_respondents" ADD CONSTRAINT "scan_respondents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_scores" ADD CONSTRAINT "scan_scores_scan_id_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scans" ADD CONSTRAINT "scans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scans" ADD CONSTRAINT "scans_framework_version_framework_versions_version_fk" FOREIGN KEY ("framework_version") REFERENCES "public"."framework_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scans" ADD CONSTRAINT "scans_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scans" ADD CONSTRAINT "scans_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scans" ADD CONSTRAINT "scans_reopened_by_user_id_users_id_fk" FOREIGN KEY ("reopened_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scans_organisation_idx" ON "scans" USING btree ("organisation_id","period");