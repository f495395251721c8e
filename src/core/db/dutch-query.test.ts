import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOneTypoApart, parseQuery, wordsOf } from './dutch-query.ts';

describe('reading a Dutch search query', () => {
  it('splits words on anything but letters and digits, in lower case, without one-letter words', () => {
    assert.deepEqual(wordsOf("Coöperatie 's-Hertogenbosch e-mail 2024"), [
      'coöperatie',
      'hertogenbosch',
      'mail',
      '2024',
    ]);
  });

  it('reads words, phrases, left-out words and "or" as web search engines do', () => {
    assert.deepEqual(parseQuery('parkeer "open data" -drone fiets or step'), [
      [{ kind: 'word', word: 'parkeer' }],
      [{ kind: 'phrase', text: 'open data' }],
      [{ kind: 'not', word: 'drone' }],
      [
        { kind: 'word', word: 'fiets' },
        { kind: 'word', word: 'step' },
      ],
    ]);
    assert.deepEqual(parseQuery('or " " -'), []);
  });

  it('counts one typo: a letter added, left out, changed, or two neighbours swapped', () => {
    const table: [string, string, boolean][] = [
      ['parkeergarage', 'parkeergarage', true],
      ['parkeergarge', 'parkeergarage', true],
      ['parkeergarrage', 'parkeergarage', true],
      ['parkeergarafe', 'parkeergarage', true],
      ['prakeergarage', 'parkeergarage', true],
      ['prakeergarge', 'parkeergarage', false],
      ['parkeergarages', 'parkeergarage', true],
      ['parkeergarageses', 'parkeergarage', false],
      ['abcd', 'badc', false],
    ];
    for (const [a, b, expected] of table) {
      assert.equal(isOneTypoApart(a, b), expected, `${a} / ${b}`);
      assert.equal(isOneTypoApart(b, a), expected, `${b} / ${a}`);
    }
  });
});
