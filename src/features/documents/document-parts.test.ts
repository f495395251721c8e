import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownBlocks } from './document-markdown.ts';
import { formatEuros } from '../../core/i18n/i18n.ts';

describe('document parts', () => {
  it("turns the vision's Markdown into headings, paragraphs and lists, keeping link addresses", () => {
    const blocks = markdownBlocks(
      '## Waarom\n\nDigitalisering is een **middel**, zie [de handreiking](https://example.org/h).\n\n- Eerst de opgave\n- Dan *de techniek*\n',
    );
    assert.deepEqual(blocks, [
      { kind: 'heading', level: 2, text: 'Waarom' },
      {
        kind: 'paragraph',
        text: 'Digitalisering is een middel, zie de handreiking (https://example.org/h).',
      },
      { kind: 'list', items: ['Eerst de opgave', 'Dan de techniek'] },
    ]);
  });

  it('writes euro amounts in Dutch and English notation, with cents only when there are any', () => {
    // A no-break space keeps the sign with the amount at a line end.
    assert.equal(formatEuros('nl', 1_250_000), '€\u00a012.500');
    assert.equal(formatEuros('nl', 1_250_050), '€\u00a012.500,50');
    assert.equal(formatEuros('en', 1_250_000), '€12,500');
  });
});
