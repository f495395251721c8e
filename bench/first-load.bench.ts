import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildApp } from '../src/app.ts';
import { seedDemo } from '../src/cli/seed-demo.ts';
import { loadConfig } from '../src/config.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { TestClient } from '../src/testing/test-app.ts';
import { freePort } from './lib/http.ts';
import { fixed, formatTable } from './lib/table.ts';

/**
 * A first visit to the pages of issue 16 (decision 0009): the bytes transferred for the HTML and
 * everything it loads (stylesheet, script, preloaded fonts, icon), as served (Brotli) beside the same
 * bytes uncompressed, measured in this run; then Lighthouse's mobile scores for performance and
 * accessibility in Debian's Chromium. Targets: under 100 KB, performance ≥ 95, accessibility 100.
 */
const root = path.resolve(import.meta.dirname, '..');
const progress = (message: string) => console.error(`… ${message}`);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const withLighthouse = process.env.BENCH_LIGHTHOUSE !== '0';

/** Bytes on the wire for one GET (the body as sent, before any decoding), and the body decoded. */
function fetchRaw(url: string, headers: Record<string, string>): Promise<{ bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = response.headers['content-encoding'];
          const zlib = process.getBuiltinModule('node:zlib');
          const body =
            encoding === 'br'
              ? zlib.brotliDecompressSync(raw)
              : encoding === 'gzip'
                ? zlib.gunzipSync(raw)
                : raw;
          resolve({
            bytes: raw.length + JSON.stringify(response.headers).length,
            body: body.toString('utf8'),
          });
        });
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** What a first visit loads: the page, then its stylesheets, scripts, preloads and icon. */
async function firstVisit(base: string, pagePath: string, headers: Record<string, string>) {
  const page = await fetchRaw(`${base}${pagePath}`, headers);
  const assets = [...page.body.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="(\/assets\/[^"]+)"/g)].map(
    (m) => (m[1] ?? '').replaceAll('&amp;', '&'),
  );
  let total = page.bytes;
  for (const asset of new Set(assets)) total += (await fetchRaw(`${base}${asset}`, headers)).bytes;
  return total;
}

async function lighthouseScores(url: string, cookie: string, port: number) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    extraHeaders: cookie ? { Cookie: cookie } : {},
  });
  const categories = result?.lhr.categories;
  const score = (s: number | null | undefined) => (s == null ? undefined : Math.round(s * 100));
  return {
    performance: score(categories?.performance?.score),
    accessibility: score(categories?.accessibility?.score),
    fcp: result?.lhr.audits['first-contentful-paint']?.numericValue,
  };
}

progress('building the assets');
execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build-assets.ts')], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-bench-first-load-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: String(port), PUBLIC_URL: base });
const database = await openAndPrepareDatabase(config);
const chrome = withLighthouse
  ? await chromeLauncher.launch({
      chromePath: chromium,
      chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  : undefined;
try {
  progress('seeding the demo');
  const password = 'de maasbruggen bij zonsondergang';
  await seedDemo(database.db, password);
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  const client = new TestClient(app);
  await client.signIn('noor.bakker@rotterdam.example', password);
  const scans = await client.request('GET', '/o/GM0599/scans');
  const scan = /href="(\/o\/GM0599\/scans\/\d+)"/.exec(scans.body)?.[1] ?? '/o/GM0599/scans/1';
  const pages: { label: string; path: string; signedIn: boolean }[] = [
    { label: 'home', path: '/', signedIn: false },
    { label: 'dashboard', path: '/o/GM0599', signedIn: true },
    { label: 'scan results', path: `${scan}/results`, signedIn: true },
    { label: 'benchmark', path: '/o/GM0599/benchmark', signedIn: true },
    { label: 'strategy', path: '/o/GM0599/strategy', signedIn: true },
    { label: 'practices list', path: '/knowledge', signedIn: false },
  ];
  const rows = [];
  for (const page of pages) {
    progress(page.label);
    const cookie = page.signedIn ? client.cookieHeader : '';
    const compressed = await firstVisit(base, page.path, { 'accept-encoding': 'br, gzip', cookie });
    const identity = await firstVisit(base, page.path, { 'accept-encoding': 'identity', cookie });
    const scores = chrome ? await lighthouseScores(`${base}${page.path}`, cookie, chrome.port) : undefined;
    rows.push([
      page.label,
      fixed(compressed / 1024, 1),
      fixed(identity / 1024, 1),
      fixed(identity / compressed, 1),
      scores?.performance,
      scores?.accessibility,
      fixed(scores?.fcp),
    ]);
  }
  await app.close();
  console.log(
    formatTable(
      ['page (first visit)', 'KB sent', 'KB uncompressed', 'ratio', 'LH perf', 'LH a11y', 'LH FCP ms'],
      rows,
    ),
  );
  console.log('Targets: under 100 KB sent, Lighthouse (mobile) performance ≥ 95 and accessibility 100.');
} finally {
  await chrome?.kill();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
