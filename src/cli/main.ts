import { parseArgs } from 'node:util';
import { roles, type Role } from '../core/auth/auth.tables.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { BackupError } from '../core/db/backup.ts';
import { DataDirLockedError } from '../core/db/lock.ts';
import { openAndPrepareDatabase } from '../startup.ts';
import { createUserWithMembership, type CreateUserProblem } from '../features/accounts/index.ts';
import { backupCommand, migrateToPostgresCommand, restoreCommand } from './data-commands.ts';
import { seedDemo } from './seed-demo.ts';

const usage = `Usage: routekaart <command> [options]

Commands:
  migrate                    apply database migrations and load the reference data
  create-user --email E --name N --org CODE --role viewer|editor|admin
                             create an account; the password is read from standard input
  seed-demo                  add demo organisations' colleagues, maturity scans, sharing choices and
                             populations (idempotent); prints the colleagues' password
  backup FILE                write a backup of the whole database to FILE (one consistent snapshot;
                             the server may run: on the embedded database the server writes it)
  restore FILE               restore a backup into an empty database (a new DATA_DIR or a new
                             PostgreSQL database); checks row counts and checksums per table
  migrate-to-postgres --to URL
                             move the embedded database (DATA_DIR, server stopped) into an empty
                             PostgreSQL database, verify it, and print what to change in the settings
  help                       show this text

The command works on the same database as the server: DATABASE_URL, or else DATA_DIR (default ./data).`;

/** A failure the user can fix: printed without a stack trace, exit code 1 (2 for usage). */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const problemText: Record<CreateUserProblem, string> = {
  invalidEmail: 'the e-mail address is not valid',
  emptyName: 'the name is empty',
  unknownOrganisation:
    'there is no organisation with that code (use a CBS code such as GM0599 or PV28, or MRDH)',
  duplicateEmail: 'an account with this e-mail address already exists',
  tooShort: 'the password is too short (at least 12 characters)',
  tooLong: 'the password is too long (at most 256 characters)',
  tooSimple: 'the password is too easy to guess',
};

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.from(chunk));
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const commands = ['migrate', 'create-user', 'seed-demo', 'backup', 'restore', 'migrate-to-postgres'];

function isRole(value: string | undefined): value is Role {
  return roles.some((r) => r === value);
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(usage);
    return;
  }
  if (!commands.includes(command)) throw new CliError(`Unknown command "${command}".\n\n${usage}`, 2);

  let options: Record<string, string | undefined> = {};
  let positionals: string[] = [];
  try {
    const parsed = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        org: { type: 'string' },
        role: { type: 'string' },
        to: { type: 'string' },
      },
      strict: true,
      allowPositionals: command === 'backup' || command === 'restore',
    });
    options = parsed.values;
    positionals = parsed.positionals;
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`, 2);
  }
  if (command === 'create-user') {
    const missing = ['email', 'name', 'org', 'role'].filter((k) => !options[k]);
    if (missing.length > 0)
      throw new CliError(`create-user needs ${missing.map((m) => `--${m}`).join(', ')}.`, 2);
    if (!isRole(options.role))
      throw new CliError(`--role must be one of ${roles.join(', ')}, got "${options.role}".`, 2);
  }

  if ((command === 'backup' || command === 'restore') && positionals.length !== 1)
    throw new CliError(
      `${command} needs one FILE, for example: routekaart ${command} routekaart.rkbackup`,
      2,
    );

  const config = loadConfig();
  if (command === 'backup') return backupCommand(config, positionals[0] ?? '');
  if (command === 'restore') return restoreCommand(config, positionals[0] ?? '');
  if (command === 'migrate-to-postgres') return migrateToPostgresCommand(config, options.to);
  const database = await openAndPrepareDatabase(config);
  try {
    if (command === 'migrate') {
      console.log(`Database is up to date (${database.kind}).`);
    } else if (command === 'create-user') {
      const password = await readStdin();
      const result = await createUserWithMembership(database.db, {
        email: options.email ?? '',
        name: options.name ?? '',
        password,
        organisationCode: options.org ?? '',
        role: isRole(options.role) ? options.role : 'viewer',
      });
      if (!result.ok) throw new CliError(`Cannot create the user: ${problemText[result.problem]}.`);
      console.log(`Created ${options.email} as ${options.role} of ${options.org?.toUpperCase()}.`);
    } else {
      const result = await seedDemo(database.db);
      console.log(`Demo data ready: ${result.created} colleagues created, ${result.existing} already there.`);
      console.log(`Maturity scans: ${result.scans} created (scans that were already there are left alone).`);
      console.log(
        `Benchmark: ${result.benchmark.scans} scans of the 2024 pilot and 2025 baselines created, ${result.benchmark.settings} sharing choices and populations set.`,
      );
      console.log(
        `Strategies: ${result.strategies}; roadmap links: ${result.roadmap.links}; documents: ${result.documents.created}.`,
      );
      console.log(
        `Registers: ${result.registers.created} entries; practices: ${result.practices.created}; knowledge sessions: ${result.knowledge.sessions}; projects: ${result.knowledge.projects}.`,
      );
      console.log(
        `Intake: ${result.intake.requests} handreiking requests and ${result.intake.cases} Brigade questions.`,
      );
      if (result.created > 0) console.log(`Password of the new demo accounts: ${result.password}`);
      console.log('Sign in as, for example, noor.bakker@rotterdam.example (administrator of Rotterdam).');
    }
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof BackupError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
