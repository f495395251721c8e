import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { authThrottle } from '../src/core/auth/auth.tables.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { createUser } from '../src/testing/factories.ts';
import { onEachDatabase } from './lib/databases.ts';
import { fixed, formatTable } from './lib/table.ts';

/**
 * Does the time of an answer tell whether an account exists? Wrong-password sign-ins and
 * forgot-password requests for a known and an unknown address, interleaved, with the known
 * address as the baseline: a ratio near 1.00 means timing reveals nothing. Prints figures only.
 */
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const progress = (message: string) => console.error(`… ${message}`);

function csrfOf(body: string): string {
  return /name="csrf-token" content="([^"]+)"/.exec(body)?.[1] ?? '';
}

async function timedPost(app: FastifyInstance, url: string, form: Record<string, string>, address: string) {
  const page = await app.inject({ method: 'GET', url });
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const payload = new URLSearchParams({ _csrf: csrfOf(page.body), ...form }).toString();
  const started = performance.now();
  const response = await app.inject({
    method: 'POST',
    url,
    remoteAddress: address,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload,
  });
  return { ms: performance.now() - started, status: response.statusCode };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function measure(config: Config, label: string) {
  const database = await openAndPrepareDatabase(config);
  const app = await buildApp({ config, database, logger: false });
  try {
    const known = await createUser(database.db);
    const unknown = 'niemand.bekend@gemeente.example';
    const times = { loginKnown: [] as number[], loginUnknown: [] as number[] };
    const resets = { known: [] as number[], unknown: [] as number[] };
    progress(`${label}: ${rounds} rounds`);
    for (let i = 0; i < rounds; i++) {
      // Fresh counters each round, so that the limits' waits do not enter the figures.
      await database.db.delete(authThrottle);
      const address = `198.18.${Math.floor(i / 250)}.${i % 250}`;
      const order = i % 2 === 0 ? [known.email, unknown] : [unknown, known.email];
      for (const email of order) {
        const login = await timedPost(app, '/login', { email, password: 'a wrong password 123' }, address);
        (email === unknown ? times.loginUnknown : times.loginKnown).push(login.ms);
        const reset = await timedPost(app, '/forgot-password', { email }, address);
        (email === unknown ? resets.unknown : resets.known).push(reset.ms);
      }
    }
    return {
      label,
      login: { known: median(times.loginKnown), unknown: median(times.loginUnknown) },
      reset: { known: median(resets.known), unknown: median(resets.unknown) },
    };
  } finally {
    await app.close();
    app.services.mailer.close();
    await database.close();
  }
}

const rows = await onEachDatabase('signin', measure);
console.log(
  formatTable(
    ['database', 'answer', 'known ms (p50)', 'unknown ms (p50)', 'unknown / known'],
    rows.flatMap((r) => [
      [
        r.label,
        'POST /login (wrong password)',
        fixed(r.login.known, 1),
        fixed(r.login.unknown, 1),
        `${fixed(r.login.unknown / r.login.known, 2)}×`,
      ],
      [
        r.label,
        'POST /forgot-password',
        fixed(r.reset.known, 1),
        fixed(r.reset.unknown, 1),
        `${fixed(r.reset.unknown / r.reset.known, 2)}×`,
      ],
    ]),
  ),
);
console.log(`\n${rounds} interleaved rounds per database; the known address is the baseline (1.00×).`);
