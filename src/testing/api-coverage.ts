import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../core/db/database.ts';
import { ApiContract, servedDocument } from './api-contract.ts';
import type { Exercise } from './api-contract-watch.ts';

/** An operation of the document that no test saw succeed, with the statuses the tests did see. */
export interface Uncovered {
  operation: string;
  statuses: number[];
}

/** The answers the test processes of a run noted in `dir` (src/testing/api-contract-watch.ts). */
export function readExercises(dir: string): Exercise[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Exercise[]);
}

const isSuccess = (status: number) => status >= 200 && status < 400;

/**
 * The operations no test saw answer with success (2xx, or 3xx such as 304). Refusals do not count:
 * the access test (src/app-access.test.ts) and the input property test call every route with a
 * missing token or bad input, which says nothing about whether the operation does its work.
 */
export function uncoveredOperations(operations: string[], exercises: Exercise[]): Uncovered[] {
  const seen = new Map<string, Set<number>>();
  for (const e of exercises) {
    const key = `${e.method} ${e.path}`;
    seen.set(key, (seen.get(key) ?? new Set()).add(e.status));
  }
  return operations
    .filter((operation) => ![...(seen.get(operation) ?? [])].some(isSuccess))
    .map((operation) => ({ operation, statuses: [...(seen.get(operation) ?? [])].sort((a, b) => a - b) }))
    .sort((a, b) => a.operation.localeCompare(b.operation));
}

/**
 * The operations of the document an installation with the default configuration serves (as
 * scripts/lint-api.ts lints it), not the test app's, so that coverage is judged on what clients get.
 */
export async function defaultOperations(database: Database): Promise<string[]> {
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false });
  try {
    await app.ready();
    return ApiContract.from(servedDocument(app)).operations();
  } finally {
    await app.close();
  }
}

/** One line per uncovered operation, for the runner's report. */
export function describeUncovered(uncovered: Uncovered[]): string {
  return uncovered
    .map(
      (u) =>
        `  - ${u.operation}` +
        (u.statuses.length > 0 ? ` (only ${u.statuses.join(', ')} seen)` : ' (never called)'),
    )
    .join('\n');
}
