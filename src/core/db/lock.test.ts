import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { acquireDataDirLock, DataDirLockedError, hostIdentity, judgeLock, type LockRecord } from './lock.ts';

function lockFile(dir: string): string {
  return path.join(dir, 'routekaart.lock');
}

function readRecord(dir: string): LockRecord {
  return JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')) as LockRecord;
}

const here = hostIdentity();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recordOf(overrides: Partial<LockRecord>): LockRecord {
  return { pid: 4242, ...here, token: 'someone-else', heartbeatAt: Date.now(), ...overrides };
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

  it('writes a lock naming this process, its host, boot and PID namespace, and creates the directory', () => {
    const nested = path.join(dir, 'not', 'there', 'yet');
    const lock = acquireDataDirLock(nested);
    const record = readRecord(nested);
    assert.equal(record.pid, process.pid);
    assert.equal(record.bootId, here.bootId);
    assert.equal(record.pidNamespace, here.pidNamespace);
    assert.ok(Date.now() - record.heartbeatAt < 5_000);
    lock.release();
    assert.equal(fs.existsSync(lockFile(nested)), false);
  });

  it('refuses a second lock on a directory this process already holds, and leaves the lock alone', () => {
    const lock = acquireDataDirLock(dir);
    try {
      const before = fs.readFileSync(lockFile(dir), 'utf8');
      assert.throws(
        () => acquireDataDirLock(dir),
        (error: unknown) =>
          error instanceof DataDirLockedError &&
          error.message.includes(`pid ${process.pid}`) &&
          error.message.includes(dir) &&
          /DATA_DIR|DATABASE_URL/.test(error.message),
      );
      assert.equal(fs.readFileSync(lockFile(dir), 'utf8'), before);
    } finally {
      lock.release();
    }
  });

  it('refuses while another live process on this host holds it with a fresh heartbeat', async () => {
    const other = await startOtherProcess();
    children.push(other);
    fs.writeFileSync(lockFile(dir), JSON.stringify(recordOf({ pid: other.pid })));
    assert.throws(() => acquireDataDirLock(dir), /pid \d+ on .*heartbeat 0 s ago/);
    assert.equal(readRecord(dir).pid, other.pid, "the other process's lock is untouched");
  });

  it('takes over at once from a holder in this PID namespace that has exited, heartbeat or not', async () => {
    const gone = await pidOfExitedProcess();
    fs.writeFileSync(lockFile(dir), JSON.stringify(recordOf({ pid: gone })));
    const lock = acquireDataDirLock(dir);
    assert.equal(readRecord(dir).pid, process.pid);
    lock.release();
  });

  it('takes over a lock naming our pid that this process does not hold (restarted with the same pid)', () => {
    fs.writeFileSync(lockFile(dir), JSON.stringify(recordOf({ pid: process.pid })));
    const lock = acquireDataDirLock(dir);
    assert.equal(readRecord(dir).pid, process.pid);
    assert.throws(() => acquireDataDirLock(dir), DataDirLockedError, 'now held, so refused');
    lock.release();
  });

  it('takes over a lock of an older version (a bare pid) only when that pid has gone', async () => {
    const other = await startOtherProcess();
    children.push(other);
    fs.writeFileSync(lockFile(dir), String(other.pid));
    assert.throws(() => acquireDataDirLock(dir), DataDirLockedError);
    fs.writeFileSync(lockFile(dir), String(await pidOfExitedProcess()));
    acquireDataDirLock(dir).release();
  });

  it('treats an empty lock file by its age: refused while recent, taken over once older than the stale limit', () => {
    fs.writeFileSync(lockFile(dir), '');
    assert.throws(() => acquireDataDirLock(dir, { staleAfterMs: 60_000 }), /unreadable lock file/);
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(lockFile(dir), old, old);
    acquireDataDirLock(dir, { staleAfterMs: 60_000 }).release();
  });

  it('refreshes its heartbeat while held, and reports a lock taken away from it', async () => {
    const lost: string[] = [];
    const lock = acquireDataDirLock(dir, { heartbeatMs: 30, onLost: (reason) => lost.push(reason) });
    const first = readRecord(dir).heartbeatAt;
    await sleep(150);
    assert.ok(readRecord(dir).heartbeatAt > first, 'the heartbeat moved on');
    fs.writeFileSync(lockFile(dir), JSON.stringify(recordOf({ token: 'intruder' })));
    await sleep(150);
    assert.equal(lost.length, 1, 'the holder noticed once');
    assert.equal(readRecord(dir).token, 'intruder', 'and does not overwrite the new holder');
    lock.release();
    assert.equal(readRecord(dir).token, 'intruder', 'nor removes it on release');
  });

  it('releases once: a second release leaves alone the lock another process has taken since', async () => {
    const lock = acquireDataDirLock(dir);
    lock.release();
    const other = await startOtherProcess();
    children.push(other);
    fs.writeFileSync(lockFile(dir), JSON.stringify(recordOf({ pid: other.pid })));
    lock.release();
    assert.equal(readRecord(dir).pid, other.pid);
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

describe('the takeover rule for holders this process cannot see (other PID namespaces, other hosts)', () => {
  const self = { pid: process.pid, ...here, isOwnToken: () => false };
  const now = Date.now();
  const neverAlive = () => false;

  it('holds a fresh heartbeat from another PID namespace although its pid is not visible here', () => {
    const text = JSON.stringify(recordOf({ pid: 1, pidNamespace: 'pid:[1]', heartbeatAt: now - 2_000 }));
    const verdict = judgeLock(text, now, now, 30_000, self, neverAlive);
    assert.equal(verdict.held, true);
  });

  it('holds a fresh heartbeat from another host (another boot id), and frees it once stale', () => {
    const fresh = recordOf({ hostname: 'other', bootId: 'b-2', heartbeatAt: now - 29_000 });
    assert.equal(judgeLock(JSON.stringify(fresh), now, now, 30_000, self, neverAlive).held, true);
    const stale = { ...fresh, heartbeatAt: now - 31_000 };
    assert.equal(judgeLock(JSON.stringify(stale), now, now, 30_000, self, neverAlive).held, false);
  });

  it('does not trust the pid probe when the boot id is unknown (no /proc)', () => {
    const unknown = recordOf({ bootId: 'unknown', heartbeatAt: now - 1_000 });
    const judged = judgeLock(
      JSON.stringify(unknown),
      now,
      now,
      30_000,
      { ...self, bootId: 'unknown' },
      neverAlive,
    );
    assert.equal(judged.held, true);
  });
});

/** `unshare -pf` needs root (or user namespaces); where it works, a real second namespace is used. */
const canUnshare =
  process.platform === 'linux' &&
  spawnSync('unshare', ['-pf', '--kill-child', 'true'], { stdio: 'ignore' }).status === 0;

/** A program that takes the lock (heartbeat 100 ms) and holds it until killed, or prints the refusal. */
function lockProgram(dir: string): string {
  const module = JSON.stringify(new URL('./lock.ts', import.meta.url).href);
  return `import { acquireDataDirLock } from ${module};
try {
  acquireDataDirLock(${JSON.stringify(dir)}, { heartbeatMs: 100 });
  console.log('held ' + process.pid);
  setInterval(() => {}, 1000);
} catch (error) { console.log('refused: ' + error.message); process.exit(3); }`;
}

function inNewPidNamespace(dir: string): ChildProcess {
  return spawn(
    'unshare',
    [
      '-pf',
      '--kill-child',
      process.execPath,
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      lockProgram(dir),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no answer from the child: ${out}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
  });
}

if (canUnshare) {
  describe('the lock across PID namespaces (unshare -pf, as two containers on one volume)', () => {
    let dir: string;
    let child: ChildProcess | undefined;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-lock-ns-'));
    });
    afterEach(() => {
      child?.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a process in another PID namespace cannot take the lock this process holds', async () => {
      const lock = acquireDataDirLock(dir);
      try {
        child = inNewPidNamespace(dir);
        const answer = await firstLine(child);
        assert.match(answer, /^refused: .*in use by another Routekaart process \(pid \d+ on /);
        assert.equal(readRecord(dir).pid, process.pid);
      } finally {
        lock.release();
      }
    });

    it('this process cannot take the lock of a live holder in another namespace, and takes it over once its heartbeat stops', async () => {
      child = inNewPidNamespace(dir);
      assert.equal(await firstLine(child), 'held 1', 'the holder is pid 1 in its own namespace');
      assert.notEqual(readRecord(dir).pidNamespace, here.pidNamespace);
      // Longer than the stale limit: only the holder's heartbeat keeps the lock.
      await sleep(1_500);
      assert.throws(() => acquireDataDirLock(dir, { staleAfterMs: 1_000 }), /pid 1 on .*heartbeat 0 s ago/);
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      assert.throws(
        () => acquireDataDirLock(dir, { staleAfterMs: 1_000 }),
        DataDirLockedError,
        'not yet stale',
      );
      await sleep(1_300);
      const lock = acquireDataDirLock(dir, { staleAfterMs: 1_000 });
      assert.equal(readRecord(dir).pid, process.pid);
      lock.release();
    });
  });
}
