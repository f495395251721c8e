import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock between processes, and two writers corrupt the data; so we take one ourselves.
 *
 * A process id alone does not say whether the holder lives: a process in another PID namespace (a
 * second container on the same volume) or on another host cannot see it. So the lock file names
 * the holder's host (its boot id, which changes on every boot, and its PID namespace) and carries a
 * heartbeat that the holder refreshes. Another process takes the lock over only when the heartbeat
 * is stale, or, on the same host and in the same PID namespace, when the holder's process has gone
 * (decision 0009).
 */
export class DataDirLockedError extends Error {}

export interface LockRecord {
  pid: number;
  hostname: string;
  /** /proc/sys/kernel/random/boot_id: the same kernel since its last boot. */
  bootId: string;
  /** The inode of /proc/self/ns/pid: pids are comparable only within one namespace. */
  pidNamespace: string;
  /** Random, per acquisition: which lock file is ours. */
  token: string;
  /** Milliseconds since the epoch, by the holder's clock (hosts sharing a volume run NTP). */
  heartbeatAt: number;
}

export interface LockOptions {
  /** How often the holder refreshes its heartbeat. */
  heartbeatMs?: number;
  /** A heartbeat older than this is stale: its holder is taken to be gone. */
  staleAfterMs?: number;
  /** Called when the holder finds its lock file gone or replaced: it must stop writing. */
  onLost?: (reason: string) => void;
}

export interface DataDirLock {
  release(): void;
}

export const defaultHeartbeatMs = 5_000;
export const defaultStaleAfterMs = 30_000;
const lockName = 'routekaart.lock';

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return fallback;
  }
}

export function hostIdentity(): Pick<LockRecord, 'hostname' | 'bootId' | 'pidNamespace'> {
  let pidNamespace = 'unknown';
  try {
    pidNamespace = fs.readlinkSync('/proc/self/ns/pid');
  } catch {
    // Not Linux: pids are then compared only with the same boot id, which is 'unknown' too.
  }
  return {
    hostname: os.hostname(),
    bootId: readOr('/proc/sys/kernel/random/boot_id', 'unknown'),
    pidNamespace,
  };
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds, by path and token. */
const heldByThisProcess = new Map<string, string>();

export function parseLockRecord(text: string): LockRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockRecord>;
    if (
      typeof value.pid === 'number' &&
      typeof value.token === 'string' &&
      typeof value.heartbeatAt === 'number' &&
      typeof value.bootId === 'string' &&
      typeof value.pidNamespace === 'string'
    )
      return value as LockRecord;
  } catch {
    // an older lock file (a bare pid), an empty one, or garbage
  }
  return undefined;
}

export type LockVerdict = { held: true; reason: string } | { held: false };

/**
 * Whether the lock file still stands for a live holder. Pure apart from the pid probe, so that
 * the rule can be tested without waiting for a clock.
 */
export function judgeLock(
  text: string,
  mtimeMs: number,
  now: number,
  staleAfterMs: number,
  self: { pid: number; isOwnToken: (token: string) => boolean } & ReturnType<typeof hostIdentity>,
  isAlive: (pid: number) => boolean = isProcessAlive,
): LockVerdict {
  const record = parseLockRecord(text);
  if (!record) {
    // A lock from a version before heartbeats holds a bare pid: that pid is all we can check.
    const legacyPid = Number(text);
    if (/^\d+$/.test(text) && legacyPid !== self.pid && isAlive(legacyPid))
      return { held: true, reason: `pid ${legacyPid}` };
    if (/^\d+$/.test(text)) return { held: false };
    // Empty or unreadable: only its age tells.
    return now - mtimeMs > staleAfterMs ? { held: false } : { held: true, reason: 'an unreadable lock file' };
  }
  const who = `pid ${record.pid} on ${record.hostname}`;
  const sameNamespace =
    record.bootId === self.bootId &&
    record.pidNamespace === self.pidNamespace &&
    record.hostname === self.hostname &&
    record.bootId !== 'unknown';
  if (sameNamespace) {
    if (record.pid === self.pid) {
      // Our pid: held if this process holds it, else left by a predecessor with the same pid.
      return self.isOwnToken(record.token) ? { held: true, reason: who } : { held: false };
    }
    if (!isAlive(record.pid)) return { held: false };
  }
  const age = now - record.heartbeatAt;
  if (age > staleAfterMs) return { held: false };
  return { held: true, reason: `${who}, heartbeat ${Math.max(0, Math.round(age / 1000))} s ago` };
}

function writeAtomically(target: string, record: LockRecord, replace: boolean): void {
  const temporary = `${target}.${record.token}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temporary, JSON.stringify(record));
  try {
    // link() fails if the target exists; rename() replaces it. Both are atomic, also over NFS.
    if (replace) fs.renameSync(temporary, target);
    else fs.linkSync(temporary, target);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

export function acquireDataDirLock(dataDir: string, options: LockOptions = {}): DataDirLock {
  const heartbeatMs = options.heartbeatMs ?? defaultHeartbeatMs;
  const staleAfterMs = options.staleAfterMs ?? defaultStaleAfterMs;
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(fs.realpathSync(dataDir), lockName);
  const identity = hostIdentity();
  const record: LockRecord = {
    pid: process.pid,
    ...identity,
    token: randomBytes(12).toString('hex'),
    heartbeatAt: Date.now(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeAtomically(lockPath, { ...record, heartbeatAt: Date.now() }, false);
      heldByThisProcess.set(lockPath, record.token);
      return startHeartbeat(lockPath, record, heartbeatMs, options.onLost);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let text: string;
    let mtimeMs: number;
    try {
      text = fs.readFileSync(lockPath, 'utf8').trim();
      mtimeMs = fs.statSync(lockPath).mtimeMs;
    } catch {
      continue; // released in between
    }
    const verdict = judgeLock(text, mtimeMs, Date.now(), staleAfterMs, {
      pid: process.pid,
      ...identity,
      isOwnToken: (token) => heldByThisProcess.get(lockPath) === token,
    });
    if (verdict.held) {
      throw new DataDirLockedError(
        `The data directory ${dataDir} is in use by another Routekaart process (${verdict.reason}). ` +
          'The embedded database allows one process at a time: stop that process first, ' +
          'or use another DATA_DIR, or run on a PostgreSQL server with DATABASE_URL. ' +
          `A lock whose heartbeat is older than ${Math.round(staleAfterMs / 1000)} s is taken over.`,
      );
    }
    takeOver(lockPath, text);
  }
  throw new DataDirLockedError(`Could not take the lock on ${lockPath}.`);
}

/** Moves the stale lock aside; if another process replaced it in the meantime, puts that back. */
function takeOver(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return; // someone else moved it: try again
  }
  const moved = readOr(aside, '');
  if (moved !== staleText) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // A third process holds it now; the one we moved notices at its next heartbeat.
    }
  }
  fs.rmSync(aside, { force: true });
}

function startHeartbeat(
  lockPath: string,
  record: LockRecord,
  heartbeatMs: number,
  onLost: ((reason: string) => void) | undefined,
): DataDirLock {
  const stillOurs = () => parseLockRecord(readOr(lockPath, ''))?.token === record.token;
  const timer = setInterval(() => {
    if (!stillOurs()) {
      clearInterval(timer);
      heldByThisProcess.delete(lockPath);
      onLost?.(`the lock file ${lockPath} was removed or taken over by another process`);
      return;
    }
    try {
      writeAtomically(lockPath, { ...record, heartbeatAt: Date.now() }, true);
    } catch (error) {
      // A full disk, say: the next beat tries again; after staleAfterMs others may take over.
      console.error(`Could not refresh ${lockPath}: ${(error as Error).message}`);
    }
  }, heartbeatMs);
  timer.unref();
  return {
    release() {
      clearInterval(timer);
      // Once only: a second release must not remove the lock of a process that took it since.
      if (heldByThisProcess.get(lockPath) !== record.token) return;
      heldByThisProcess.delete(lockPath);
      if (stillOurs()) fs.rmSync(lockPath, { force: true });
    },
  };
}
