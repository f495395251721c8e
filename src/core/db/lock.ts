import fs from 'node:fs';
import path from 'node:path';

/** PGlite has no lock between processes, and two writers corrupt the data; so we take one ourselves. */
export class DataDirLockedError extends Error {}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * Lock files this process holds. A lock file naming our own pid that is not in here was left by an
 * earlier process that had the same pid: a container restarted after a crash starts with the same pids.
 */
const heldByThisProcess = new Set<string>();

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(fs.realpathSync(dataDir), 'routekaart.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      heldByThisProcess.add(lockPath);
      return {
        release() {
          // Once only: a second release must not remove the lock of a process that took it since.
          if (heldByThisProcess.delete(lockPath)) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
      const isHeld = holder === process.pid ? heldByThisProcess.has(lockPath) : isProcessAlive(holder);
      if (Number.isInteger(holder) && holder > 0 && isHeld) {
        throw new DataDirLockedError(
          `The data directory ${dataDir} is in use by another Routekaart process (pid ${holder}). ` +
            'The embedded database allows one process at a time: stop that process first, ' +
            'or use another DATA_DIR, or run on a PostgreSQL server with DATABASE_URL.',
        );
      }
      // The holder is gone (a crash or kill -9): the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not take the lock on ${lockPath}.`);
}
