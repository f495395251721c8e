import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { vngPrinciples } from './registries-fields.ts';
import { registryMessage } from './registries.messages.ts';

/**
 * The VNG's Principes voor de digitale samenleving (2022) are six; the five checkboxes of the ethics
 * register are the areas the handreiking names for them, and no text may count five principles.
 */
const texts = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : texts(full);
    return /\.(ts|yaml|md)$/.test(entry.name) && !entry.name.endsWith('registries-vng.test.ts') ? [full] : [];
  });

describe('the VNG principles in the registers', () => {
  it('keeps five areas, labelled as areas, not as the principles', () => {
    assert.equal(vngPrinciples.length, 5);
    for (const locale of ['nl', 'en'] as const) {
      const t = registryMessage.for(locale);
      assert.match(t('group.vng'), locale === 'nl' ? /Aandachtsgebieden/ : /Areas/);
      assert.match(t('group.vng.hint'), locale === 'nl' ? /zes Principes/ : /six Principles/);
      assert.doesNotMatch(t('group.vng.hint'), /per principe|each principle/);
    }
  });

  it('has no text that counts five VNG principles', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const offending = ['src', 'content', 'docs'].flatMap((dir) =>
      texts(path.join(root, dir)).filter((file) =>
        /vijf VNG-principes|five VNG principles|Alle vijf VNG/i.test(fs.readFileSync(file, 'utf8')),
      ),
    );
    assert.deepEqual(
      offending.filter((f) => !f.endsWith('glossary.model.ts')),
      [],
    );
  });
});
