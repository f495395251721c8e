import { spawn } from 'node:child_process';
import path from 'node:path';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  /** Latencies in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

/** Keeps `concurrency` keep-alive connections busy for warm-up plus duration, from a child process. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const script = path.join(import.meta.dirname, 'load-client.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`load client exited with code ${code}`);
  const result: LoadResult = JSON.parse(output);
  return result;
}
