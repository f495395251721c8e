import { radarChart } from '../../core/render/charts.ts';
import type { DocumentModel, DocumentSection } from './document.model.ts';
import { formatEuros } from '../../core/i18n/i18n.ts';

/**
 * A generated document of realistic shape and size (a radar chart, a table of N actions that spans
 * pages), for the renderer tests and the bench when no strategy exists in the database.
 */
const pillars = ['Strategie', 'Fundament', 'Randvoorwaarden', 'Ecosysteem'];
const statuses = ['Gepland', 'Loopt', 'Afgerond', 'Gepauzeerd'];

export function sampleRadarSvg(): string {
  const svg = radarChart({
    title: 'Volwassenheid per thema',
    description: 'Huidig niveau en doelniveau per thema, op een schaal van 1 tot 5.',
    axes: Array.from({ length: 8 }, (_, i) => ({
      label: `Thema ${i + 1}`,
      value: 1 + ((i * 7) % 9) / 2.5,
      target: 3 + (i % 3) * 0.5,
    })),
    max: 5,
    seriesLabels: { value: 'Huidig', target: 'Doel', previous: 'Vorige' },
  });
  return String(svg);
}

function actionsSection(actions: number): DocumentSection {
  return {
    heading: 'Acties per pijler',
    blocks: pillars.flatMap((pillar, p) => [
      { kind: 'heading' as const, level: 2 as const, text: pillar },
      {
        kind: 'table' as const,
        caption: `Acties in de pijler ${pillar}`,
        hasRowHeaders: true,
        columns: [
          { label: 'Actie' },
          { label: 'Maatschappelijke opgaven' },
          { label: 'Eigenaar' },
          { label: 'Periode' },
          { label: 'Budget', isNumeric: true },
          { label: 'Status' },
        ],
        rows: Array.from({ length: Math.ceil(actions / pillars.length) }, (_, i) => [
          `Actie ${p + 1}.${i + 1}: stel een dataregister op van de tien belangrijkste bronnen`,
          i % 2 ? 'Wonen, Energietransitie' : 'Sociaal domein',
          'Team Informatievoorziening',
          `K${(i % 4) + 1} 2026 – K${((i + 2) % 4) + 1} 2027`,
          formatEuros('nl', (25_000 + i * 1_250) * 100, { cents: false }),
          statuses[i % statuses.length] ?? '',
        ]),
      },
    ]),
  };
}

export function sampleDocument(options: { actions?: number; withImage?: boolean } = {}): DocumentModel {
  const actions = options.actions ?? 12;
  return {
    locale: 'nl',
    title: 'Digitaliseringsstrategie 2026–2030',
    subject: 'Digitaliseringsstrategie van Gemeente Voorbeeld',
    organisation: 'Gemeente Voorbeeld',
    titlePage: {
      subtitle: 'Samen digitaal, voor iedereen',
      facts: [
        { label: 'Periode', value: '2026–2030' },
        { label: 'Datum', value: '28 november 2026' },
        { label: 'Versie', value: '1' },
      ],
    },
    pageLabel: { page: 'Pagina', of: 'van' },
    versionLabel: 'versie 1',
    contentsLabel: 'Inhoud',
    sections: [
      {
        heading: 'Samenvatting',
        blocks: [
          {
            kind: 'paragraph',
            text: 'Deze strategie beschrijft hoe de gemeente digitalisering inzet voor haar opgaven.',
          },
          { kind: 'list', items: ['Eerst de opgave, dan de techniek', 'Geen leveranciersafhankelijkheid'] },
          { kind: 'facts', items: [{ label: 'Totaal budget', value: '€ 1.250.000' }] },
        ],
      },
      ...(options.withImage === false
        ? []
        : [
            {
              heading: 'Resultaten van de zelfscan',
              blocks: [
                {
                  kind: 'image' as const,
                  svg: sampleRadarSvg(),
                  pixelWidth: 1200,
                  alt: 'Radardiagram: huidig niveau en doelniveau per thema.',
                  caption: 'Figuur 1. Volwassenheid per thema',
                  widthCm: 14,
                },
              ],
            },
          ]),
      actionsSection(actions),
      {
        heading: 'Verantwoording',
        startsOnNewPage: true,
        blocks: [{ kind: 'facts', items: [{ label: 'Versie van het kader', value: '2026.1' }] }],
      },
    ],
  };
}
