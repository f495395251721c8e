import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { csvField, toCsv } from './csv.ts';

const formulaStart = /^[=+\-@\t\r]/;

describe('CSV export is formula-safe per cell', () => {
  it('quotes a field holding ; , tab or a line break, whatever the separator', () => {
    assert.equal(csvField('Jan;Piet'), '"Jan;Piet"');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('a\tb'), '"a\tb"');
    assert.equal(csvField('a\nb'), '"a\nb"');
    assert.equal(csvField('zeg "hoi"'), '"zeg ""hoi"""');
    assert.equal(csvField('gewoon'), 'gewoon');
  });

  it('neutralises a leading = + - @ tab or carriage return in text, not in numbers', () => {
    for (const value of ['=1+1', '+31 6', '-2', '@SUM(A1)', '\t=1', '\r=1'])
      assert.ok(csvField(value).replace(/^"/, '').startsWith("'"), JSON.stringify(value));
    assert.equal(csvField(-5), '-5');
  });

  it('neutralises a formula after a separator inside a cell, for programs that split on another one', () => {
    assert.equal(csvField("Jan;=cmd|' /C calc'!A0"), `"Jan;'=cmd|' /C calc'!A0"`);
    assert.equal(csvField('a, +31 6'), `"a, '+31 6"`);
    assert.equal(csvField('2026-12-07'), '2026-12-07', 'a dash inside a value is left alone');
  });

  it('leaves no cell starting a formula when Excel splits on ; or , (the Brigade payload)', () => {
    const csv = toCsv([
      ['naam', 'telefoon'],
      ["Jan;=cmd|' /C calc'!A0", '=HYPERLINK("http://x")'],
      ['a,@SUM(1)', 'tab\t=1'],
    ]).replace(/^\uFEFF/, '');
    for (const delimiter of [';', ',']) {
      const cells: string[][] = parse(csv, { delimiter, relax_quotes: true, relax_column_count: true });
      for (const cell of cells.flat())
        assert.ok(!formulaStart.test(cell), `${delimiter}: ${JSON.stringify(cell)}`);
    }
  });
});
