import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { radarChart, type RadarAxis } from './charts.ts';
import { dataTable } from './data-table.ts';
import { barChart, symmetricExtent } from './bar-chart.ts';
import { wrapLabel } from './svg.ts';

const seriesLabels = { value: 'Score', target: 'Ambitie', previous: 'Vorige scan' };

/** Tags must nest and close; a stray `<` from an unescaped label would break this too. */
function assertWellFormed(markup: string): void {
  const open: string[] = [];
  for (let at = markup.indexOf('<'); at !== -1; at = markup.indexOf('<', at + 1)) {
    const end = markup.indexOf('>', at);
    assert.ok(end > at, `unterminated tag at ${at}`);
    const tag = markup.slice(at + 1, end).trim();
    const name = tag.replace(/^\//, '').split(/[\s/]/)[0] ?? '';
    assert.match(name, /^[a-z][a-z0-9]*$/, `bad tag <${tag}>`);
    if (tag.startsWith('/')) assert.equal(open.pop(), name, `</${name}> closes the wrong element`);
    else if (!tag.endsWith('/')) open.push(name);
  }
  assert.deepEqual(open, [], 'unclosed elements');
}

const count = (markup: string, needle: string): number => markup.split(needle).length - 1;
const attribute = (tag: string, name: string): string => {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  assert.ok(found?.[1] !== undefined, `no ${name} in ${tag}`);
  return found[1];
};
const numberAttribute = (tag: string, name: string): number => Number(attribute(tag, name));
const openingTags = (markup: string, name: string, cls?: string): string[] =>
  [...markup.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))]
    .map((m) => m[0])
    .filter((tag) => cls === undefined || tag.includes(`class="${cls}"`));
const points = (polygon: string) =>
  attribute(polygon, 'points')
    .split(' ')
    .map((pair) => pair.split(',').map(Number));
const decode = (text: string) => text.replace(/&[a-z]+;|&#\d+;/g, '_');

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
/** Label boxes from the markup itself, with text width estimated as 0.6 × font size × characters. */
function labelBoxes(svg: string): { box: Rect; text: string; lines: string[] }[] {
  return [...svg.matchAll(/<text class="rk-chart-label"([^>]*)>(.*?)<\/text>/g)].map((m) => {
    const [attributes, body] = [m[1] ?? '', m[2] ?? ''];
    const fontSize = numberAttribute(attributes, 'font-size');
    const anchor = attribute(attributes, 'text-anchor');
    const tspans = [...body.matchAll(/<tspan x="([-\d.]+)" y="([-\d.]+)">(.*?)<\/tspan>/g)];
    const lines = tspans.map((t) => t[3] ?? '');
    const boxes = tspans.map((t) => {
      const [x, y, width] = [Number(t[1]), Number(t[2]), 0.6 * fontSize * decode(t[3] ?? '').length];
      const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
      return { left, right: left + width, top: y - fontSize, bottom: y + 0.25 * fontSize };
    });
    const box = {
      left: Math.min(...boxes.map((b) => b.left)),
      right: Math.max(...boxes.map((b) => b.right)),
      top: Math.min(...boxes.map((b) => b.top)),
      bottom: Math.max(...boxes.map((b) => b.bottom)),
    };
    return { box, text: lines.join(' '), lines };
  });
}
const intersects = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const distanceToOrigin = (r: Rect) =>
  Math.hypot(Math.min(Math.max(0, r.left), r.right), Math.min(Math.max(0, r.top), r.bottom));

function viewBox(svg: string): Rect {
  const [x = 0, y = 0, width = 0, height = 0] = attribute(openingTags(svg, 'svg')[0] ?? '', 'viewBox')
    .split(' ')
    .map(Number);
  return { left: x, top: y, right: x + width, bottom: y + height };
}

const THEMES = [
  'Randvoorwaarde: data-eigendom en hergebruik',
  'Strategie: digitale visie en ambitie vastgelegd',
  'Fundament: informatiebeveiliging en privacy',
  'Ecosysteem: samenwerking in de regio en keten',
  'Dienstverlening: inwoners centraal bij elk kanaal',
  'Fundament: architectuur en standaarden',
  'Randvoorwaarde: financiering en businesscases',
  'Strategie: sturing en portfoliomanagement',
  'Ecosysteem: leveranciersmanagement en markt',
  'Fundament: datagedreven werken en analyse',
  'Randvoorwaarde: digitale vaardigheden personeel',
  'Dienstverlening: toegankelijkheid en inclusie',
  'Strategie: innovatie en experimenteerruimte',
  'Ecosysteem: open source en hergebruik code',
  'Fundament: cloud en infrastructuur beheer',
];
/** Real theme names (38 to 49 characters), or cut to exactly 40 characters. */
const themeAxes = (n: number, isExactly40 = false): RadarAxis[] =>
  Array.from({ length: n }, (_, i) => ({
    label: isExactly40
      ? (THEMES[i % THEMES.length] ?? '').padEnd(40, '.').slice(0, 40)
      : (THEMES[i % THEMES.length] ?? ''),
    value: (i % 5) + 0.5,
    target: 4,
    previous: (i % 4) + 1,
  }));

describe('radarChart', () => {
  const axes: RadarAxis[] = [
    { label: 'Strategie', value: 5, target: 4, previous: 3 },
    { label: 'Fundament', value: 2.5, target: 4, previous: 2 },
    { label: 'Randvoorwaarden', value: 1, target: 4, previous: 1 },
    { label: 'Ecosysteem', value: 3, target: 4, previous: 2 },
  ];
  const svg = radarChart({
    title: 'Volwassenheid',
    description: 'Per pijler',
    axes,
    max: 5,
    seriesLabels,
  }).value;

  it('is one well-formed, accessible image that scales with its container', () => {
    assertWellFormed(svg);
    const root = openingTags(svg, 'svg')[0] ?? '';
    assert.equal(attribute(root, 'role'), 'img');
    assert.equal(attribute(root, 'class'), 'rk-chart');
    assert.doesNotMatch(root, /\s(width|height)=/);
    const [titleId, descId] = attribute(root, 'aria-labelledby').split(' ');
    assert.ok(svg.includes(`<title id="${titleId}">Volwassenheid</title>`));
    assert.ok(svg.includes(`<desc id="${descId}">Per pijler</desc>`));
    assert.doesNotMatch(svg, /style[=>]/, 'the CSP forbids inline styles');
  });

  it('draws one axis, one label and one vertex per series per entry, and a grid ring per level', () => {
    assert.equal(openingTags(svg, 'line', 'rk-chart-axis').length, 4);
    assert.equal(labelBoxes(svg).length, 4);
    for (const series of ['rk-chart-value', 'rk-chart-target', 'rk-chart-previous']) {
      assert.equal(points(openingTags(svg, 'polygon', series)[0] ?? '').length, 4, series);
    }
    assert.equal(openingTags(svg, 'polygon', 'rk-chart-ring').length, 5);
  });

  it('puts value = max on the outer ring straight up, and max / 2 halfway along its axis', () => {
    const [first, second] = openingTags(svg, 'line', 'rk-chart-axis').map((line) =>
      ['x1', 'y1', 'x2', 'y2'].map((name) => numberAttribute(line, name)),
    );
    const [p0, p1] = points(openingTags(svg, 'polygon', 'rk-chart-value')[0] ?? '');
    assert.deepEqual(first?.slice(0, 2), [0, 0]);
    assert.equal(first?.[2], 0, 'the first axis points straight up');
    assert.ok((first?.[3] ?? 0) < 0);
    assert.deepEqual(p0, first?.slice(2));
    assert.ok(Math.abs((p1?.[0] ?? 0) - (second?.[2] ?? 0) / 2) <= 0.01);
    assert.ok(Math.abs((p1?.[1] ?? 0) - (second?.[3] ?? 0) / 2) <= 0.01);
  });

  it('skips the vertex of a missing value instead of drawing it at zero', () => {
    const withGap = axes.map((axis, i) => (i === 2 ? { ...axis, value: null, previous: null } : axis));
    const out = radarChart({ title: 't', description: 'd', axes: withGap, max: 5, seriesLabels }).value;
    assert.equal(points(openingTags(out, 'polygon', 'rk-chart-value')[0] ?? '').length, 3);
    assert.equal(points(openingTags(out, 'polygon', 'rk-chart-previous')[0] ?? '').length, 3);
    assert.equal(points(openingTags(out, 'polygon', 'rk-chart-target')[0] ?? '').length, 4);
    assert.equal(count(out, '<circle'), 3);
  });

  it('escapes labels, title and description', () => {
    const evil = '<script>alert(1)</script>';
    const out = radarChart({
      title: evil,
      description: `"${evil}`,
      axes: axes.map((axis, i) => (i === 0 ? { ...axis, label: evil } : axis)),
      max: 5,
      seriesLabels: { ...seriesLabels, value: evil },
    }).value;
    assertWellFormed(out);
    assert.doesNotMatch(out, /<script/);
    assert.ok(out.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('names each series that is present in the legend, with a distinct line style', () => {
    const legend = /<g class="rk-chart-legend">.*<\/g>/.exec(svg)?.[0] ?? '';
    for (const name of Object.values(seriesLabels)) assert.ok(legend.includes(`>${name}</text>`), name);
    assert.equal(new Set(openingTags(legend, 'line').map((l) => l.replace(/x[12]="[^"]*"/g, ''))).size, 3);
    const valueOnly = axes.map((axis) => ({ label: axis.label, value: axis.value }));
    const out = radarChart({ title: 't', description: 'd', axes: valueOnly, max: 5, seriesLabels }).value;
    assert.ok(out.includes('>Score</text>'));
    assert.ok(!out.includes('Ambitie') && !out.includes('Vorige scan'));
  });

  it('wraps long labels onto at most 3 even lines without losing a word', () => {
    assert.deepEqual(wrapLabel('Randvoorwaarde: data-eigendom en hergebruik'), [
      'Randvoorwaarde:',
      'data-eigendom',
      'en hergebruik',
    ]);
    assert.deepEqual(wrapLabel('Strategie: sturing en portfoliomanagement'), [
      'Strategie:',
      'sturing en',
      'portfoliomanagement',
    ]);
    assert.deepEqual(wrapLabel('Fundament'), ['Fundament']);
    const long = 'een heel lang label dat echt niet in drie regels van achttien tekens past, of toch?';
    assert.ok(wrapLabel(long).length === 3 && wrapLabel(long).join(' ') === long);
    const out = radarChart({ title: 't', description: 'd', axes: themeAxes(15), max: 5, seriesLabels }).value;
    const labels = labelBoxes(out);
    assert.deepEqual(
      labels.map((label) => label.text),
      THEMES,
    );
    for (const label of labels) {
      assert.ok(label.lines.length >= 2 && label.lines.length <= 3, label.text);
      assert.ok(
        label.lines.every((line) => line.length <= 24),
        label.text,
      );
    }
  });

  const cases = [
    [3, false],
    [5, true],
    [8, false],
    [15, true],
    [15, false],
    [20, true],
  ] as const;
  for (const [n, isExactly40] of cases) {
    const length = isExactly40 ? '40' : '38 to 49';
    it(`keeps ${n} labels of ${length} characters apart, outside the circle and inside the view`, () => {
      const out = radarChart({
        title: 't',
        description: 'd',
        axes: themeAxes(n, isExactly40),
        max: 5,
        seriesLabels,
      }).value;
      assertWellFormed(out);
      const radius = -numberAttribute(openingTags(out, 'line', 'rk-chart-axis')[0] ?? '', 'y2');
      const boxes = labelBoxes(out).map((label) => label.box);
      const view = viewBox(out);
      assert.equal(boxes.length, n);
      boxes.forEach((a, i) => {
        assert.ok(distanceToOrigin(a) > radius, `label ${i} touches the circle`);
        assert.ok(a.left >= view.left && a.right <= view.right, `label ${i} sticks out sideways`);
        assert.ok(a.top >= view.top && a.bottom <= view.bottom, `label ${i} sticks out vertically`);
        boxes
          .slice(i + 1)
          .forEach((b, j) => assert.ok(!intersects(a, b), `labels ${i} and ${i + j + 1} overlap`));
      });
      const legendY = Math.min(
        ...openingTags(out, 'line')
          .slice(-3)
          .map((l) => numberAttribute(l, 'y1')),
      );
      assert.ok(
        boxes.every((b) => b.bottom < legendY - 10),
        'the legend sits below every label',
      );
    });
  }

  it('draws a bar chart instead when there are fewer than 3 axes', () => {
    const out = radarChart({
      title: 't',
      description: 'd',
      axes: axes.slice(0, 2),
      max: 5,
      seriesLabels,
    }).value;
    assertWellFormed(out);
    assert.equal(count(out, '<polygon'), 0);
    assert.equal(openingTags(out, 'rect', 'rk-chart-value').length, 2);
    assert.equal(openingTags(out, 'line', 'rk-chart-compare').length, 2);
    assert.ok(out.includes('>Ambitie</text>'));
  });
});

describe('barChart', () => {
  const rows = [
    {
      label: 'Strategie: digitale visie en ambitie vastgelegd in een raadsbesluit',
      value: 1.5,
      compare: 0.5,
    },
    { label: 'Fundament', value: -0.75, compare: 0.25 },
    { label: 'Ecosysteem', value: null, compare: 1 },
  ];
  const svg = barChart({
    title: 'Verandering per thema',
    description: 'Sinds de vorige scan',
    rows,
    min: -2,
    max: 2,
    seriesLabels: { value: 'Verandering', compare: 'Gemiddelde regio' },
    formatValue: (n) => (n > 0 ? `+${n}` : String(n)).replace('.', ','),
  }).value;
  const zeroX = numberAttribute(openingTags(svg, 'line', 'rk-chart-zero')[0] ?? '', 'x1');

  it('is one well-formed, accessible image', () => {
    assertWellFormed(svg);
    const root = openingTags(svg, 'svg')[0] ?? '';
    assert.equal(attribute(root, 'role'), 'img');
    assert.equal(attribute(root, 'aria-labelledby').split(' ').length, 2);
    assert.ok(svg.includes('>Verandering per thema</title>'));
  });

  it('grows positive bars right and negative bars left from zero, and prints each value', () => {
    const [positive, negative] = openingTags(svg, 'rect', 'rk-chart-value');
    assert.equal(numberAttribute(positive ?? '', 'x'), zeroX);
    const left = numberAttribute(negative ?? '', 'x');
    assert.ok(left < zeroX);
    assert.ok(Math.abs(left + numberAttribute(negative ?? '', 'width') - zeroX) <= 0.01);
    assert.ok(numberAttribute(positive ?? '', 'width') > 2 * numberAttribute(negative ?? '', 'width') - 0.01);
    const numbers = [...svg.matchAll(/class="rk-chart-number"[^>]*>([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(numbers, ['+1,5', '-0,75', '—']);
    const negativeText = openingTags(svg, 'text', 'rk-chart-number')[1] ?? '';
    assert.equal(attribute(negativeText, 'text-anchor'), 'end');
    assert.ok(numberAttribute(negativeText, 'x') < left);
  });

  it('draws a scale with ticks through zero and a comparison marker per row', () => {
    const ticks = [...svg.matchAll(/class="rk-chart-tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
    assert.ok(ticks.length >= 3);
    assert.ok(ticks.includes('0') && ticks.includes('-2') && ticks.includes('+2'));
    assert.equal(openingTags(svg, 'line', 'rk-chart-compare').length, 3);
  });

  it('gives every row room for its wrapped label, left of the bars', () => {
    const labels = labelBoxes(svg);
    assert.equal(labels.length, 3);
    assert.ok((labels[0]?.lines.length ?? 0) >= 2);
    const leftmostBar = Math.min(
      ...openingTags(svg, 'rect', 'rk-chart-value').map((r) => numberAttribute(r, 'x')),
    );
    const leftmostText = Math.min(
      ...openingTags(svg, 'text', 'rk-chart-number').map((t) => numberAttribute(t, 'x') - 6 * 0.6 * 13),
    );
    labels.forEach((a, i) => {
      assert.ok(a.box.right < Math.min(leftmostBar, leftmostText), `label ${i} runs into the bars`);
      labels.slice(i + 1).forEach((b) => assert.ok(!intersects(a.box, b.box), 'labels overlap'));
    });
  });

  it('names both series in the legend, and only the value when nothing is compared', () => {
    assert.ok(svg.includes('>Verandering</text>') && svg.includes('>Gemiddelde regio</text>'));
    const out = barChart({
      title: 't',
      description: 'd',
      rows: [{ label: 'a', value: 2 }],
      max: 5,
      seriesLabels: { value: 'Score', compare: 'Ambitie' },
    }).value;
    assert.ok(out.includes('>Score</text>') && !out.includes('Ambitie'));
    assert.equal(
      numberAttribute(openingTags(out, 'rect', 'rk-chart-value')[0] ?? '', 'x'),
      zeroX - zeroX + numberAttribute(openingTags(out, 'line', 'rk-chart-zero')[0] ?? '', 'x1'),
    );
  });
});

describe('a change chart scaled to its data', () => {
  it('fits a symmetric scale to the largest change, at least half full, never past the limit', () => {
    const table: [(number | null)[], number][] = [
      [[0.3, -0.1, null], 0.5],
      [[0.25, -0.2], 0.25],
      [[-0.55, 0.1], 1],
      [[1.2], 2],
      [[3.9, -0.5], 4],
      [[0, null], 0.1],
    ];
    for (const [values, extent] of table) assert.equal(symmetricExtent(values, 4), extent, values.join(' '));
  });

  it('shows changes under 1 as visible bars, on ticks at half the scale either way', () => {
    const extent = symmetricExtent([0.3, -0.15], 4);
    const svg = barChart({
      title: 'Verandering',
      description: 'Sinds de vorige scan',
      rows: [
        { label: 'Strategie', value: 0.3 },
        { label: 'Fundament', value: -0.15 },
      ],
      min: -extent,
      max: extent,
      tickStep: extent / 2,
      seriesLabels: { value: 'Verandering', compare: 'Vorige' },
      formatValue: (n) => (n > 0 ? `+${n}` : String(n)).replace('.', ','),
    }).value;
    const widths = openingTags(svg, 'rect', 'rk-chart-value').map((tag) => numberAttribute(tag, 'width'));
    assert.ok(
      widths.every((w) => w >= 50),
      `bars ${widths.join(', ')} px wide in a 420 px plot`,
    );
    const ticks = [...svg.matchAll(/class="rk-chart-tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(ticks, ['-0,5', '-0,25', '0', '+0,25', '+0,5']);
  });
});

describe('dataTable', () => {
  const markup = dataTable({
    caption: 'Scores per <thema>',
    rowHeaderLabel: 'Thema',
    columns: [{ label: 'Score', numeric: true }, { label: 'Toelichting' }],
    rows: [
      { header: 'Strategie & visie', cells: [3.456, 'goed'] },
      { header: 'Fundament', cells: [null, null] },
    ],
    emptyLabel: 'geen waarde',
  }).value;

  it('has a caption, column and row headers, and right-aligned numbers', () => {
    assertWellFormed(markup);
    const table = markup.replace(/>\s+/g, '>').replace(/\s+</g, '<');
    assert.ok(table.includes('class="utrecht-table utrecht-table--html-table"'));
    assert.ok(table.includes('>Scores per &lt;thema&gt;</caption>'));
    assert.equal(count(table, '<th scope="col"'), 3);
    assert.equal(count(table, '<th scope="row"'), 2);
    assert.ok(table.includes('>Strategie &amp; visie</th>'));
    assert.equal(count(table, 'rk-number'), 3, 'the numeric header and both numeric cells');
    assert.ok(table.includes('rk-number">3.46</td>'));
    assert.ok(table.includes('<th scope="col" class="utrecht-table__header-cell">Thema</th>'));
  });

  it('lines the columns up with the cells, leaving the corner empty without a row header label', () => {
    const plain = dataTable({
      caption: 'c',
      columns: [{ label: 'a', numeric: true }],
      rows: [{ header: 'x', cells: [1] }],
    }).value.replace(/>\s+/g, '>');
    assert.ok(
      plain.includes(
        '<td class="utrecht-table__header-cell"></td><th scope="col" class="utrecht-table__header-cell rk-number">a</th>',
      ),
    );
    assert.ok(
      plain.includes(
        '<th scope="row" class="utrecht-table__header-cell">x</th><td class="utrecht-table__cell rk-number">1',
      ),
    );
  });

  it('keeps a caption for screen readers only when the heading above already names the table', () => {
    const hidden = dataTable({
      caption: 'Scores per pijler',
      isCaptionHidden: true,
      columns: [],
      rows: [],
    }).value;
    assert.match(hidden, /<caption class="utrecht-table__caption rk-visually-hidden">\s*Scores per pijler/);
    const shown = dataTable({ caption: 'Scores per pijler', columns: [], rows: [] }).value;
    assert.match(shown, /<caption class="utrecht-table__caption">/);
  });

  it('shows a missing value as an em dash that screen readers read as the empty label', () => {
    const table = markup.replace(/>\s+/g, '>').replace(/\s+</g, '<');
    assert.equal(
      count(table, '<span aria-hidden="true">—</span><span class="rk-visually-hidden">geen waarde</span>'),
      2,
    );
    const plain = dataTable({
      caption: 'c',
      columns: [{ label: 'b' }],
      rows: [{ header: 'x', cells: [null] }],
    });
    assert.match(plain.value, />\s*—\s*<\/td>/);
  });
});
