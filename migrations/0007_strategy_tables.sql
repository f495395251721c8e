CREATE TABLE "strategies" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"framework_version" text NOT NULL,
	"version_number" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"title" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"tasks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "strategies_status_check" CHECK ("strategies"."status" in ('active', 'archived')),
	CONSTRAINT "strategies_period_check" CHECK ("strategies"."start_year" between 2000 and 2100 and "strategies"."end_year" >= "strategies"."start_year")
);
--> statement-breakpoint
CREATE TABLE "strategy_action_dependencies" (
	"action_id" integer NOT NULL,
	"depends_on_id" integer NOT NULL,
	CONSTRAINT "strategy_action_dependencies_action_id_depends_on_id_pk" PRIMARY KEY("action_id","depends_on_id"),
	CONSTRAINT "strategy_action_dependencies_self_check" CHECK ("strategy_action_dependencies"."action_id" <> "strategy_action_dependencies"."depends_on_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_action_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"strategy_id" integer NOT NULL,
	"action_id" integer NOT NULL,
	"action_title" text NOT NULL,
	"kind" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor_user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"strategy_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"pillar" text NOT NULL,
	"theme_id" text NOT NULL,
	"framework_action_id" text,
	"task_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"departments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_year" integer NOT NULL,
	"start_quarter" smallint NOT NULL,
	"end_year" integer NOT NULL,
	"end_quarter" smallint NOT NULL,
	"budget_cents" bigint,
	"budget_kind" text,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_actions_quarters_check" CHECK ("strategy_actions"."start_quarter" between 1 and 4 and "strategy_actions"."end_quarter" between 1 and 4),
	CONSTRAINT "strategy_actions_order_check" CHECK ("strategy_actions"."start_year" * 4 + "strategy_actions"."start_quarter" <= "strategy_actions"."end_year" * 4 + "strategy_actions"."end_quarter"),
	CONSTRAINT "strategy_actions_progress_check" CHECK ("strategy_actions"."progress" between 0 and 100),
	CONSTRAINT "strategy_actions_status_check" CHECK ("strategy_actions"."status" in ('planned', 'running', 'done', 'paused', 'stopped')),
	CONSTRAINT "strategy_actions_budget_check" CHECK ("strategy_actions"."budget_kind" is null or "strategy_actions"."budget_kind" in ('structural', 'incidental', 'project')),
	CONSTRAINT "strategy_actions_budget_amount_check" CHECK ("strategy_actions"."budget_cents" is null or "strategy_actions"."budget_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_framework_version_framework_versions_version_fk" FOREIGN KEY ("framework_version") REFERENCES "public"."framework_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_action_dependencies" ADD CONSTRAINT "strategy_action_dependencies_action_id_strategy_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."strategy_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_action_dependencies" ADD CONSTRAINT "strategy_action_dependencies_depends_on_id_strategy_actions_id_fk" FOREIGN KEY ("depends_on_id") REFERENCES "public"."strategy_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_action_history" ADD CONSTRAINT "strategy_action_history_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_action_history" ADD CONSTRAINT "strategy_action_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_actions" ADD CONSTRAINT "strategy_actions_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "strategies_one_active_idx" ON "strategies" USING btree ("organisation_id") WHERE "strategies"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "strategies_version_number_idx" ON "strategies" USING btree ("organisation_id","version_number");--> statement-breakpoint
CREATE INDEX "strategy_action_dependencies_target_idx" ON "strategy_action_dependencies" USING btree ("depends_on_id");--> statement-breakpoint
CREATE INDEX "strategy_action_history_action_idx" ON "strategy_action_history" USING btree ("action_id","at");--> statement-breakpoint
CREATE INDEX "strategy_actions_strategy_idx" ON "strategy_actions" USING btree ("strategy_id");