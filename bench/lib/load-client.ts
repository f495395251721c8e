import http from 'node:http';
import { httpGet } from './http.ts';
import { percentile, type LoadOptions, type LoadResult } from './load.ts';

/**
 * The load generator, run as its own process by runLoad so that it does not share the measured
 * server's event loop. Takes LoadOptions as JSON in argv[2], prints a LoadResult as JSON.
 */
async function run(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let failed = { non2xx: 0, errors: 0 };
  let recording = false;

  async function loop(end: number): Promise<void> {
    while (performance.now() < end) {
      const started = performance.now();
      try {
        const status = await httpGet(options.url, { headers: options.headers, agent, timeoutMs: 10_000 });
        if (recording) latencies.push(performance.now() - started);
        if (recording && (status < 200 || status > 299)) failed.non2xx++;
      } catch {
        if (recording) failed.errors++;
      }
    }
  }

  const phase = (ms: number) =>
    Promise.all(Array.from({ length: options.concurrency }, () => loop(performance.now() + ms)));
  await phase(options.warmupMs);
  recording = true;
  failed = { non2xx: 0, errors: 0 };
  const started = performance.now();
  await phase(options.durationMs);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    ...failed,
  };
}

const options: LoadOptions = JSON.parse(process.argv[2] ?? '{}');
process.stdout.write(JSON.stringify(await run(options)));
