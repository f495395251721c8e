import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { BackupError, type BackupHeader } from './backup.ts';

/**
 * The embedded database belongs to one process (the data-directory lock), so the command line
 * cannot open it while the server runs. To back up a running installation, the command asks the
 * server through a Unix socket in the data directory; the server writes the backup from its own
 * connection, in one snapshot. The socket is readable by the directory's owner only: whoever may
 * use it could copy the data directory anyway.
 */
export const socketName = 'routekaart.sock';

interface BackupRequest {
  command: 'backup';
  file: string;
}

type Reply = { ok: true; header: BackupHeader } | { ok: false; error: string };

export function socketPath(dataDir: string): string {
  return path.join(fs.realpathSync(dataDir), socketName);
}

/** Starts listening; the caller holds the data-directory lock, so a socket file left behind is stale. */
export async function startControlSocket(
  dataDir: string,
  backup: (file: string) => Promise<BackupHeader>,
): Promise<{ close(): Promise<void> }> {
  const where = socketPath(dataDir);
  fs.rmSync(where, { force: true });
  const server = net.createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      input += chunk;
      if (!input.includes('\n')) return;
      void answer(input.slice(0, input.indexOf('\n')), backup).then((reply) =>
        socket.end(`${JSON.stringify(reply)}\n`),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where, () => resolve());
  });
  fs.chmodSync(where, 0o600);
  server.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(where, { force: true });
      }),
  };
}

async function answer(text: string, backup: (file: string) => Promise<BackupHeader>): Promise<Reply> {
  let request: Partial<BackupRequest>;
  try {
    request = JSON.parse(text) as Partial<BackupRequest>;
  } catch {
    return { ok: false, error: 'not a request' };
  }
  if (request.command !== 'backup' || typeof request.file !== 'string' || !path.isAbsolute(request.file))
    return { ok: false, error: 'unknown request' };
  try {
    return { ok: true, header: await backup(request.file) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Asks the server that holds `dataDir` to write a backup to `file` (an absolute path). */
export async function requestBackup(dataDir: string, file: string): Promise<BackupHeader> {
  const where = socketPath(dataDir);
  if (!fs.existsSync(where))
    throw new BackupError(
      `The server holding ${dataDir} has no control socket (${where}): is it an older version?`,
    );
  const reply = await new Promise<Reply>((resolve, reject) => {
    const socket = net.createConnection(where);
    let output = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify({ command: 'backup', file })}\n`));
    socket.on('data', (chunk: string) => (output += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      try {
        resolve(JSON.parse(output) as Reply);
      } catch {
        reject(new Error(`The server gave no answer on ${where}.`));
      }
    });
  });
  if (!reply.ok) throw new BackupError(`The server could not write the backup: ${reply.error}`);
  return reply.header;
}
