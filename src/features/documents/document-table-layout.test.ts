import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { columnWidths, estimatedWidthPt } from './document-table-layout.ts';
import type { DocumentTable } from './document.model.ts';

/** Column widths against long Dutch headings, the way the DOCX and ODT measure them (10 pt Arial). */
const measure = (text: string, bold: boolean) => estimatedWidthPt(text, 10, bold);
const PADDING = 9;
const longestWord = (text: string) => Math.max(...text.split(/\s+/).map((w) => measure(w, true)));

function scores(rows: number): DocumentTable {
  return {
    kind: 'table',
    caption: 'Scores per thema',
    hasRowHeaders: true,
    columns: [
      { label: 'Thema' },
      { label: 'Huidig niveau', isNumeric: true },
      { label: 'Doelniveau', isNumeric: true },
      { label: 'Verschil met doel', isNumeric: true },
      { label: 'Beantwoord', isNumeric: true },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      `Digitalisering als middel voor maatschappelijke opgaven en de informatievoorziening ${i}`,
      '2,43',
      '3,86',
      '1,43',
      '7/8',
    ]),
  };
}

const actions: DocumentTable = {
  kind: 'table',
  caption: 'Acties',
  hasRowHeaders: true,
  columns: [
    { label: 'Actie' },
    { label: 'Maatschappelijke opgaven' },
    { label: 'Eigenaar' },
    { label: 'Periode' },
    { label: 'Budget (incidenteel)', isNumeric: true },
    { label: 'Status' },
  ],
  rows: [
    [
      'Stel een evaluatiemethode op met effectindicatoren per opgave',
      'Energietransitie en duurzame energie, Mobiliteitstransitie en slimme mobiliteit',
      'Informatievoorziening en digitaliseringsstrategie',
      'K1 2029 – K2 2029',
      '€ 125.000 (incidenteel)',
      'Gepauzeerd',
    ],
  ],
};

describe('table column widths', () => {
  it('never makes a column narrower than its longest heading word, and fills the width exactly', () => {
    const headings = (t: DocumentTable) => t.columns.reduce((n, c) => n + longestWord(c.label) + PADDING, 0);
    for (const [table, total] of [
      [scores(8), 453],
      [actions, 453],
      [actions, headings(actions) + 10],
    ] as const) {
      const widths = columnWidths(table, total, measure, PADDING);
      assert.ok(Math.abs(widths.reduce((a, b) => a + b, 0) - total) < 1e-6, 'the text width, no more');
      table.columns.forEach((c, i) =>
        assert.ok((widths[i] ?? 0) >= longestWord(c.label) + PADDING - 1e-6, `${c.label} at ${total} pt`),
      );
    }
  });

  it('gives the number columns what their headings need and the rest to the text', () => {
    const widths = columnWidths(scores(8), 453, measure, PADDING);
    const [theme = 0, ...numbers] = widths;
    for (const w of numbers) assert.ok(w < theme, 'a number column is narrower than the theme column');
    assert.ok(theme > 453 / 3, `the theme column takes the room (${theme.toFixed(0)} pt)`);
  });

  it('keeps a long content word whole while the headings leave room, and lets it break when they do not', () => {
    const roomy = columnWidths(actions, 700, measure, PADDING);
    assert.ok((roomy[2] ?? 0) >= measure('Informatievoorziening', false) + PADDING - 1e-6);
    const tight = actions.columns.reduce((n, c) => n + longestWord(c.label) + PADDING, 0) + 10;
    const narrow = columnWidths(actions, tight, measure, PADDING);
    assert.ok((narrow[2] ?? 0) < measure('Informatievoorziening', false) + PADDING, 'the word breaks');
    actions.columns.forEach((c, i) => assert.ok((narrow[i] ?? 0) >= longestWord(c.label) + PADDING - 1e-6));
  });

  it('shares the width in proportion to the headings when even they do not fit', () => {
    const widths = columnWidths(actions, 150, measure, PADDING);
    assert.ok(Math.abs(widths.reduce((a, b) => a + b, 0) - 150) < 1e-6);
  });

  it('estimates Arial generously: never narrower than Helvetica’s metrics (which Arial shares) measure', () => {
    const doc = new PDFDocument();
    const words = [
      'Doelniveau',
      'Beantwoord',
      '(incidenteel)',
      'Maatschappelijke',
      'Verschil',
      'WMO-werkwijze',
    ];
    for (const word of words)
      for (const bold of [false, true]) {
        const real = doc
          .font(bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(10)
          .widthOfString(word);
        assert.ok(estimatedWidthPt(word, 10, bold) >= real, `${word}${bold ? ' bold' : ''}: ${real}`);
      }
  });
});
