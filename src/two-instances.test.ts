import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { openDatabase, type Database } from './core/db/database.ts';
import { enqueueMail } from './core/mail/outbox.ts';
import { createUser, testPassword } from './testing/factories.ts';
import { validBrigadeForm } from './features/intake/intake.fixtures.ts';
import { databaseUrlFor } from './testing/test-database.ts';
import { prepareDatabase } from './startup.ts';

/**
 * Two application processes on one PostgreSQL database, as behind a load balancer. This needs a
 * PostgreSQL server, so the suite exists only when TEST_DATABASE_URL is set: on the embedded database
 * one process owns the data (the lock), and a "two instances" test there would prove nothing. Run it
 * with `TEST_DATABASE_URL=postgres://… npm test -- two-instances` (CI does, on PostgreSQL).
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const root = path.resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A browser over fetch: keeps the cookies it is given, reads the CSRF token from pages. */
class Browser {
  private readonly cookies = new Map<string, string>();
  async request(base: string, url: string, form?: Record<string, string>) {
    const response = await fetch(`${base}${url}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), value.join('='));
    }
    return { status: response.status, body: await response.text() };
  }
  async csrf(base: string, url = '/accessibility'): Promise<string> {
    const page = await this.request(base, url);
    const match = /name="csrf-token" content="([^"]+)"/.exec(page.body);
    assert.ok(match?.[1], `no CSRF token on ${url}`);
    return match[1];
  }
}

if (serverUrl) {
  describe('two application instances on one PostgreSQL database', () => {
    const name = `rk_two_${randomBytes(6).toString('hex')}`;
    const url = databaseUrlFor(serverUrl, name);
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(/^Subject: (.*)$/m.exec(text)?.[1] ?? '');
          callback();
        });
      },
    });
    const processes: ChildProcess[] = [];
    const bases: string[] = [];
    let database: Database;

    before(async () => {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      database = await openDatabase({ databaseUrl: url, poolSize: 2 });
      await prepareDatabase(database);
      const smtpPort = await freePort();
      await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('NODE_TEST'));
        processes.push(
          spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
            cwd: root,
            stdio: 'ignore',
            env: {
              ...Object.fromEntries(inherited),
              DATABASE_URL: url,
              PORT: String(port),
              PUBLIC_URL: `http://127.0.0.1:${port}`,
              SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
              LOG_LEVEL: 'warn',
            },
          }),
        );
        bases.push(`http://127.0.0.1:${port}`);
      }
      for (const base of bases) {
        let isReady = false;
        for (let i = 0; i < 1200 && !isReady; i++) {
          isReady = await fetch(`${base}/health/ready`).then(
            (r) => r.ok,
            () => false,
          );
          if (!isReady) await sleep(100);
        }
        assert.ok(isReady, `${base} became ready`);
      }
    });

    after(async () => {
      for (const child of processes) child.kill('SIGKILL');
      await database?.close();
      smtp.close();
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    it('answers liveness and readiness on both', async () => {
      for (const base of bases) {
        assert.equal((await fetch(`${base}/health/live`)).status, 200);
        const ready = await fetch(`${base}/health/ready`);
        assert.deepEqual(await ready.json(), { status: 'ok', database: 'postgres' });
      }
    });

    it('accepts a session made on one instance on the other', async () => {
      const user = await createUser(database.db, { memberOf: { GM0599: 'editor' } });
      const browser = new Browser();
      const [a = '', b = ''] = bases;
      const signIn = await browser.request(a, '/login', {
        _csrf: await browser.csrf(a),
        email: user.email,
        password: testPassword,
      });
      assert.equal(signIn.status, 303);
      assert.equal((await browser.request(b, '/o/GM0599/members')).status, 200, 'signed in on B');
      assert.notEqual((await new Browser().request(b, '/o/GM0599/members')).status, 200, 'not without it');
      await browser.request(b, '/logout', { _csrf: await browser.csrf(b) });
      assert.notEqual((await browser.request(a, '/o/GM0599/members')).status, 200, 'signed out on A too');
    });

    it('sees a role change and a logout made through one instance on the other at once, though each keeps sessions for seconds', async () => {
      const [a = '', b = ''] = bases;
      const signIn = async (base: string, email: string) => {
        const browser = new Browser();
        const response = await browser.request(base, '/login', {
          _csrf: await browser.csrf(base),
          email,
          password: testPassword,
        });
        assert.equal(response.status, 303);
        return browser;
      };
      const chief = await createUser(database.db, { memberOf: { GM0503: 'admin' } });
      const member = await createUser(database.db, { memberOf: { GM0503: 'admin' } });
      const admin = await signIn(a, chief.email);
      const browser = await signIn(a, member.email);
      // Each instance now keeps the member's session in memory (decision 0016).
      for (const base of [a, b, a, b])
        assert.equal((await browser.request(base, '/o/GM0503/api-tokens')).status, 200, 'an administrator');

      const changed = await admin.request(a, `/o/GM0503/members/${member.id}/role`, {
        _csrf: await admin.csrf(a, '/o/GM0503/members'),
        role: 'viewer',
        expectedRole: 'admin',
      });
      assert.equal(changed.status, 303, 'the role was changed through A');
      assert.equal((await browser.request(b, '/o/GM0503/api-tokens')).status, 403, 'a viewer on B at once');
      assert.equal((await browser.request(a, '/o/GM0503/api-tokens')).status, 403, 'and on A');
      assert.equal((await browser.request(b, '/o/GM0503')).status, 200, 'still signed in');

      await browser.request(b, '/o/GM0503');
      await browser.request(a, '/o/GM0503');
      await browser.request(b, '/logout', { _csrf: await browser.csrf(b) });
      const afterLogout = await browser.request(a, '/o/GM0503');
      assert.notEqual(afterLogout.status, 200, 'signed out on A at once');
    });

    it('delivers 100 queued mails, each once, between the two', async () => {
      const subjects = Array.from({ length: 100 }, (_, i) => `Twee instanties ${i}`);
      await database.db.transaction(async (tx) => {
        for (const subject of subjects)
          await enqueueMail(tx, { to: 'ontvanger@gemeente.example', subject, text: 'Hallo' });
      });
      for (let i = 0; i < 600; i++) {
        if (received.filter((s) => s.startsWith('Twee instanties')).length >= 100) break;
        await sleep(100);
      }
      await sleep(6_000); // another round of both mail jobs: nothing more may arrive
      const ours = received.filter((s) => s.startsWith('Twee instanties')).sort();
      assert.deepEqual(ours, [...subjects].sort());
    });

    it('counts failed sign-ins across both: after five failures either instance makes the next try wait', async () => {
      const user = await createUser(database.db);
      const browser = new Browser();
      for (let i = 0; i < 6; i++) {
        const base = bases[i % 2] ?? '';
        const attempt = await browser.request(base, '/login', {
          _csrf: await browser.csrf(base),
          email: user.email,
          password: 'wrong password, attempt',
        });
        assert.equal(attempt.status, i < 5 ? 401 : 429, `attempt ${i + 1} on instance ${(i % 2) + 1}`);
      }
      const [a = ''] = bases;
      const right = await browser.request(a, '/login', {
        _csrf: await browser.csrf(a),
        email: user.email,
        password: testPassword,
      });
      assert.equal(right.status, 429, 'waits on A after failures spread over A and B');
    });

    it('counts public-form submissions across both: the sixth in an hour is refused', async () => {
      const browser = new Browser();
      const [a = '', b = ''] = bases;
      // Each stamp is good for one submission: one form page per submission, alternating instances.
      const stamps: string[] = [];
      for (let i = 0; i < 6; i++) {
        const page = await browser.request(i % 2 === 0 ? a : b, '/handreiking');
        const stamp = /name="form_started" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        assert.ok(stamp);
        stamps.push(stamp);
      }
      await sleep(3_200); // the form's minimum fill-in time
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const base = i % 2 === 0 ? a : b;
        const response = await browser.request(base, '/handreiking', {
          _csrf: await browser.csrf(base, '/handreiking'),
          form_started: stamps[i] ?? '',
          name: 'Maartje de Graaf',
          email: `maartje${i}@alphen.example`,
          organisation: 'GM0484',
          organisationOther: '',
          role: 'Beleidsadviseur',
          purpose: 'Onze eigen strategie',
          consent: 'yes',
          website: '',
        });
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429]);
    });

    it('runs a scheduled job on one instance at a time (advisory lock)', async () => {
      const other = await openDatabase({ databaseUrl: url, poolSize: 2 });
      try {
        let running = 0;
        let most = 0;
        const job = async () => {
          running++;
          most = Math.max(most, running);
          await sleep(300);
          running--;
        };
        const [first, second] = await Promise.all([
          database.runExclusive('job:test', job),
          other.runExclusive('job:test', job),
        ]);
        assert.equal(most, 1, 'never two at once');
        assert.deepEqual([first, second].sort(), [false, true], 'one ran, the other skipped its turn');
        assert.equal(await other.runExclusive('job:test', job), true, 'the lock is free again');
      } finally {
        await other.close();
      }
    });

    it("shows a change to an organisation's data made through one instance on the other's next dashboard, though each keeps it for seconds", async () => {
      const [a = '', b = ''] = bases;
      const editor = await createUser(database.db, { memberOf: { GM0505: 'editor' } });
      const browser = new Browser();
      await browser.request(a, '/login', {
        _csrf: await browser.csrf(a),
        email: editor.email,
        password: testPassword,
      });
      const followed = /Connectiviteit Brigade \(nr\. \d+/;
      const dashboard = async (base: string) =>
        (await browser.request(base, '/o/GM0505')).body.replace(/\s+/g, ' ');
      // Each instance now keeps the organisation's dashboard in memory (decision 0027).
      for (const base of [a, b, a, b]) assert.doesNotMatch(await dashboard(base), followed);
      const asked = await browser.request(a, '/o/GM0505/brigade', {
        _csrf: await browser.csrf(a, '/o/GM0505/brigade/new'),
        ...validBrigadeForm,
        municipality: 'GM0505',
      });
      assert.equal(asked.status, 303, 'the Brigade question was asked through A');
      assert.match(await dashboard(b), followed, 'B follows it on its next request');
      assert.match(await dashboard(a), followed, 'and A');
    });

    it('shares the benchmark data version its caches are keyed by: a change through A is shown by B on its next request', async () => {
      const version = async () =>
        (
          (await database.db.execute(sql`select version from benchmark_state`)) as unknown as {
            rows: { version: number }[];
          }
        ).rows[0]?.version;
      const admin = await createUser(database.db, { memberOf: { GM0599: 'admin' } });
      const browser = new Browser();
      const [a = '', b = ''] = bases;
      await browser.request(a, '/login', {
        _csrf: await browser.csrf(a),
        email: admin.email,
        password: testPassword,
      });
      const before = (await browser.request(b, '/o/GM0599/sharing')).body;
      const startVersion = await version();
      const changed = await browser.request(a, '/o/GM0599/sharing', {
        _csrf: await browser.csrf(a, '/o/GM0599/sharing'),
        mode: 'named',
      });
      assert.equal(changed.status, 303, 'the sharing choice was saved through A');
      assert.ok(((await version()) ?? 0) > (startVersion ?? 0), 'the benchmark data version went up');
      const afterwards = (await browser.request(b, '/o/GM0599/sharing')).body;
      assert.notEqual(afterwards, before, 'B shows the new choice on its next request');
    });
  });
}
