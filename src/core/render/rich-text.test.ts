import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderRichText, richTextToPlain } from './rich-text.ts';

describe('rich text', () => {
  it('renders paragraphs, lists and links', () => {
    const out = renderRichText('Onze visie.\n\n- inwoners\n- ondernemers\n\n[VNG](https://vng.nl)').value;
    assert.match(out, /<p>Onze visie\.<\/p>/);
    assert.match(out, /<ul>\s*<li>inwoners<\/li>/);
    assert.match(
      out,
      /<a href="https:\/\/vng\.nl" rel="noopener noreferrer nofollow" class="utrecht-link">VNG<\/a>/,
    );
  });

  it('escapes raw HTML instead of passing it through', () => {
    const out = renderRichText('<script>alert(1)</script><img src=x onerror=alert(1)>').value;
    assert.doesNotMatch(out, /<script|<img/);
    assert.match(out, /&lt;script&gt;/);
  });

  it('refuses javascript: links', () => {
    const out = renderRichText('[klik](javascript:alert(1))').value;
    assert.doesNotMatch(out, /href="javascript:/);
  });

  it('gives plain text without markup', () => {
    assert.equal(richTextToPlain('# Kop\n\nTekst met *nadruk* & meer.'), 'Kop Tekst met nadruk & meer.');
  });
});
