import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { env, root, runCli, runOk } from '../testing/cli-process.ts';
import { databaseUrlFor } from '../testing/test-database.ts';

/**
 * `routekaart backup` while the server runs: on PostgreSQL the command reads its own snapshot; on
 * the embedded database (which the server's lock keeps to one process) the server writes the backup
 * on the command's request. Restored into a new data directory, the data is identical. */
const serverUrl = process.env.TEST_DATABASE_URL;
function backupData(file: string): string {
  return gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(1).join('\n');
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe(`a backup of the running server (${serverUrl ? 'PostgreSQL' : 'embedded database'})`, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-live-'));
  const name = `rk_live_${randomBytes(6).toString('hex')}`;
  const settings: Record<string, string> = serverUrl
    ? { DATABASE_URL: databaseUrlFor(serverUrl, name) }
    : { DATA_DIR: path.join(work, 'data') };
  let server: ChildProcess | undefined;

  before(async () => {
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
    }
  });
  after(async () => {
    server?.kill('SIGKILL');
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('is written while the server runs, and restores to the same data', async () => {
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: env({ ...settings, PORT: String(port) }),
      stdio: 'ignore',
    });
    let isUp = false;
    for (let i = 0; i < 1200 && !isUp; i++) {
      isUp = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!isUp) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(isUp, 'the server started');
    const live = path.join(work, 'live.rkbackup');
    assert.match(await runOk(['backup', live], settings), /one consistent snapshot/);
    assert.ok((await fetch(`http://127.0.0.1:${port}/health`)).ok, 'the server still runs after the backup');
    const stopped = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await stopped;
    const copyDir = path.join(work, 'copy');
    await runOk(['restore', live], { DATA_DIR: copyDir });
    const copy = path.join(work, 'copy.rkbackup');
    await runOk(['backup', copy], { DATA_DIR: copyDir });
    const data = backupData(live);
    assert.ok(data.split('\n').length > 300, 'the reference data is in it');
    assert.ok(backupData(copy) === data, 'identical rows after the round trip');

    const again = await runCli(['restore', live], { DATA_DIR: copyDir });
    assert.equal(again.code, 1, 'a target that is not empty is refused');
    assert.match(again.stderr, /is not empty .*nothing was changed/);
    assert.doesNotMatch(again.stderr, /^\s+at /m, 'no stack trace');
  });
});
