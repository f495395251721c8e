import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { memberships, networkCoordinators, users } from '../core/auth/auth.tables.ts';
import { verifyPassword } from '../core/auth/passwords.ts';
import { auditLog, networks, organisations } from '../core/db/core.tables.ts';
import { openDatabase, type Database, type Db } from '../core/db/database.ts';
import { TestClient } from '../testing/test-app.ts';
import { databaseUrlFor } from '../testing/test-database.ts';
import { demoPeople } from './demo-people.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'routekaart.js');
/** Each command starts tsx and opens the database (PGlite: up to a few seconds); be generous. */
const timeout = 120_000;
const strongPassword = 'Kaart-Route-2026-veilig!';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The settings the CLI reads, removed from the inherited environment so that only ours count. */
const configKeys = [
  'DATABASE_URL',
  'DATA_DIR',
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'SMTP_URL',
  'MAIL_FROM',
  'LOG_LEVEL',
  'TRUST_PROXY',
  'CONTACT_EMAIL',
  'NODE_TEST_CONTEXT',
];

function cliEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !configKeys.includes(key));
  return { ...Object.fromEntries(inherited), ...settings };
}

/** Runs `node bin/routekaart.js …` as a user would, with the password (if any) on standard input. */
function runCli(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliResult> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.on('error', () => undefined); // A command that fails early does not read its input.
  child.stdin.end(stdin);
  const killer = setTimeout(() => child.kill('SIGKILL'), timeout - 10_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A clear message is one line of explanation, not a stack trace. */
function assertClearFailure(result: CliResult, code: number, message: RegExp): void {
  assert.equal(result.code, code, `exit code; stderr: ${result.stderr}`);
  assert.match(result.stderr, message);
  assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
  assert.doesNotMatch(result.stdout, /Created/);
}

interface Target {
  kind: 'pglite' | 'postgres';
  env: NodeJS.ProcessEnv;
  /** PGlite: only while no command runs, as the data directory lock allows one process at a time. */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** A fresh, empty database: a PostgreSQL database when TEST_DATABASE_URL is set, else a PGlite data directory. */
async function freshTarget(): Promise<Target> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-cli-'));
  if (!serverUrl) {
    return {
      kind: 'pglite',
      env: cliEnv({ DATA_DIR: dataDir }),
      open: () => openDatabase({ dataDir }),
      dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `rk_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const databaseUrl = databaseUrlFor(serverUrl, name);
  return {
    kind: 'postgres',
    // DATA_DIR points at an empty directory: the commands must not use it when DATABASE_URL is set.
    env: cliEnv({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir }),
    open: () => openDatabase({ databaseUrl, poolSize: 2 }),
    async dispose() {
      try {
        // pg's pool.end() resolves before its connections have closed; a forced drop would kill them
        // mid-goodbye, and the pool (which has no 'error' listener) would crash this process. Wait for them.
        for (let i = 0; i < 100; i++) {
          const { rows } = await admin.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function withDatabase<T>(target: Target, work: (db: Db, database: Database) => Promise<T>): Promise<T> {
  const database = await target.open();
  try {
    return await work(database.db, database);
  } finally {
    await database.close();
  }
}

async function countRows(
  db: Db,
  table: typeof users | typeof memberships | typeof networkCoordinators,
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

async function startOtherProcess(): Promise<ChildProcess & { pid: number }> {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  assert.ok(child.pid);
  return child as ChildProcess & { pid: number };
}

describe('the routekaart command line', () => {
  let target: Target;

  before(async () => {
    target = await freshTarget();
  });
  after(() => target.dispose());

  it('migrate prepares an empty database (schema and reference data) and exits 0', { timeout }, async () => {
    const result = await runCli(['migrate'], target.env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`Database is up to date \\(${target.kind}\\)`));
    await withDatabase(target, async (db) => {
      const [row] = await db
        .select({ n: count() })
        .from(organisations)
        .where(eq(organisations.kind, 'municipality'));
      assert.equal(row?.n, 342);
      assert.equal(await countRows(db, users), 0);
    });
    if (target.kind === 'postgres') {
      assert.equal(
        fs.readdirSync(String(target.env.DATA_DIR)).length,
        0,
        'with DATABASE_URL the data directory stays unused',
      );
    }
  });

  it(
    'create-user makes an account with a membership that can sign in, reading the password from stdin',
    { timeout },
    async () => {
      const result = await runCli(
        [
          'create-user',
          '--email',
          'a@gemeente.example',
          '--name',
          'A B',
          '--org',
          'GM0599',
          '--role',
          'editor',
        ],
        target.env,
        `${strongPassword}\n`,
      );
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Created a@gemeente\.example as editor of GM0599/);
      assert.doesNotMatch(
        result.stdout + result.stderr,
        new RegExp(strongPassword),
        'the password is not echoed',
      );

      await withDatabase(target, async (db, database) => {
        const [user] = await db.select().from(users).where(eq(users.email, 'a@gemeente.example'));
        assert.ok(user, 'the user exists');
        assert.equal(user.name, 'A B');
        assert.equal(user.isPlatformAdmin, false);
        assert.ok(user.passwordHash);
        assert.equal(
          await verifyPassword(user.passwordHash, strongPassword),
          true,
          'the trailing newline is not part of it',
        );
        const rows = await db
          .select({ role: memberships.role, code: organisations.code })
          .from(memberships)
          .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
          .where(eq(memberships.userId, user.id));
        assert.deepEqual(rows, [{ role: 'editor', code: 'GM0599' }]);

        const app = await buildApp({
          config: loadConfig({ PUBLIC_URL: 'http://routekaart.test', LOG_LEVEL: 'silent' }),
          database,
          logger: false,
        });
        try {
          await app.ready();
          const client = new TestClient(app);
          const signIn = await client.signIn('a@gemeente.example', strongPassword);
          assert.equal(signIn.statusCode, 303);
        } finally {
          await app.close();
        }
      });
    },
  );

  const refusals: { rule: string; args: string[]; stdin: string; code: number; message: RegExp }[] = [
    {
      rule: 'create-user refuses an unknown organisation code',
      args: ['--email', 'b@gemeente.example', '--name', 'B C', '--org', 'GM9999', '--role', 'editor'],
      stdin: strongPassword,
      code: 1,
      message: /Cannot create the user: there is no organisation with that code/,
    },
    {
      rule: 'create-user refuses a weak password',
      args: ['--email', 'c@gemeente.example', '--name', 'C D', '--org', 'GM0599', '--role', 'viewer'],
      stdin: 'kort\n',
      code: 1,
      message: /Cannot create the user: the password is too short \(at least 12 characters\)/,
    },
    {
      rule: 'create-user refuses an e-mail address that already has an account, whatever its case',
      args: ['--email', 'A@Gemeente.example', '--name', 'Another A', '--org', 'GM0518', '--role', 'admin'],
      stdin: strongPassword,
      code: 1,
      message: /Cannot create the user: an account with this e-mail address already exists/,
    },
    {
      rule: 'create-user refuses a role that does not exist',
      args: ['--email', 'd@gemeente.example', '--name', 'D E', '--org', 'GM0599', '--role', 'boss'],
      stdin: strongPassword,
      code: 2,
      message: /--role must be one of viewer, editor, admin, got "boss"/,
    },
    {
      rule: 'create-user refuses to run without its arguments, naming the missing ones',
      args: ['--email', 'e@gemeente.example'],
      stdin: strongPassword,
      code: 2,
      message: /create-user needs --name, --org, --role/,
    },
  ];
  for (const refusal of refusals) {
    it(`${refusal.rule}: exit ${refusal.code} with a clear message on stderr`, { timeout }, async () => {
      const result = await runCli(['create-user', ...refusal.args], target.env, refusal.stdin);
      assertClearFailure(result, refusal.code, refusal.message);
    });
  }

  it('the refused create-user commands created nothing', { timeout }, async () => {
    await withDatabase(target, async (db) => {
      const emails = (await db.select({ email: users.email }).from(users)).map((u) => u.email);
      assert.deepEqual(emails, ['a@gemeente.example']);
      assert.equal(
        await countRows(db, memberships),
        1,
        'the duplicate did not add a membership to the existing user',
      );
      const [created] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(eq(auditLog.action, 'user.created'));
      assert.equal(created?.n, 1);
    });
  });

  it('an unknown command exits 2 and shows the usage', { timeout }, async () => {
    const result = await runCli(['frobnicate'], target.env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unknown command "frobnicate"/);
    assert.match(result.stderr, /Usage: routekaart <command>/);
    assert.match(result.stderr, /create-user --email E --name N --org CODE --role viewer\|editor\|admin/);
    assert.equal(result.stdout, '');
  });

  it('help shows the usage and exits 0', { timeout }, async () => {
    const result = await runCli(['help'], target.env);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Usage: routekaart <command>/);
  });

  it(
    'every command refuses an embedded data directory that another live process holds',
    { timeout },
    async () => {
      // Always PGlite: the lock guards the embedded database only.
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-cli-locked-'));
      const other = await startOtherProcess();
      try {
        const lockFile = path.join(dataDir, 'routekaart.lock');
        fs.writeFileSync(lockFile, String(other.pid), { flag: 'wx' });
        const env = cliEnv({ DATA_DIR: dataDir });
        const results = await Promise.all([
          runCli(['migrate'], env),
          runCli(['seed-demo'], env),
          runCli(
            [
              'create-user',
              '--email',
              'f@gemeente.example',
              '--name',
              'F G',
              '--org',
              'GM0599',
              '--role',
              'admin',
            ],
            env,
            strongPassword,
          ),
        ]);
        for (const result of results) {
          assertClearFailure(result, 1, /is in use by another Routekaart process/);
          assert.ok(result.stderr.includes(`(pid ${other.pid})`), result.stderr);
          assert.ok(result.stderr.includes(dataDir), result.stderr);
        }
        assert.equal(fs.existsSync(path.join(dataDir, 'pgdata')), false, 'no database was created or opened');
        assert.equal(
          fs.readFileSync(lockFile, 'utf8'),
          String(other.pid),
          "the other process's lock is left alone",
        );
      } finally {
        other.kill('SIGKILL');
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );

  it(
    'seed-demo creates the demo colleagues, coordinators and scans, and a second run creates no duplicates',
    { timeout },
    async () => {
      const first = await runCli(['seed-demo'], target.env);
      assert.equal(first.code, 0, first.stderr);
      assert.match(
        first.stdout,
        new RegExp(`Demo data ready: ${demoPeople.length} colleagues created, 0 already there`),
      );
      assert.match(first.stdout, /Maturity scans: 18 created/);
      assert.match(
        first.stdout,
        /Benchmark: 26 scans of the 2024 pilot and 2025 baselines created, 16 sharing choices and populations set/,
      );
      const password = /Password of the new demo accounts: (\S+)/.exec(first.stdout)?.[1];
      assert.ok(password, first.stdout);

      const second = await runCli(['seed-demo'], target.env);
      assert.equal(second.code, 0, second.stderr);
      assert.match(
        second.stdout,
        new RegExp(`Demo data ready: 0 colleagues created, ${demoPeople.length} already there`),
      );
      assert.doesNotMatch(second.stdout, /Password of the new demo accounts/);
      assert.match(second.stdout, /Maturity scans: 0 created/);
      assert.match(
        second.stdout,
        /Benchmark: 0 scans of the 2024 pilot and 2025 baselines created, 0 sharing choices and populations set/,
      );

      await withDatabase(target, async (db) => {
        const demoEmails = demoPeople.map((p) => p.email);
        const demoUsers = await db.select().from(users).where(inArray(users.email, demoEmails));
        assert.equal(demoUsers.length, demoPeople.length, 'each demo colleague exists once');
        assert.equal(await countRows(db, users), demoPeople.length + 1, 'plus the user created earlier');
        assert.equal(await countRows(db, memberships), demoPeople.length + 1);

        const rotterdam = await db
          .select({ email: users.email, role: memberships.role })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
          .where(and(eq(organisations.code, 'GM0599'), inArray(users.email, demoEmails)));
        assert.ok(
          rotterdam.some((r) => r.email === 'noor.bakker@rotterdam.example' && r.role === 'admin'),
          'Rotterdam has its demo administrator',
        );
        assert.ok(rotterdam.length >= 2, 'Rotterdam has several demo colleagues');

        const coordinators = await db
          .select({ network: networks.code, email: users.email })
          .from(networkCoordinators)
          .innerJoin(users, eq(users.id, networkCoordinators.userId))
          .innerJoin(networks, eq(networks.id, networkCoordinators.networkId));
        const byNetworkAndEmail = (
          a: { network?: string; email: string },
          b: { network?: string; email: string },
        ) => `${a.network} ${a.email}`.localeCompare(`${b.network} ${b.email}`);
        const expected = demoPeople
          .filter((p) => p.coordinates)
          .map((p) => ({ network: p.coordinates, email: p.email }))
          .sort(byNetworkAndEmail);
        assert.deepEqual(coordinators.sort(byNetworkAndEmail), expected);
        assert.ok(coordinators.some((c) => c.network === 'zuid-holland'));
        assert.ok(coordinators.some((c) => c.network === 'mrdh'));

        const noor = demoUsers.find((u) => u.email === 'noor.bakker@rotterdam.example');
        assert.ok(noor?.passwordHash);
        assert.equal(
          await verifyPassword(noor.passwordHash, password),
          true,
          'the printed password signs the demo users in',
        );
      });
    },
  );
});
