-- What the dashboard shows of an organisation (members, scans and their answers, the active
-- strategy, contracts, knowledge sessions, Brigade questions, the profile) is kept per process for a
-- few seconds (src/core/db/organisation-cache.ts). Every write that changes it sends a notification
-- on the channel rk_organisation_change with the organisation's id, or '*' when it may concern every
-- organisation; each process listens and forgets what it kept. Triggers, not application code, so
-- that no write path can forget to tell (decision 0016's reasoning; decision 0027).
-- Arguments: the column that holds the organisation's id, or the column that holds the id of a row
-- of the parent table named in the second argument, which holds it; none: '*'.
CREATE FUNCTION "notify_organisation_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "column" text := TG_ARGV[0];
  "parent" text := TG_ARGV[1];
  "key" text;
  "organisation" text;
BEGIN
  IF "column" IS NULL THEN
    PERFORM pg_notify('rk_organisation_change', '*');
    RETURN NULL;
  END IF;
  FOREACH "key" IN ARRAY ARRAY[to_jsonb(OLD) ->> "column", to_jsonb(NEW) ->> "column"] LOOP
    CONTINUE WHEN "key" IS NULL;
    "organisation" := "key";
    IF "parent" IS NOT NULL THEN
      EXECUTE format('SELECT organisation_id::text FROM %I WHERE id = $1', "parent")
        INTO "organisation" USING "key"::integer;
    END IF;
    IF "organisation" IS NOT NULL THEN
      PERFORM pg_notify('rk_organisation_change', "organisation");
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "memberships_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "notify_organisation_change"('organisation_id');
--> statement-breakpoint
CREATE TRIGGER "scans_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "scans"
  FOR EACH ROW EXECUTE FUNCTION "notify_organisation_change"('organisation_id');
--> statement-breakpoint
CREATE TRIGGER "scan_answers_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "scan_answers"
  FOR EACH ROW EXECUTE FUNCTION "notify_organisation_change"('scan_id', 'scans');
--> statement-breakpoint
CREATE TRIGGER "scan_consensus_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "scan_consensus"
  FOR EACH ROW EXECUTE FUNCTION "notify_organisation_change"('scan_id', 'scans');
--> statement-breakpoint
CREATE TRIGGER "strategies_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "strategies"
  FOR EACH ROW EXECUTE FUNCTION "notify_organisation_change"('organisation_id');
--> statement-breakpoint
CREATE TRIGGER "strategy_actions_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "strategy_actions"
  FOR EACH ROW EXECUTE FUNCTION "notify_organisation_change"('strategy_id', 'strategies');
--> statement-breakpoint
CREATE TRIGGER "register_entries_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "register_entries"
  FOR EACH ROW EXECUTE FUNCTION "notify_organisation_change"('organisation_id');
--> statement-breakpoint
CREATE TRIGGER "knowledge_session_registrations_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "knowledge_session_registrations"
  FOR EACH ROW EXECUTE FUNCTION "notify_organisation_change"('organisation_id');
--> statement-breakpoint
CREATE TRIGGER "intake_brigade_cases_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "intake_brigade_cases"
  FOR EACH ROW EXECUTE FUNCTION "notify_organisation_change"('organisation_id');
--> statement-breakpoint
CREATE TRIGGER "knowledge_sessions_notify_organisation_change" AFTER UPDATE OR DELETE ON "knowledge_sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_organisation_change"();
--> statement-breakpoint
CREATE TRIGGER "organisations_notify_organisation_change" AFTER UPDATE OR DELETE ON "organisations"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_organisation_change"();
--> statement-breakpoint
CREATE TRIGGER "networks_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "networks"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_organisation_change"();
--> statement-breakpoint
CREATE TRIGGER "network_members_notify_organisation_change" AFTER INSERT OR UPDATE OR DELETE ON "network_members"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_organisation_change"();
