import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { defaultContentDir, loadFramework, writeCompiledFramework } from './framework-loader.ts';

const version = '2026.2';
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'routekaart-compiled-framework-'));
const contentDir = path.join(tempDir, 'content');
const compiledDir = path.join(tempDir, 'compiled');
fs.cpSync(path.join(defaultContentDir, version), path.join(contentDir, version), { recursive: true });

after(() => fs.rmSync(tempDir, { recursive: true, force: true }));

/** The build's JSON copy of a version stands in for its YAML only while the content is unchanged. */
describe('a compiled framework version', () => {
  const fromYaml = loadFramework(version, contentDir);

  it('holds the same framework as its YAML', () => {
    writeCompiledFramework(compiledDir, fromYaml);
    assert.deepEqual(loadFramework(version, contentDir, compiledDir), fromYaml);
  });

  it('is what the loader reads while its hash matches the content', () => {
    const file = path.join(compiledDir, `${version}.json`);
    const compiled = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof fromYaml;
    fs.writeFileSync(
      file,
      JSON.stringify({ ...compiled, title: { nl: 'Uit de build', en: 'From the build' } }),
    );
    assert.equal(loadFramework(version, contentDir, compiledDir).title.nl, 'Uit de build');
  });

  it('is passed over once the content changed since the build', () => {
    const frameworkFile = path.join(contentDir, version, 'framework.yaml');
    fs.appendFileSync(frameworkFile, '\n# changed after the build\n');
    const loaded = loadFramework(version, contentDir, compiledDir);
    assert.deepEqual(loaded.title, fromYaml.title);
    assert.notEqual(loaded.hash, fromYaml.hash);
  });
});
