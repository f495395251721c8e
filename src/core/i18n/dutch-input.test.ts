import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberHint, numberProblemMessage, readDate, readNumber, type NumberRule } from './dutch-input.ts';

const euros: NumberRule = { decimals: 2, min: 0, max: 10_000_000_000 };
const months: NumberRule = { decimals: 0, min: 0, max: 120 };

describe('readNumber reads numbers as Dutch officials type them', () => {
  const accepted: [string, NumberRule, number][] = [
    ['1250', euros, 1250],
    ['1250,50', euros, 1250.5],
    ['1250,5', euros, 1250.5],
    ['1.250.000', euros, 1_250_000],
    ['€ 1.250.000', euros, 1_250_000],
    ['€1.250.000,00', euros, 1_250_000],
    ['EUR 125.000,50', euros, 125_000.5],
    ['1250.50', euros, 1250.5],
    ['12.5', euros, 12.5],
    ['1.250', euros, 1250],
    ['1 250 000', euros, 1_250_000],
    ['1\u00a0250,75', euros, 1250.75],
    ['1,250.50', euros, 1250.5],
    ['0,5', euros, 0.5],
    ['  42  ', months, 42],
    ['12,0', months, 12],
    ['120', months, 120],
    ['0', months, 0],
    ['-3', { decimals: 0, min: -10, max: 10 }, -3],
  ];
  for (const [text, rule, expected] of accepted)
    it(`reads "${text}" as ${expected}`, () => {
      assert.deepEqual(readNumber(text, rule), { ok: true, value: expected });
    });

  const refused: [string, NumberRule, string][] = [
    ['12.5', months, 'notWhole'],
    ['1250.50', months, 'notWhole'],
    ['125050', months, 'range'],
    ['121', months, 'range'],
    ['-1', months, 'range'],
    ['1,255', euros, 'format'],
    ['1.2345', euros, 'format'],
    ['1,250,000', euros, 'format'],
    ['0.125', euros, 'format'],
    ['12,345', euros, 'format'],
    ['1250,505', euros, 'tooManyDecimals'],
    ['1.25.0', euros, 'format'],
    ['12 50', euros, 'format'],
    ['1.250 000', euros, 'format'],
    ['twaalf', months, 'format'],
    ['', months, 'format'],
    ['1e5', euros, 'format'],
    ['0x10', euros, 'format'],
    ['Infinity', euros, 'format'],
    ['9'.repeat(30), euros, 'format'],
    ['99999999999', euros, 'range'],
  ];
  for (const [text, rule, problem] of refused)
    it(`refuses "${text}" (${problem})`, () => {
      assert.deepEqual(readNumber(text, rule), { ok: false, problem });
    });

  it('explains a refusal with an accepted example, in both languages', () => {
    assert.match(numberProblemMessage('nl', 'format', euros, '1,255'), /"1,255".*1\.250,5/);
    assert.match(numberProblemMessage('en', 'format', euros, '1,255'), /"1,255".*1,250\.5/);
    assert.match(numberProblemMessage('nl', 'range', months, '125050'), /0 tot en met 120/);
    assert.match(numberProblemMessage('nl', 'notWhole', months, '12.5'), /heel getal/);
    assert.match(numberHint('nl', euros), /1250\.50/);
  });
});

describe('readDate reads ISO and day-first dates', () => {
  const cases: [string, string | undefined][] = [
    ['2028-12-31', '2028-12-31'],
    ['31-12-2028', '2028-12-31'],
    ['1-2-2027', '2027-02-01'],
    ['31/12/2028', '2028-12-31'],
    ['31.12.2028', '2028-12-31'],
    [' 2028-1-5 ', '2028-01-05'],
    ['29-02-2028', '2028-02-29'],
    ['29-02-2027', undefined],
    ['31-04-2028', undefined],
    ['12-31-2028', undefined],
    ['31-12-28', undefined],
    ['31-12/2028', undefined],
    ['morgen', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases)
    it(`${expected ? 'reads' : 'refuses'} "${text}"`, () => {
      assert.deepEqual(readDate(text), expected ? { ok: true, value: expected } : { ok: false });
    });
});
