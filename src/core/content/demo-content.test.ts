import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import { DemoContentError, loadDemoContent, oneOf } from './demo-content.ts';

const Contract = Type.Object(
  { name: Type.String(), endDate: Type.String(), owner: Type.Optional(oneOf(['municipality', 'supplier'])) },
  { additionalProperties: false },
);
const Registers = Type.Object({ contracts: Type.Array(Contract) }, { additionalProperties: false });

describe('demo content loader', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-content-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(name: string, text: string): void {
    fs.writeFileSync(path.join(dir, `${name}.yaml`), text);
  }

  function refusal(name: string): DemoContentError {
    try {
      loadDemoContent(name, Registers, dir);
    } catch (error) {
      assert.ok(error instanceof DemoContentError, String(error));
      return error;
    }
    assert.fail(`${name}.yaml was accepted`);
  }

  it('loads a valid file, typed by its schema', () => {
    write('valid', 'contracts:\n  - name: Parkeerapp\n    endDate: "2027-01-31"\n    owner: supplier\n');
    const content = loadDemoContent('valid', Registers, dir);
    assert.deepEqual(content.contracts, [{ name: 'Parkeerapp', endDate: '2027-01-31', owner: 'supplier' }]);
    const owner: 'municipality' | 'supplier' | undefined = content.contracts[0]?.owner;
    assert.equal(owner, 'supplier');
  });

  it('refuses a value of the wrong type, naming the file and the path of the field', () => {
    write(
      'wrong-type',
      'contracts:\n' +
        '  - { name: A, endDate: "2027-01-31" }\n'.repeat(3) +
        '  - { name: D, endDate: 2027 }\n',
    );
    const error = refusal('wrong-type');
    assert.match(error.message, /wrong-type\.yaml: \/contracts\/3\/endDate must be a string/);
  });

  it('names a missing field, an unexpected one and a value outside a list', () => {
    write('several', 'contracts:\n  - name: A\n    colour: red\n    endDate: x\n    owner: nobody\n  - name: B\n');
    const { problems } = refusal('several');
    assert.ok(problems.some((p) => p.endsWith('several.yaml: /contracts/0/colour is not expected here')));
    assert.ok(problems.some((p) => /several\.yaml: \/contracts\/0\/owner must be one of municipality, supplier/.test(p)));
    assert.ok(problems.some((p) => p.endsWith('several.yaml: /contracts/1/endDate is missing')));
  });

  it('refuses YAML that does not parse, and a file that is not there', () => {
    write('broken', 'contracts:\n  - name: [unclosed\n');
    assert.match(refusal('broken').message, /broken\.yaml: invalid YAML/);
    assert.match(refusal('absent').message, /absent\.yaml: file not found/);
  });

  it('names files of the repository by their path in it', () => {
    assert.throws(
      () => loadDemoContent('no-such-demo-file', Registers),
      /^DemoContentError: content\/demo\/no-such-demo-file\.yaml: file not found$/,
    );
  });
});
