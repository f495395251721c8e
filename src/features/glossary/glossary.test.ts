import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { defaultContentDir, latestFrameworkVersion } from '../framework/index.ts';
import { forbiddenPhrases, glossaryTerms } from './index.ts';

const root = path.resolve(defaultContentDir, '../..');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}

/** Every line of the texts that uses a forbidden variant, with the term it should have used. */
function variantsIn(files: readonly string[]): string[] {
  const rules = [
    ...glossaryTerms.flatMap((term) => term.forbidden.map((pattern) => ({ term: term.nl.term, pattern }))),
    ...forbiddenPhrases.map((pattern) => ({ term: '(fout)', pattern })),
  ];
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        rules
          .filter((rule) => rule.pattern.test(line))
          .map(
            (rule) =>
              `${path.relative(root, file)}:${index + 1} uses ${String(rule.pattern)}, not "${rule.term}"`,
          ),
      ),
  );
}

describe('the language check', () => {
  const frameworkFiles = filesUnder(path.join(defaultContentDir, latestFrameworkVersion()), (n) =>
    n.endsWith('.yaml'),
  );
  const messageFiles = filesUnder(path.join(root, 'src'), (n) => n.endsWith('.messages.ts'));

  it('finds no forbidden variant of a term in the framework texts or the messages files', () => {
    assert.ok(frameworkFiles.length > 15 && messageFiles.length > 20, 'reads the texts');
    assert.deepEqual(variantsIn([...frameworkFiles, ...messageFiles]), []);
  });

  it('finds a variant when a text uses one', () => {
    const sample = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'routekaart-glossary-')),
      'sample.messages.ts',
    );
    try {
      fs.writeFileSync(
        sample,
        "'Begin met de nulmeting', 'gemeenten die bij naam delen'\n'the six preconditions'\n",
      );
      const found = variantsIn([sample]);
      assert.equal(found.length, 3, found.join('\n'));
      assert.match(found[0] ?? '', /:1 uses \/nulmeting\/i, not "Zelfscan"/);
    } finally {
      fs.rmSync(path.dirname(sample), { recursive: true, force: true });
    }
  });

  it('has one entry per term, each with a definition in both languages', () => {
    const ids = glossaryTerms.map((term) => term.id);
    assert.equal(new Set(ids).size, ids.length);
    const names = glossaryTerms.map((term) => term.nl.term.toLowerCase());
    assert.equal(new Set(names).size, names.length);
    for (const term of glossaryTerms) {
      assert.ok(term.nl.definition.length > 20 && term.en.definition.length > 20, term.id);
      for (const pattern of term.forbidden)
        assert.doesNotMatch(term.nl.term, pattern, `${term.id} forbids itself`);
    }
  });
});

describe('the glossary page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('lists every term with its definition, in Dutch and in English', async () => {
    const nl = await t.app.inject({ url: '/handreiking/begrippen' });
    assert.equal(nl.statusCode, 200);
    const en = await t.app.inject({ url: '/handreiking/begrippen', headers: { cookie: 'rk_lang=en' } });
    for (const term of glossaryTerms) {
      assert.ok(nl.body.includes(`id="${term.id}"`), term.id);
      assert.ok(nl.body.includes(term.nl.definition), `${term.id} in Dutch`);
    }
    assert.match(nl.body, /<h1 class="utrecht-heading-1">Begrippen<\/h1>/);
    assert.equal(en.statusCode, 200);
    assert.ok(en.body.includes('Societal challenge'));
  });

  it('is linked from the handreiking pages', async () => {
    for (const url of ['/handreiking', '/handreiking/route']) {
      const page = await t.app.inject({ url });
      assert.match(page.body, /href="\/handreiking\/begrippen"/, url);
    }
  });
});
