CREATE TABLE "register_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"register" text NOT NULL,
	"name" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" integer,
	CONSTRAINT "register_entries_register_check" CHECK ("register_entries"."register" in ('data-sources', 'contracts', 'assessments', 'partnerships'))
);
--> statement-breakpoint
CREATE TABLE "register_entry_actions" (
	"entry_id" integer NOT NULL,
	"action_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_entry_actions_entry_id_action_id_pk" PRIMARY KEY("entry_id","action_id")
);
--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entry_actions" ADD CONSTRAINT "register_entry_actions_entry_id_register_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."register_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "register_entries_name_unique" ON "register_entries" USING btree ("organisation_id","register","name");--> statement-breakpoint
CREATE INDEX "register_entries_register_idx" ON "register_entries" USING btree ("register","organisation_id");--> statement-breakpoint
CREATE INDEX "register_entry_actions_action_idx" ON "register_entry_actions" USING btree ("action_id");