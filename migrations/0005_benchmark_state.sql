CREATE TABLE "benchmark_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "benchmark_state_single_row" CHECK ("benchmark_state"."id" = 1)
);
