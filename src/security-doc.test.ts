import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * docs/security.md maps each control to the test that shows it (issue 15). This keeps the map
 * honest: every cited test file exists, and every cited test name is in that file, so a renamed
 * or removed test makes this fail instead of leaving the officer a dead reference.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const document = fs.readFileSync(path.join(root, 'docs/security.md'), 'utf8');

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(relative);
    return /\.(test|e2e)\.ts$/.test(entry.name) ? [relative] : [];
  });
}
const allTestFiles = [...testFiles('src'), ...testFiles('e2e')];

interface Citation {
  control: string;
  file: string;
  names: string[];
}

/** The citations of the tables' last column: `file.test.ts`: *name*, *name*; `other.test.ts` … */
function citations(): Citation[] {
  const found: Citation[] = [];
  for (const line of document.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1);
    const control = cells[0]?.trim() ?? '';
    const testCell = cells.at(-1) ?? '';
    const parts = testCell.split(/`([\w./-]+\.(?:test|e2e)\.ts)`/);
    for (let i = 1; i < parts.length; i += 2) {
      const names = [...(parts[i + 1] ?? '').matchAll(/\*([^*]+)\*/g)].map((m) => m[1] ?? '');
      found.push({ control, file: parts[i] ?? '', names });
    }
  }
  return found;
}

function resolve(file: string): string[] {
  return file.includes('/')
    ? allTestFiles.filter((f) => f === path.normalize(file) || f.endsWith(`/${file}`))
    : allTestFiles.filter((f) => path.basename(f) === file);
}

const plain = (text: string) => text.replace(/[`\\]/g, '');

/** Whether the pieces of a cited name (split at …) occur in the source, in this order. */
function containsInOrder(source: string, name: string): boolean {
  let from = 0;
  for (const piece of plain(name)
    .split('…')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = source.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

describe('docs/security.md cites tests that exist', () => {
  it('names test files that exist, each exactly once in the code base', () => {
    const cited = citations();
    assert.ok(cited.length > 30, `only ${cited.length} citations found: the format was not read`);
    const wrong = cited
      .filter(({ file }) => resolve(file).length !== 1)
      .map(({ control, file }) => `${control}: ${file} is not one test file (give its path)`);
    assert.deepEqual(wrong, []);
  });

  it('names tests that are in the cited file (… stands for words left out)', () => {
    const missing: string[] = [];
    for (const { control, file, names } of citations()) {
      const [found] = resolve(file);
      if (!found) continue;
      const source = plain(fs.readFileSync(path.join(root, found), 'utf8'));
      for (const name of names)
        if (!containsInOrder(source, name)) missing.push(`${control}: "${name}" is not in ${file}`);
    }
    assert.deepEqual(missing, []);
  });
});
