CREATE TABLE "intake_advisory_days" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"work_date" date NOT NULL,
	"person" text NOT NULL,
	"hours" numeric(6, 2) NOT NULL,
	"description" text NOT NULL,
	"overrun_reason" text,
	"logged_by_user_id" integer,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intake_advisory_days_hours_check" CHECK ("intake_advisory_days"."hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "intake_assignment_versions" (
	"case_id" integer NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"author_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intake_assignment_versions_case_id_version_pk" PRIMARY KEY("case_id","version")
);
--> statement-breakpoint
CREATE TABLE "intake_brigade_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"urgency" text NOT NULL,
	"contact_preference" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assignee_user_id" integer,
	"assignment" text DEFAULT '' NOT NULL,
	"assignment_version" integer DEFAULT 0 NOT NULL,
	"outcome" text,
	"decline_reason" text,
	"submitted_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "intake_brigade_cases_status_check" CHECK ("intake_brigade_cases"."status" in ('new', 'intake', 'assignment', 'experts', 'in_progress', 'closed', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "intake_case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"kind" text NOT NULL,
	"is_internal" boolean NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_guide_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"filename" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_user_id" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intake_guide_documents_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "intake_guide_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text,
	"email" text,
	"organisation_id" integer,
	"organisation_other" text,
	"role" text,
	"purpose" text,
	"token_hash" text,
	"token_expires_at" timestamp with time zone NOT NULL,
	"download_count" integer DEFAULT 0 NOT NULL,
	"last_download_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "intake_guide_requests_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "intake_submission_counts" (
	"address_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "intake_submission_counts_address_hash_window_start_pk" PRIMARY KEY("address_hash","window_start")
);
--> statement-breakpoint
CREATE TABLE "practice_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"practice_id" integer NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_contact_consents" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"pillar" text NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"tasks" text[] DEFAULT '{}'::text[] NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer,
	"partners" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"lessons" text DEFAULT '' NOT NULL,
	"contact_user_id" integer,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_user_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch'::regconfig, coalesce(search_text, '')), 'C')) STORED NOT NULL,
	CONSTRAINT "practices_status_check" CHECK ("practices"."status" in ('draft', 'network', 'public', 'withdrawn')),
	CONSTRAINT "practices_period_check" CHECK ("practices"."period_start" between 2000 and 2100),
	CONSTRAINT "practices_period_end_check" CHECK ("practices"."period_end" is null or "practices"."period_end" between "practices"."period_start" and 2100)
);
--> statement-breakpoint
ALTER TABLE "intake_advisory_days" ADD CONSTRAINT "intake_advisory_days_case_id_intake_brigade_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."intake_brigade_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_advisory_days" ADD CONSTRAINT "intake_advisory_days_logged_by_user_id_users_id_fk" FOREIGN KEY ("logged_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_assignment_versions" ADD CONSTRAINT "intake_assignment_versions_case_id_intake_brigade_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."intake_brigade_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_assignment_versions" ADD CONSTRAINT "intake_assignment_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_brigade_cases" ADD CONSTRAINT "intake_brigade_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_brigade_cases" ADD CONSTRAINT "intake_brigade_cases_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_brigade_cases" ADD CONSTRAINT "intake_brigade_cases_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_case_events" ADD CONSTRAINT "intake_case_events_case_id_intake_brigade_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."intake_brigade_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_case_events" ADD CONSTRAINT "intake_case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_guide_documents" ADD CONSTRAINT "intake_guide_documents_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_guide_requests" ADD CONSTRAINT "intake_guide_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attachments" ADD CONSTRAINT "practice_attachments_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attachments" ADD CONSTRAINT "practice_attachments_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_contact_consents" ADD CONSTRAINT "practice_contact_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_advisory_days_case_idx" ON "intake_advisory_days" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "intake_brigade_cases_organisation_idx" ON "intake_brigade_cases" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "intake_brigade_cases_status_idx" ON "intake_brigade_cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "intake_case_events_case_idx" ON "intake_case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "intake_guide_requests_email_idx" ON "intake_guide_requests" USING btree ("email");--> statement-breakpoint
CREATE INDEX "practice_attachments_practice_idx" ON "practice_attachments" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "practices_search_idx" ON "practices" USING gin ("search");--> statement-breakpoint
CREATE INDEX "practices_themes_idx" ON "practices" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "practices_organisation_idx" ON "practices" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "practices_status_idx" ON "practices" USING btree ("status","published_at");