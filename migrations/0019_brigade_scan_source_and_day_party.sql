ALTER TABLE "intake_advisory_days" ADD COLUMN "party" text DEFAULT 'firm' NOT NULL;--> statement-breakpoint
ALTER TABLE "intake_brigade_cases" ADD COLUMN "source_scan_id" integer;--> statement-breakpoint
ALTER TABLE "intake_advisory_days" ADD CONSTRAINT "intake_advisory_days_party_check" CHECK ("intake_advisory_days"."party" in ('firm', 'expert'));