import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
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
    const times = { loginKnown: [] as number[], loginUnknown: [] as number[] };
    const resets = { known: [] as number[], unknown: [] as number[] };
    // Every request comes from an address of its own, for an account of its own, so that no
    // counter of the limits (per address, per account, reset mails) is ever past its free tries.
    let addresses = 0;
    const freshAddress = () => {
      const n = addresses++;
      return `198.18.${Math.floor(n / 250)}.${n % 250}`;
    };
    progress(`${label}: ${rounds} rounds`);
    for (let i = 0; i < rounds; i++) {
      const known = await createUser(database.db);
      const knownForReset = await createUser(database.db);
      const unknown = {
        login: `niemand.${i}@gemeente.example`,
        reset: `niemand.reset.${i}@gemeente.example`,
      };
      const cases = [
        { isKnown: true, login: known.email, reset: knownForReset.email },
        { isKnown: false, ...unknown },
      ];
      for (const c of i % 2 === 0 ? cases : cases.reverse()) {
        const login = await timedPost(
          app,
          '/login',
          { email: c.login, password: 'a wrong password 123' },
          freshAddress(),
        );
        (c.isKnown ? times.loginKnown : times.loginUnknown).push(login.ms);
        const reset = await timedPost(app, '/forgot-password', { email: c.reset }, freshAddress());
        (c.isKnown ? resets.known : resets.unknown).push(reset.ms);
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
