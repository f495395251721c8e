import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable } from 'drizzle-orm/pg-core';

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
