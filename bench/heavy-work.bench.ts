import http from 'node:http';
import os from 'node:os';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { createSession } from '../src/core/auth/sessions.ts';
import { submittedScan } from '../src/features/documents/documents.fixtures.ts';
import { contractsWorkbook } from '../src/features/registries/registries-workbook.fixtures.ts';
import { createStrategyForTest } from '../src/features/strategy/strategy-builders.fixtures.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { createUser, organisationId } from '../src/testing/factories.ts';
import { onEachDatabase } from './lib/databases.ts';
import { percentile } from './lib/load.ts';
import { fixed, formatTable } from './lib/table.ts';

/**
 * Heavy work off the request thread (issue #14): /health latency with nothing else going on, then
 * while four exports (strategy PDF and DOCX, the roadmap PNG, the scan PDF) and one import of a
 * 5,000 × 12 contracts workbook run at once, in the same run and process. Target: p99 under load
 * below 50 ms. Also prints how long each heavy request took. Prints figures only.
 */
const idleSeconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const progress = (message: string) => console.error(`… ${message}`);
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function send(
  origin: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<{ status: number; body: string; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${origin}${path}`,
      { method: options.method ?? 'GET', headers: options.headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            cookies: (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? ''),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** /health one request after the other until `until` resolves (or for `ms`); the latencies, sorted. */
async function healthLatencies(origin: string, until: Promise<unknown> | number): Promise<Float64Array> {
  const times: number[] = [];
  let done = false;
  if (typeof until === 'number') setTimeout(() => (done = true), until);
  else void until.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    await send(origin, '/health');
    times.push(performance.now() - started);
  }
  return Float64Array.from(times).sort();
}

async function measure(config: Config, label: string) {
  progress(`${label}: preparing a scan, a strategy of 40 actions and an editor`);
  const database = await openAndPrepareDatabase(config);
  const app = await buildApp({ config, database, logger: false });
  try {
    const { db } = database;
    const { scanId } = await submittedScan(db, 'GM0599');
    await createStrategyForTest(db, await organisationId(db, 'GM0599'), { actions: 40 });
    const editor = await createUser(db, { memberOf: { GM0599: 'editor' } });
    const session = `rk_session=${await createSession(db, editor.id)}`;
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const page = await send(origin, '/o/GM0599/documents/strategy', { headers: { cookie: session } });
    // The form token belongs to the browser cookie that the page set.
    const cookie = [session, ...page.cookies].join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from(new URLSearchParams({ _csrf: csrf, ...fields }).toString()),
    });
    const workbook = await contractsWorkbook(5000);
    const boundary = '----rk-bench';
    const upload = {
      method: 'POST',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        workbook,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    };
    const heavy: [string, string, ReturnType<typeof form> | undefined][] = [
      ['strategy PDF', '/o/GM0599/documents/strategy', form({ format: 'pdf', language: 'nl' })],
      ['strategy DOCX', '/o/GM0599/documents/strategy', form({ format: 'docx', language: 'nl' })],
      ['roadmap PNG', '/o/GM0599/strategy/roadmap.png', undefined],
      ['scan PDF', `/o/GM0599/scans/${scanId}/documents`, form({ format: 'pdf', language: 'nl' })],
      ['import 5,000 × 12', '/o/GM0599/registers/contracts/import', upload],
    ];
    progress(`${label}: warming up (each heavy request once, one at a time)`);
    for (const [, path, options] of heavy)
      await send(origin, path, { ...options, headers: options?.headers ?? { cookie } });
    progress(`${label}: the 5,000 × 12 import alone, ${rounds} times`);
    const importAlone: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const started = performance.now();
      const response = await send(origin, '/o/GM0599/registers/contracts/import', upload);
      if (response.status >= 400) throw new Error(`the import alone answered ${response.status}`);
      importAlone.push(performance.now() - started);
    }
    progress(`${label}: /health alone for ${idleSeconds} s`);
    const idle = await healthLatencies(origin, idleSeconds * 1000);
    const loaded: number[] = [];
    const took = new Map<string, number[]>();
    const statuses = new Set<string>();
    for (let round = 1; round <= rounds; round++) {
      progress(`${label}: round ${round}: four exports and one import at once, /health meanwhile`);
      const all = Promise.all(
        heavy.map(async ([name, path, options]) => {
          const started = performance.now();
          const response = await send(origin, path, { ...options, headers: options?.headers ?? { cookie } });
          took.set(name, [...(took.get(name) ?? []), performance.now() - started]);
          statuses.add(`${name} ${response.status}`);
        }),
      );
      loaded.push(...(await healthLatencies(origin, all)));
      await all;
    }
    const busy = Float64Array.from(loaded).sort();
    took.set('import 5,000 × 12, alone', importAlone);
    return { label, idle, busy, took, statuses: [...statuses].sort() };
  } finally {
    await app.close();
    await database.close();
  }
}

const loadAtStart = os.loadavg()[0] ?? 0;
const results = await onEachDatabase('heavy', measure);
console.log(
  `/health while heavy work runs (${rounds} rounds; ${os.availableParallelism()} cores, load average at start ${fixed(loadAtStart, 2)})`,
);
console.log(
  formatTable(
    [
      'database',
      'alone p50 ms',
      'alone p99 ms',
      'under load p50 ms',
      'under load p99 ms',
      'max ms',
      'p99 ratio',
      'target p99 ms',
      'samples',
    ],
    results.map(({ label, idle, busy }) => [
      label,
      fixed(percentile(idle, 0.5), 1),
      fixed(percentile(idle, 0.99), 1),
      fixed(percentile(busy, 0.5), 1),
      fixed(percentile(busy, 0.99), 1),
      fixed(busy.at(-1), 1),
      fixed(percentile(busy, 0.99) / Math.max(0.001, percentile(idle, 0.99)), 1),
      '50',
      busy.length,
    ]),
  ),
);
for (const { label, took, statuses } of results) {
  console.log(`${label}: each heavy request, slowest of the rounds (target for the import: under 3,000 ms)`);
  console.log(
    formatTable(
      ['request', 'ms'],
      [...took].map(([name, times]) => [name, fixed(Math.max(...times))]),
    ),
  );
  console.log(`  statuses: ${statuses.join(', ')}`);
}
agent.destroy();
