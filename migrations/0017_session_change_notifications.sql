-- What a signed-in request knows of its user (the session, the memberships with their
-- organisations' names, the coordinated networks) is kept per process for a few seconds
-- (src/core/auth/session-cache.ts). Every write that changes it sends a notification on the channel
-- rk_session_change, with the user's id, or '*' when it may concern everyone; each process listens
-- and forgets what it kept. Triggers, not application code, so that no write path (a command, an
-- invitation, a restore, a second instance) can forget to tell. Decision 0016.
CREATE FUNCTION "notify_session_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "column" text := TG_ARGV[0];
BEGIN
  IF "column" IS NULL THEN
    PERFORM pg_notify('rk_session_change', '*');
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('rk_session_change', to_jsonb(OLD) ->> "column");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('rk_session_change', to_jsonb(NEW) ->> "column");
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "sessions_notify_session_change" AFTER UPDATE OR DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "notify_session_change"('user_id');
--> statement-breakpoint
CREATE TRIGGER "memberships_notify_session_change" AFTER INSERT OR UPDATE OR DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "notify_session_change"('user_id');
--> statement-breakpoint
CREATE TRIGGER "network_coordinators_notify_session_change" AFTER INSERT OR UPDATE OR DELETE ON "network_coordinators"
  FOR EACH ROW EXECUTE FUNCTION "notify_session_change"('user_id');
--> statement-breakpoint
CREATE TRIGGER "users_notify_session_change" AFTER UPDATE OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "notify_session_change"('id');
--> statement-breakpoint
CREATE TRIGGER "organisations_notify_session_change" AFTER UPDATE OF "code", "name", "display_name", "kind" OR DELETE ON "organisations"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_session_change"();
--> statement-breakpoint
CREATE TRIGGER "networks_notify_session_change" AFTER UPDATE OF "code" OR DELETE ON "networks"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_session_change"();
