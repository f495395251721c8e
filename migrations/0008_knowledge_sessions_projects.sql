CREATE TABLE "knowledge_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"title" text NOT NULL,
	"theme" text NOT NULL,
	"task" text NOT NULL,
	"status" text NOT NULL,
	"partners" text DEFAULT '' NOT NULL,
	"link" text,
	"source_action_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_projects_status_check" CHECK ("knowledge_projects"."status" in ('planned', 'running', 'done'))
);
--> statement-breakpoint
CREATE TABLE "knowledge_project_municipalities" (
	"project_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "knowledge_project_municipalities_project_id_organisation_id_pk" PRIMARY KEY("project_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_sessions_capacity_check" CHECK ("knowledge_sessions"."capacity" > 0),
	CONSTRAINT "knowledge_sessions_period_check" CHECK ("knowledge_sessions"."ends_at" > "knowledge_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "knowledge_session_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"status" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	CONSTRAINT "knowledge_session_registrations_status_check" CHECK ("knowledge_session_registrations"."status" in ('confirmed', 'waiting', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "knowledge_projects" ADD CONSTRAINT "knowledge_projects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_projects" ADD CONSTRAINT "knowledge_projects_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_project_municipalities" ADD CONSTRAINT "knowledge_project_municipalities_project_id_knowledge_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."knowledge_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_project_municipalities" ADD CONSTRAINT "knowledge_project_municipalities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_sessions" ADD CONSTRAINT "knowledge_sessions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_sessions" ADD CONSTRAINT "knowledge_sessions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_session_registrations" ADD CONSTRAINT "knowledge_session_registrations_session_id_knowledge_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."knowledge_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_session_registrations" ADD CONSTRAINT "knowledge_session_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_session_registrations" ADD CONSTRAINT "knowledge_session_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_projects_organisation_idx" ON "knowledge_projects" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "knowledge_project_municipalities_org_idx" ON "knowledge_project_municipalities" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "knowledge_sessions_starts_idx" ON "knowledge_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_session_registrations_person_idx" ON "knowledge_session_registrations" USING btree ("session_id","user_id");