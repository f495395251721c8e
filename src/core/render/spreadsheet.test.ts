import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTable } from './spreadsheet.ts';
import { honestWorkbook, oneFarCell, zipBomb } from './spreadsheet.fixtures.ts';

const limits = { maxRows: 5000, maxColumns: 50 };

describe('reading a spreadsheet, sized first', () => {
  it('refuses one cell at row 200, column 200 (GR200) as too many columns', async () => {
    assert.equal(await readTable(oneFarCell('GR200'), limits), 'tooManyColumns');
  });

  it('refuses one cell at XFD1048576, also when the sheet says it is one cell big', async () => {
    assert.equal(await readTable(oneFarCell('XFD1048576'), limits), 'tooManyColumns');
    assert.equal(await readTable(oneFarCell('XFD1048576', { dimension: 'A1' }), limits), 'tooManyColumns');
    assert.equal(await readTable(oneFarCell('A1048576', { dimension: 'A1' }), limits), 'tooManyRows');
  });

  it('reads a sheet whose far cell is only formatted, without visiting the empty cells', async () => {
    const table = await readTable(oneFarCell('XFD1048576', { formattedOnly: true }), limits);
    assert.deepEqual(table, [['name']]);
  });

  it('refuses a zip bomb by its declared size, and one that lies about it by what it unpacks to', async () => {
    assert.equal(await readTable(zipBomb(80, false), limits), 'unpackedTooLarge');
    assert.equal(await readTable(zipBomb(80, true), limits), 'unpackedTooLarge');
  });

  it('reads an honest 5,000 × 12 workbook completely, and refuses one row more', async () => {
    const table = await readTable(await honestWorkbook(5000, 12), limits);
    assert.ok(Array.isArray(table));
    assert.equal(table.length, 5001);
    assert.deepEqual(table[5000]?.slice(0, 3), ['rij 5000 kolom 1', 'rij 5000 kolom 2', '50002']);
    assert.ok(table.every((row) => row.length === 12));
    assert.equal(await readTable(await honestWorkbook(5001, 3), limits), 'tooManyRows');
  });

  it('counts CSV rows and columns with a value while parsing, and stops past the limits', async () => {
    const rows = (n: number, columns = 3) =>
      Buffer.from(Array.from({ length: n + 1 }, (_, r) => Array(columns).fill(`c${r}`).join(';')).join('\n'));
    assert.equal(((await readTable(rows(5000), limits)) as string[][]).length, 5001);
    assert.equal(await readTable(rows(5001), limits), 'tooManyRows');
    assert.equal(await readTable(rows(2, 51), limits), 'tooManyColumns');
    // Empty separators at the end of a line (as Excel writes them) are not columns of data.
    const padded = Buffer.from(`a;b${';'.repeat(80)}\n1;2${';'.repeat(80)}`);
    assert.equal(((await readTable(padded, limits)) as string[][]).length, 2);
  });
});
