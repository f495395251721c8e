-- Benchmark figures depend on these tables; any write to them bumps benchmark_state.version,
-- which the per-process figure cache compares (src/features/benchmark/benchmark.service.ts).
-- Per statement, not per row: a submission is one bump, however many scores it writes.
INSERT INTO "benchmark_state" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "bump_benchmark_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "benchmark_state" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "scans_bump_benchmark_version" AFTER INSERT OR UPDATE OR DELETE ON "scans"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_benchmark_version"();
--> statement-breakpoint
CREATE TRIGGER "scan_scores_bump_benchmark_version" AFTER INSERT OR UPDATE OR DELETE ON "scan_scores"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_benchmark_version"();
--> statement-breakpoint
CREATE TRIGGER "sharing_settings_bump_benchmark_version" AFTER INSERT OR UPDATE OR DELETE ON "sharing_settings"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_benchmark_version"();
--> statement-breakpoint
CREATE TRIGGER "organisations_bump_benchmark_version" AFTER INSERT OR UPDATE OR DELETE ON "organisations"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_benchmark_version"();
--> statement-breakpoint
CREATE TRIGGER "network_members_bump_benchmark_version" AFTER INSERT OR UPDATE OR DELETE ON "network_members"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_benchmark_version"();
