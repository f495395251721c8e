import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';

/** The project's root and the `routekaart` command, for tests that run it as a separate process. */
export const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'routekaart.js');

/** Settings a test's own environment must not pass on to a child process. */
const settingKeys = [
  'DATABASE_URL',
  'DATA_DIR',
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'SMTP_URL',
  'LOG_LEVEL',
  'NODE_TEST_CONTEXT',
];

/** The environment for a child: the test's own, without its settings, plus these. */
export function env(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !settingKeys.includes(key));
  return { ...Object.fromEntries(inherited), LOG_LEVEL: 'warn', ...settings };
}

/** Runs `routekaart …` in its own process and collects what it prints. */
export function runCli(args: string[], settings: Record<string, string>) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: env(settings) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `routekaart …` and fails the test unless it ends with status 0; returns what it printed. */
export async function runOk(args: string[], settings: Record<string, string>): Promise<string> {
  const result = await runCli(args, settings);
  assert.equal(result.code, 0, `${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}
