import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataList } from './components.ts';
import { html } from './html.ts';

describe('dataList', () => {
  const list = dataList(
    [
      { label: 'Partners', value: '' },
      { label: 'Mijlpalen', value: [] },
      { label: 'Budget', value: null },
      { label: 'Thema', value: html`<strong>Open data</strong>` },
    ],
    'niet ingevuld',
  ).value;

  it('shows an empty value as a dash that screen readers read as "not filled in", never a bare term', () => {
    const dashes = list.match(
      /<span aria-hidden="true">—<\/span><span class="rk-visually-hidden">niet ingevuld<\/span>/g,
    );
    assert.equal(dashes?.length, 3);
    assert.match(list, /<dd class="utrecht-data-list__item-value">\s*<strong>Open data<\/strong>/);
  });

  it('is the Utrecht data list, one item per term', () => {
    assert.match(list, /^<dl class="utrecht-data-list utrecht-data-list--rows">/);
    assert.equal(list.match(/<div class="utrecht-data-list__item">/g)?.length, 4);
  });
});
