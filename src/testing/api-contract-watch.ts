import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiContract, documentedPath, servedDocument } from './api-contract.ts';

/** Set by scripts/run-tests.ts: the directory where each test process notes the API answers it saw. */
export const apiCoverageDirEnv = 'RK_TEST_API_COVERAGE_DIR';

/** One kind of answer a test saw: an operation as the document names it, and the status. */
export interface Exercise {
  method: string;
  path: string;
  status: number;
}

export interface ContractWatch {
  /** What broke the document so far, each line naming the request. */
  readonly violations: readonly string[];
  /** Throws an error that lists every violation, when there is one. */
  assertKept(): void;
}

/** Every answer of this process, for the run's coverage; written when the process exits. */
const exercised = new Map<string, Exercise>();
const watches = new Set<{ violations: string[]; isReported: boolean }>();
let isExitHooked = false;

/**
 * Checks every answer of `app` to a request under /api/v1 against the document the app serves
 * (src/testing/api-contract.ts): the route's documented path, the status, the required headers and
 * the body. Call before `app.ready()`. A violation does not change the answer, so the test sees what
 * the route sent; it is printed at once and collected, and `assertKept()` (the test app's close)
 * fails with all of them. A process that exits with violations no close reported exits with 1.
 * The document's own answer (openapi.json) is noted for coverage but not checked against itself.
 */
export function watchApiContract(app: FastifyInstance, options: { print?: boolean } = {}): ContractWatch {
  hookExit();
  const state = { violations: [] as string[], isReported: false };
  watches.add(state);
  let contract: ApiContract | undefined;
  app.addHook('onSend', async (request, reply, payload) => {
    const routeUrl = request.routeOptions.url;
    const documented = routeUrl === undefined ? undefined : documentedPath(routeUrl);
    // An unmatched URL is no operation; HEAD is Fastify's copy of a GET, not in the document.
    if (documented === undefined || request.method === 'HEAD') return payload;
    const exercise = { method: request.method, path: documented, status: reply.statusCode };
    exercised.set(`${exercise.method} ${exercise.path} ${exercise.status}`, exercise);
    if (documented === '/openapi.json') return payload;
    contract ??= ApiContract.from(servedDocument(app));
    const found = contract.violations(request.method, documented, {
      statusCode: reply.statusCode,
      headers: reply.getHeaders(),
      body: readableBody(payload, reply),
    });
    for (const violation of found) {
      const line = `${violation} (to ${request.method} ${request.url})`;
      state.violations.push(line);
      if (options.print !== false) console.error(`API contract: ${line}`);
    }
    return payload;
  });
  return {
    violations: state.violations,
    assertKept() {
      state.isReported = true;
      if (state.violations.length > 0) throw new Error(contractMessage(state.violations));
    },
  };
}

/** The body as text; undefined when it is a stream (compressed for a client that asked). */
function readableBody(payload: unknown, reply: FastifyReply): string | undefined {
  if (reply.getHeader('content-encoding') !== undefined) return undefined;
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return undefined;
}

const contractMessage = (violations: string[]) =>
  `${violations.length} API answer(s) broke the OpenAPI document the app serves:\n` +
  violations.map((v) => `  - ${v}`).join('\n') +
  '\nFix the route or its schema (docs/api.md, "Contract tests").';

/** The answers this process saw so far, as it will note them for the run. */
export const exercisedSoFar = (): Exercise[] => [...exercised.values()];

function hookExit(): void {
  if (isExitHooked) return;
  isExitHooked = true;
  process.on('exit', () => {
    const unreported = [...watches].filter((w) => !w.isReported).flatMap((w) => w.violations);
    if (unreported.length > 0) {
      console.error(contractMessage(unreported));
      process.exitCode = 1;
    }
    const dir = process.env[apiCoverageDirEnv];
    if (dir && exercised.size > 0)
      fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify([...exercised.values()]));
  });
}
