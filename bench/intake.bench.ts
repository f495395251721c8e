import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { createSession } from '../src/core/auth/sessions.ts';
import type { Db } from '../src/core/db/database.ts';
import { addNote, submitCase } from '../src/features/intake/cases.service.ts';
import { logDays } from '../src/features/intake/case-days.service.ts';
import { requestGuide } from '../src/features/intake/guide.service.ts';
import { guideRequests } from '../src/features/intake/intake.tables.ts';
import { removeExpiredPersonalData } from '../src/features/intake/privacy.service.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { createUser, organisationId } from '../src/testing/factories.ts';
import { httpGet } from './lib/http.ts';
import { runLoad } from './lib/load.ts';
import { fixed, formatTable } from './lib/table.ts';
import { onEachDatabase } from './lib/databases.ts';

/**
 * Intake figures: committing a handreiking request with its outbox mail, the coordinators' case page
 * for a busy case (200 timeline entries, 60 day entries), and the retention job over 10,000 expired
 * requests. Prints figures only.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const submissions = 300;
const expiredRequests = 10_000;
const progress = (message: string) => console.error(`… ${message}`);
const settings = {
  locale: 'nl' as const,
  publicUrl: 'http://localhost:3000',
  operatorName: 'Provincie Zuid-Holland',
};

async function timeSubmissions(db: Db) {
  const times: number[] = [];
  for (let i = 0; i < submissions; i++) {
    const started = performance.now();
    await requestGuide(
      db,
      {
        name: `Bench ${i}`,
        email: `bench${i}@gouda.example`,
        organisationId: null,
        organisationOther: 'Bench',
        role: 'Adviseur',
        purpose: null,
      },
      settings,
    );
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(submissions * 0.5)] ?? 0, p95: times[Math.floor(submissions * 0.95)] ?? 0 };
}

async function busyCase(db: Db, actorUserId: number) {
  const caseId = await submitCase(
    db,
    {
      organisationId: await organisationId(db, 'GM0599'),
      contactName: 'Noor Bakker',
      contactEmail: 'noor.bakker@rotterdam.example',
      contactPhone: null,
      category: 'antenna',
      description: 'Antennebeleid',
      urgency: 'normal',
      contactPreference: 'email',
      submittedByUserId: null,
    },
    settings,
  );
  for (let i = 0; i < 140; i++) await addNote(db, caseId, `Notitie ${i}`, actorUserId);
  for (let i = 0; i < 60; i++) {
    await logDays(db, caseId, {
      workDate: '2026-10-01',
      person: 'Adviseur',
      party: 'firm',
      hours: 1,
      description: 'Werk',
      overrunReason: '',
      actorUserId,
    });
  }
  return caseId;
}

async function timeRetention(db: Db) {
  await db.execute(sql`insert into ${guideRequests} (name, email, role, token_hash, token_expires_at)
    select 'Oud ' || g, 'oud' || g || '@example.test', 'Adviseur', 'bench-' || g, now() - interval '30 months'
    from generate_series(1, ${expiredRequests}) as g`);
  const started = performance.now();
  const result = await removeExpiredPersonalData(db, 24);
  return { ms: performance.now() - started, removed: result.requests };
}

async function measure(config: Config, label: string) {
  const database = await openAndPrepareDatabase(config);
  try {
    progress(`${label}: ${submissions} handreiking requests`);
    const submit = await timeSubmissions(database.db);
    const coordinator = await createUser(database.db, { coordinates: ['zuid-holland'] });
    const caseId = await busyCase(database.db, coordinator.id);
    const app = await buildApp({ config, database, logger: false });
    try {
      const origin = await app.listen({ port: 0, host: '127.0.0.1' });
      const url = `${origin}/networks/zuid-holland/brigade/${caseId}`;
      const headers = { cookie: `rk_session=${await createSession(database.db, coordinator.id)}` };
      if ((await httpGet(url, { headers })) !== 200) throw new Error('case page did not answer 200');
      progress(`${label}: GET case page for ${seconds} s`);
      const page = await runLoad({
        url,
        headers,
        concurrency: 10,
        durationMs: seconds * 1000,
        warmupMs: 2000,
      });
      progress(`${label}: retention over ${expiredRequests} expired requests`);
      const retention = await timeRetention(database.db);
      return { label, submit, page, retention };
    } finally {
      await app.close();
      app.services.mailer.close();
    }
  } finally {
    await database.close();
  }
}

const rows = await onEachDatabase('intake', measure);

console.log(
  formatTable(
    [
      'database',
      'request+mail p50 ms',
      'p95 ms',
      'case page rps',
      'page p95 ms',
      'non-2xx',
      `retention ${expiredRequests} ms`,
    ],
    rows.map((r) => [
      r.label,
      fixed(r.submit.p50, 2),
      fixed(r.submit.p95, 2),
      fixed(r.page.rps, 0),
      fixed(r.page.p95, 1),
      String(r.page.non2xx + r.page.errors),
      fixed(r.retention.ms, 0),
    ]),
  ),
);
console.log(
  JSON.stringify({
    bench: 'intake',
    databases: rows.map((r) => ({
      database: r.label,
      submit: r.submit,
      pageRps: r.page.rps,
      pageP95: r.page.p95,
      retentionMs: r.retention.ms,
      removed: r.retention.removed,
    })),
  }),
);
