-- Search that understands Dutch (decision 0021): a query word is widened to the words of the
-- practices that it begins ("parkeer" → "parkeergarages") or is one typo away from, found with
-- pg_trgm's trigram index over this vocabulary. pg_trgm is a trusted extension (PostgreSQL 13+):
-- the database's owner may create it; PGlite loads it in src/core/db/pglite-worker.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "practice_search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "practice_search_words_trgm_idx" ON "practice_search_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
-- A trigger, not application code, so that every write path (the form, the demo, a command) adds
-- its words. Words are only added: one that no practice uses any more widens a query to nothing.
CREATE FUNCTION "practice_search_words_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "practice_search_words" ("word")
    SELECT DISTINCT w FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig,
      coalesce(NEW.title, '') || ' ' || coalesce(NEW.summary, '') || ' ' || coalesce(NEW.search_text, '')))) AS w
    WHERE w ~ '^[a-zà-öø-ÿ]{3,40}$'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "practices_search_words" AFTER INSERT OR UPDATE OF "title", "summary", "search_text" ON "practices"
  FOR EACH ROW EXECUTE FUNCTION "practice_search_words_add"();
--> statement-breakpoint
INSERT INTO "practice_search_words" ("word")
  SELECT DISTINCT w FROM "practices" p, unnest(tsvector_to_array(to_tsvector('simple'::regconfig,
    p.title || ' ' || p.summary || ' ' || p.search_text))) AS w
  WHERE w ~ '^[a-zà-öø-ÿ]{3,40}$'
ON CONFLICT DO NOTHING;
