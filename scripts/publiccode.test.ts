import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');

describe('publiccode.yml', () => {
  it('is valid against the official schema copied in standards/publiccode', () => {
    const schema: unknown = JSON.parse(
      fs.readFileSync(path.join(root, 'standards/publiccode/publiccode_schema.json'), 'utf8'),
    );
    const document: unknown = parse(fs.readFileSync(path.join(root, 'publiccode.yml'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(typeof schema === 'object' && schema !== null ? schema : {});
    const isValid = validate(document);
    assert.ok(isValid, JSON.stringify(validate.errors, null, 2));
  });

  it('states the licence and the version that package.json states', () => {
    const document: unknown = parse(fs.readFileSync(path.join(root, 'publiccode.yml'), 'utf8'));
    const pkg: unknown = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.ok(typeof document === 'object' && document !== null && 'legal' in document);
    assert.ok(typeof pkg === 'object' && pkg !== null && 'license' in pkg);
    const legal: unknown = document.legal;
    assert.ok(typeof legal === 'object' && legal !== null && 'license' in legal);
    assert.equal(legal.license, pkg.license);
    assert.equal(legal.license, 'EUPL-1.2');
  });
});
