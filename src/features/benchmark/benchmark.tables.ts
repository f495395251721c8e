import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable } from 'drizzle-orm/pg-core';

// The sharing choices moved to the sharing slice; benchmark.demo.ts and its test still import them
// from here until the demo data becomes YAML (not this change's files to edit).
export { sharingSettings, type SharingMode } from '../sharing/index.ts';

/**
 * One row whose version goes up on every write to what benchmark figures depend on (scans and
 * their scores, sharing choices, organisations, network members). Database triggers do the
 * counting (migration 0006), so no write path can forget it; the figure cache compares versions.
 */
export const benchmarkState = pgTable(
  'benchmark_state',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('benchmark_state_single_row', sql`${t.id} = 1`)],
);
