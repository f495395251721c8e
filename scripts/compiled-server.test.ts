import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { env, root } from '../src/testing/cli-process.ts';

/**
 * `npm start` and the container image run the server compiled to dist/ with plain Node (decision
 * 0033); every other test runs the TypeScript through tsx. This one builds dist/ as `npm start`
 * does and serves from it: the worker threads (the embedded database's and the pool's) must find
 * their JavaScript modules, and the framework is read from the build's checked copy.
 */
const dist = path.join(root, 'dist');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

async function waitForReady(base: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the compiled server did not become ready:\n${output()}`);
}

describe('the compiled server', { timeout: 240_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'routekaart-compiled-'));
  let base = '';
  let output = '';
  let child: ReturnType<typeof spawn> | undefined;

  before(async () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts'], { cwd: root });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.join(dist, 'main.js')], {
      cwd: root,
      env: env({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }),
    });
    const keep = (chunk: Buffer) => (output += chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await waitForReady(base, () => output);
  });

  after(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is JavaScript beside the layout of src/, with each framework version checked into JSON', () => {
    assert.ok(fs.existsSync(path.join(dist, 'core/db/pglite-worker.js')));
    assert.ok(fs.existsSync(path.join(dist, 'core/workers/pool-worker.js')));
    assert.ok(
      fs.existsSync(path.join(dist, 'features/registries/standards/publicatiestandaard-1.0.fields.json')),
    );
    const versions = fs.readdirSync(path.join(root, 'content/frameworks'));
    for (const version of versions)
      assert.ok(fs.existsSync(path.join(dist, 'frameworks', `${version}.json`)), version);
    assert.equal(
      fs.readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith('.ts')).length,
      0,
    );
  });

  it('serves pages from the embedded database and draws images on its worker threads', async () => {
    const home = await fetch(`${base}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Routekaart/);
    const scan = await fetch(`${base}/handreiking/route`);
    assert.equal(scan.status, 200);
    const png = await fetch(`${base}/handreiking/route.png`);
    assert.equal(png.status, 200, output);
    assert.equal(png.headers.get('content-type'), 'image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
  });

  it('stops cleanly on SIGTERM', async () => {
    assert.ok(child);
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, output);
    assert.doesNotMatch(output, /cannot start|"level":5\d/);
  });
});
