import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, httpGet } from './http.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** Settings from the caller's environment that must not leak into the measured server. */
const appSettings = [
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'DATA_DIR',
  'DATABASE_URL',
  'SMTP_URL',
  'LOG_LEVEL',
  'TRUST_PROXY',
];
const pollMs = 20;
/** BENCH_START_TIMEOUT_MS: a machine busy with other work may need longer than two minutes. */
const startTimeoutMs = Number(process.env.BENCH_START_TIMEOUT_MS ?? 120_000);
const stopTimeoutMs = 15_000;

export interface StartupResult {
  /** Wall time from spawn to the first 200 on GET /. */
  firstPageMs: number;
  /** Resident memory of the server right after that first page. */
  rssMb: number | undefined;
  /** Wall time from SIGTERM to exit. */
  stopMs: number;
}

function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !appSettings.includes(name));
  return { ...Object.fromEntries(inherited), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...settings };
}

export function readRssMb(pid: number | undefined): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function pollUntilServed(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = performance.now() + startTimeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output()}`);
    const status = await httpGet(url, { timeoutMs: 5_000 }).catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`server did not serve ${url} within ${startTimeoutMs} ms:\n${output()}`);
}

async function stop(child: ChildProcess): Promise<number> {
  const started = performance.now();
  const exited = waitForExit(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`server did not stop cleanly on SIGTERM (exit code ${code})`);
  return performance.now() - started;
}

let compiled = false;

/** Compiles the server to dist/ as `npm start` does, once per bench run (not timed). */
function compileServer(): void {
  if (compiled) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts'], { cwd: root });
  compiled = true;
}

/** Spawns the compiled server as `npm start` does, times the first served page, reads its RSS, stops it. */
export async function measureStartup(settings: Record<string, string>): Promise<StartupResult> {
  compileServer();
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: root,
    env: serverEnv({ ...settings, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await pollUntilServed(`http://127.0.0.1:${port}/`, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const firstPageMs = performance.now() - started;
  const rssMb = readRssMb(child.pid);
  return { firstPageMs, rssMb, stopMs: await stop(child) };
}
