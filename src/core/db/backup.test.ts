import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip, gzipSync, gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { count, sql } from 'drizzle-orm';
import { openEmptyTestDatabase, openTestDatabase } from '../../testing/test-database.ts';
import { auditLog } from './core.tables.ts';
import { BackupError, restoreBackup, writeBackup, type BackupHeader } from './backup.ts';
import type { Database } from './database.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-backup-'));
const file = (name: string) => path.join(dir, name);

/** The header and the data lines; the header's time and source kind differ by nature. */
async function contentOf(backup: string): Promise<{ header: BackupHeader; data: string[] }> {
  const lines: string[] = [];
  const input = fs.createReadStream(backup).pipe(createGunzip());
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) lines.push(line);
  const header = JSON.parse(lines[0] ?? '') as BackupHeader;
  return { header, data: lines.slice(1) };
}

async function assertSameContent(a: string, b: string): Promise<void> {
  const first = await contentOf(a);
  const second = await contentOf(b);
  assert.deepEqual(second.header.tables, first.header.tables, 'row counts and checksums per table');
  assert.deepEqual(second.header.sequences, first.header.sequences, 'sequence positions');
  assert.deepEqual(second.header.migrations, first.header.migrations);
  assert.equal(second.data.length, first.data.length);
  assert.ok(second.data.join('\n') === first.data.join('\n'), 'every row the same, in the same order');
}

describe('backup and restore: one format for both databases, identical after a round trip', () => {
  let source: Database;
  const targets: Database[] = [];

  before(async () => {
    source = await openTestDatabase('demo');
  });
  after(async () => {
    for (const target of targets) await target.close();
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function emptyTarget(kind?: 'pglite' | 'postgres') {
    const target = await openEmptyTestDatabase(kind);
    targets.push(target);
    return target;
  }

  it('restores into an empty database of the same kind, and a backup of that is identical', async () => {
    const header = await writeBackup(source, file('first.rkbackup'));
    assert.ok(header.tables.length > 30, 'every table is in it');
    assert.ok(
      header.tables.filter((t) => t.rows > 0).length > 20,
      'the demo data fills most tables, uploaded files included',
    );
    for (const withFiles of ['intake_guide_documents', 'document_versions'])
      assert.ok(
        header.tables.some((t) => t.name === withFiles && t.rows > 0),
        `uploaded files in ${withFiles}`,
      );
    const target = await emptyTarget();
    const restored = await restoreBackup(target, file('first.rkbackup'));
    assert.deepEqual(restored.tables, header.tables);
    await writeBackup(target, file('second.rkbackup'));
    await assertSameContent(file('first.rkbackup'), file('second.rkbackup'));
  });

  // Across kinds needs both databases: only on PostgreSQL runs (a PGlite backup into PostgreSQL is
  // also what migrate-to-postgres does, tested in src/cli/migrate.test.ts).
  if (process.env.TEST_DATABASE_URL)
    it('restores a PostgreSQL backup into PGlite, and that one back into PostgreSQL, identical', async () => {
      const target = await emptyTarget('pglite');
      await restoreBackup(target, file('first.rkbackup'));
      await writeBackup(target, file('cross.rkbackup'));
      await assertSameContent(file('first.rkbackup'), file('cross.rkbackup'));
      const back = await emptyTarget('postgres');
      await restoreBackup(back, file('cross.rkbackup'));
      await writeBackup(back, file('back.rkbackup'));
      await assertSameContent(file('first.rkbackup'), file('back.rkbackup'));
    });

  it('refuses a target that is not empty, and changes nothing in it', async () => {
    const [before] = await source.db.select({ n: count() }).from(auditLog);
    await assert.rejects(restoreBackup(source, file('first.rkbackup')), (error: unknown) => {
      assert.ok(error instanceof BackupError, String(error));
      assert.match(error.message, /not empty .*nothing was changed/);
      return true;
    });
    const [afterwards] = await source.db.select({ n: count() }).from(auditLog);
    assert.equal(afterwards?.n, before?.n);
  });

  it('rejects a cut-off backup and undoes the restore', async () => {
    const whole = gunzipSync(fs.readFileSync(file('first.rkbackup')))
      .toString('utf8')
      .split('\n');
    fs.writeFileSync(file('cut.rkbackup'), gzipSync(whole.slice(0, Math.floor(whole.length / 2)).join('\n')));
    const target = await emptyTarget();
    await assert.rejects(restoreBackup(target, file('cut.rkbackup')), /incomplete .*was undone/);
    const [row] = await target.db.select({ n: count() }).from(auditLog);
    assert.equal(row?.n, 0, 'no half restore');
  });

  it('rejects a file that is no backup, and one that is missing, with a clear message', async () => {
    fs.writeFileSync(file('notes.txt'), gzipSync('{"hello": "world"}\n'));
    const target = await emptyTarget();
    await assert.rejects(restoreBackup(target, file('notes.txt')), /is not a Routekaart backup/);
    await assert.rejects(restoreBackup(target, file('nothing-here')), /There is no backup file/);
    fs.writeFileSync(file('plain.txt'), 'not gzip');
    await assert.rejects(restoreBackup(target, file('plain.txt')), BackupError);
  });

  it('takes a consistent snapshot while another connection keeps writing', async () => {
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await source.db.execute(
          sql`insert into audit_log (action, details) values ('test.concurrent', '{}'::jsonb)`,
        );
        written++;
      }
    })();
    try {
      const header = await writeBackup(source, file('busy.rkbackup'));
      const { data } = await contentOf(file('busy.rkbackup'));
      const start = data.indexOf(JSON.stringify(['table', 'audit_log']));
      const end = data.findIndex((line, i) => i > start && line.startsWith('['));
      const rowsInFile = end - start - 1;
      assert.equal(rowsInFile, header.tables.find((t) => t.name === 'audit_log')?.rows);
    } finally {
      writing = false;
      await writer;
    }
    assert.ok(written > 0, 'the writer did write during the backup');
    // And it restores: its checksums match the rows it holds.
    await restoreBackup(await emptyTarget(), file('busy.rkbackup'));
  });
});
