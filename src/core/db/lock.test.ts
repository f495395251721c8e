import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

function lockFile(dir: string): string {
  return path.join(dir, 'routekaart.lock');
}

/** Another live process on this machine; its pid stands for a second Routekaart. */
async function startOtherProcess(): Promise<ChildProcess & { pid: number }> {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  assert.ok(child.pid, 'sleep has no pid');
  return child as ChildProcess & { pid: number };
}

/** The pid of a process that has run and exited: what a lock file holds after a crash. */
async function pidOfExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid;
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(pid);
  return pid;
}

describe('the data directory lock keeps a second process off the embedded database', () => {
  let dir: string;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-lock-'));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a lock file holding this process id, and creates the directory if needed', () => {
    const nested = path.join(dir, 'not', 'there', 'yet');
    const lock = acquireDataDirLock(nested);
    assert.equal(fs.readFileSync(lockFile(nested), 'utf8'), String(process.pid));
    lock.release();
  });

  it('refuses a second lock on a directory this live process already holds', () => {
    const lock = acquireDataDirLock(dir);
    try {
      assert.throws(
        () => acquireDataDirLock(dir),
        (error: unknown) =>
          error instanceof DataDirLockedError &&
          error.message.includes(`pid ${process.pid}`) &&
          error.message.includes(dir),
      );
      assert.equal(
        fs.readFileSync(lockFile(dir), 'utf8'),
        String(process.pid),
        'the refused attempt left the lock alone',
      );
    } finally {
      lock.release();
    }
  });

  it('refuses the lock while another live process holds it, naming its pid and the directory', async () => {
    const other = await startOtherProcess();
    children.push(other);
    fs.writeFileSync(lockFile(dir), String(other.pid));
    assert.throws(
      () => acquireDataDirLock(dir),
      (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError, String(error));
        assert.ok(error.message.includes(`pid ${other.pid}`), error.message);
        assert.ok(error.message.includes(dir), error.message);
        assert.match(error.message, /DATA_DIR|DATABASE_URL/, 'the message says how to get out');
        return true;
      },
    );
    assert.equal(
      fs.readFileSync(lockFile(dir), 'utf8'),
      String(other.pid),
      "the other process's lock is untouched",
    );
  });

  it('takes over a stale lock left by a process that has exited', async () => {
    const gone = await pidOfExitedProcess();
    fs.writeFileSync(lockFile(dir), String(gone));
    const lock = acquireDataDirLock(dir);
    assert.equal(fs.readFileSync(lockFile(dir), 'utf8'), String(process.pid));
    lock.release();
  });

  it('takes over a stale lock naming our own pid that this process does not hold (a container restarted after a crash)', () => {
    // In a container the restarted server often gets the pid its crashed predecessor had (pid 1, say).
    fs.writeFileSync(lockFile(dir), String(process.pid));
    const lock = acquireDataDirLock(dir);
    assert.equal(fs.readFileSync(lockFile(dir), 'utf8'), String(process.pid));
    assert.throws(
      () => acquireDataDirLock(dir),
      DataDirLockedError,
      'now it is held, and refused a second time',
    );
    lock.release();
    assert.equal(fs.existsSync(lockFile(dir)), false);
  });

  it('takes over an empty or unreadable lock file (a crash between creating and writing it)', () => {
    fs.writeFileSync(lockFile(dir), '');
    const lock = acquireDataDirLock(dir);
    assert.equal(fs.readFileSync(lockFile(dir), 'utf8'), String(process.pid));
    lock.release();
  });

  it('removes the lock file on release, so that the next process can take it', () => {
    const lock = acquireDataDirLock(dir);
    assert.ok(fs.existsSync(lockFile(dir)));
    lock.release();
    assert.equal(fs.existsSync(lockFile(dir)), false);
    const again = acquireDataDirLock(dir);
    assert.ok(fs.existsSync(lockFile(dir)));
    again.release();
    assert.equal(fs.existsSync(lockFile(dir)), false);
  });

  it('releases once: a second release leaves alone the lock another process has taken since', async () => {
    const lock = acquireDataDirLock(dir);
    lock.release();
    const other = await startOtherProcess();
    children.push(other);
    fs.writeFileSync(lockFile(dir), String(other.pid), { flag: 'wx' });
    lock.release();
    assert.equal(fs.readFileSync(lockFile(dir), 'utf8'), String(other.pid));
    assert.throws(() => acquireDataDirLock(dir), DataDirLockedError);
  });

  it('refuses the lock through another spelling of the same directory', () => {
    const lock = acquireDataDirLock(dir);
    try {
      const otherSpelling = path.join(dir, '..', path.basename(dir), '.');
      assert.throws(() => acquireDataDirLock(otherSpelling), DataDirLockedError);
    } finally {
      lock.release();
    }
  });
});
