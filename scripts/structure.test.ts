import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkStructure, importsOf, maxLines, readSourceTree, type SourceTree } from './structure.ts';

/** A small tree that keeps every rule: two slices meeting at index.ts, a plugin, a demo, the core. */
function healthyTree(): SourceTree {
  return new Map([
    ['src/app.ts', "import { registerScan } from './features/scan/scan.plugin.ts';\n"],
    ['src/cli/seed-demo.ts', "import { seedDemoScans } from '../features/scan/scan.demo.ts';\n"],
    ['src/core/http/errors.ts', 'export const notFound = () => new Error();\n'],
    ['src/features/scan/index.ts', "export { findScan } from './scan.queries.ts';\n"],
    ['src/features/scan/scan.queries.ts', "import { notFound } from '../../core/http/errors.ts';\n"],
    ['src/features/scan/scan.plugin.ts', "import { findScan } from './scan.queries.ts';\n"],
    ['src/features/scan/scan.demo.ts', "import { findScan } from './scan.queries.ts';\n"],
    ['src/features/scan/scan.fixtures.ts', "import { findScan } from './index.ts';\n"],
    ['src/features/documents/index.ts', "export type { Doc } from './documents.model.ts';\n"],
    ['src/features/documents/documents.model.ts', "import { findScan } from '../scan/index.ts';\n"],
    ['src/features/documents/documents.test.ts', "import { insert } from '../scan/scan.fixtures.ts';\n"],
  ]);
}

function rulesBroken(tree: SourceTree): string[] {
  return checkStructure(tree).map((v) => `${v.rule} ${v.file}`);
}

describe('the structure check', () => {
  it('passes a tree that keeps every rule', () => {
    assert.deepEqual(rulesBroken(healthyTree()), []);
  });

  it('finds a planted import cycle and names its files', () => {
    const tree = healthyTree();
    tree.set('src/features/scan/scan.queries.ts', "import { render } from './scan.views.ts';\n");
    tree.set('src/features/scan/scan.views.ts', "import type { Row } from './scan.queries.ts';\n");
    const cycles = checkStructure(tree).filter((v) => v.rule === 'no-import-cycles');
    assert.equal(cycles.length, 1);
    assert.match(cycles[0]?.message ?? '', /scan\.queries\.ts, src\/features\/scan\/scan\.views\.ts/);
  });

  it('finds a cycle between slices that runs through their index files', () => {
    const tree = healthyTree();
    tree.set('src/features/scan/index.ts', "export { docLink } from '../documents/index.ts';\n");
    tree.set('src/features/documents/index.ts', "export { findScan } from '../scan/index.ts';\n");
    assert.ok(rulesBroken(tree).some((r) => r.startsWith('no-import-cycles')));
  });

  it('refuses the core importing a slice', () => {
    const tree = healthyTree();
    tree.set('src/core/render/html.ts', "import { findScan } from '../../features/scan/index.ts';\n");
    assert.deepEqual(rulesBroken(tree), ['core-imports-no-slice src/core/render/html.ts']);
  });

  it('refuses a slice reaching past another slice index', () => {
    const tree = healthyTree();
    tree.set(
      'src/features/documents/documents.model.ts',
      "import { findScan } from '../scan/scan.queries.ts';\n",
    );
    const [violation] = checkStructure(tree);
    assert.equal(violation?.rule, 'slices-meet-at-index');
    assert.match(violation?.message ?? '', /import src\/features\/scan\/index\.ts instead/);
  });

  it('lets only app.ts import a plugin, and only the command line, demos and tests a demo', () => {
    const tree = healthyTree();
    tree.set(
      'src/features/documents/documents.model.ts',
      "import { registerScan } from '../scan/scan.plugin.ts';\n",
    );
    tree.set(
      'src/features/documents/documents.views.ts',
      "import { seedDemoScans } from '../scan/scan.demo.ts';\n",
    );
    tree.set(
      'src/features/documents/documents.demo.ts',
      "import { seedDemoScans } from '../scan/scan.demo.ts';\n",
    );
    assert.deepEqual(rulesBroken(tree).sort(), [
      'demo-only-from-cli src/features/documents/documents.views.ts',
      'plugin-only-from-app src/features/documents/documents.model.ts',
    ]);
  });

  it('keeps fixtures out of production code', () => {
    const tree = healthyTree();
    tree.set(
      'src/features/documents/documents.model.ts',
      "import { insert } from '../scan/scan.fixtures.ts';\n",
    );
    tree.set('src/features/scan/scan.views.ts', "import { insert } from './scan.fixtures.ts';\n");
    assert.deepEqual(rulesBroken(tree).sort(), [
      'fixtures-only-from-tests src/features/documents/documents.model.ts',
      'fixtures-only-from-tests src/features/scan/scan.views.ts',
    ]);
  });

  it('refuses an index.ts that does more than re-export', () => {
    const tree = healthyTree();
    tree.set(
      'src/features/scan/index.ts',
      "import type { FastifyInstance } from 'fastify';\nexport function registerScan(app: FastifyInstance) {}\n",
    );
    assert.deepEqual(rulesBroken(tree), ['index-only-re-exports src/features/scan/index.ts']);
  });

  it(`refuses a code file over ${maxLines} lines, but not a catalogue or a test`, () => {
    const tree = healthyTree();
    const long = 'export const x = 1;\n'.repeat(maxLines + 1);
    tree.set('src/features/scan/scan.service.ts', long);
    tree.set('src/features/scan/scan.messages.ts', long);
    tree.set('src/features/scan/scan.test.ts', long);
    assert.deepEqual(rulesBroken(tree), ['file-length src/features/scan/scan.service.ts']);
  });

  it('refuses a file name outside the vocabulary of roles', () => {
    const tree = healthyTree();
    tree.set('src/features/scan/scan.form.views.ts', '');
    tree.set('src/features/scan/scan.helpers.ts', '');
    tree.set('src/features/scan/scan_latest.ts', '');
    tree.set('src/features/scan/scan-latest.ts', '');
    tree.set('src/features/scan/answer.routes.test.ts', '');
    assert.deepEqual(rulesBroken(tree).sort(), [
      'file-name src/features/scan/scan.form.views.ts',
      'file-name src/features/scan/scan.helpers.ts',
      'file-name src/features/scan/scan_latest.ts',
    ]);
  });

  it('reads static, re-exported, side-effect and dynamic imports, and ignores packages', () => {
    const source = [
      "import a from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "import './e.ts';",
      "const f = await import('./f.ts');",
      "import {\n  g,\n  h,\n} from './g.ts';",
      "import fastify from 'fastify';",
    ].join('\n');
    assert.deepEqual(importsOf(source), [
      './a.ts',
      '../b.ts',
      './c.ts',
      './d.ts',
      './e.ts',
      './f.ts',
      './g.ts',
    ]);
  });

  it("passes the project's own source tree", () => {
    const violations = checkStructure(readSourceTree(path.resolve(import.meta.dirname, '..')));
    assert.deepEqual(
      violations.map((v) => `${v.file}: [${v.rule}] ${v.message}`),
      [],
    );
  });
});
