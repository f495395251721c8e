import { formatDate } from '../../core/i18n/i18n.ts';
import { roadmapPrintPages, type RoadmapInput, type RoadmapPrintPage } from '../roadmap/index.ts';
import {
  textAreaCm,
  type DocumentBlock,
  type DocumentImage,
  type DocumentSection,
  type DocumentTimeline,
  type PageSetup,
} from './document.model.ts';
import { documentsMessage } from './documents.messages.ts';

/**
 * The roadmap in the strategy document: a landscape section of its own, A4 when the whole roadmap
 * fits one A4 page with its text at 8 pt or more, otherwise A3 with the roadmap split by pillar (and
 * a pillar too long for one page in parts); after the figures the same actions as text, per pillar.
 */
const PT_PER_CM = 72 / 2.54;
/** Room kept on each page for the section heading and the caption. */
const RESERVED_CM = 2.8;
/**
 * Print resolution of the PNG in the DOCX and the ODT (the PDF draws the pages as vectors): 8 pt text
 * is about 17 pixels high, readable on paper, and an A3 page stays near three megapixels.
 */
const DPI = 150;

export interface RoadmapImage {
  svg: string;
  pixelWidth: number;
  widthCm: number;
  heightCm: number;
  pillarTitles: string[];
  part?: { index: number; of: number };
  actions: number;
}

export interface RoadmapPrint {
  page: PageSetup;
  images: RoadmapImage[];
  input: RoadmapInput;
}

function pagesOn(input: RoadmapInput, page: PageSetup): RoadmapPrintPage[] {
  const area = textAreaCm(page);
  return roadmapPrintPages(input, {
    widthPt: area.width * PT_PER_CM,
    heightPt: (area.height - RESERVED_CM) * PT_PER_CM,
  });
}

/** The roadmap's pages for print, as SVG drawings the size of the page's text area (or less). */
export function roadmapForPrint(input: RoadmapInput): RoadmapPrint {
  const a4: PageSetup = { size: 'A4', orientation: 'landscape' };
  const onA4 = pagesOn(input, a4);
  const page: PageSetup = onA4.length === 1 ? a4 : { size: 'A3', orientation: 'landscape' };
  const pages = page === a4 ? onA4 : pagesOn(input, page);
  return {
    page,
    input,
    images: pages.map((p) => {
      const widthCm = p.widthPt / PT_PER_CM;
      return {
        svg: p.svg,
        pixelWidth: Math.round((widthCm / 2.54) * DPI),
        widthCm,
        heightCm: p.heightPt / PT_PER_CM,
        pillarTitles: p.pillarTitles,
        ...(p.part ? { part: p.part } : {}),
        actions: p.input.actions.length,
      };
    }),
  };
}

function textVersion(roadmap: RoadmapPrint): DocumentBlock[] {
  const { input } = roadmap;
  const t = documentsMessage.for(input.locale);
  const titles = new Map(input.actions.map((a) => [a.id, a.title]));
  const quarter = (q: { quarter: number; year: number }) => t('quarter', q);
  const date = (iso: string) => formatDate(input.locale, new Date(`${iso}T12:00:00Z`));
  return [
    { kind: 'heading', level: 2, text: t('roadmap.text') },
    ...input.pillars.flatMap((pillar): DocumentBlock[] => {
      const actions = input.actions.filter((a) => a.pillar === pillar.id);
      if (actions.length === 0)
        return [
          { kind: 'heading', level: 3, text: pillar.title },
          { kind: 'paragraph', text: t('roadmap.textNone') },
        ];
      return [
        { kind: 'heading', level: 3, text: pillar.title },
        {
          kind: 'table',
          caption: t('roadmap.textCaption', { pillar: pillar.title }),
          hasRowHeaders: true,
          columns: [
            { label: t('col.action') },
            { label: t('col.period') },
            { label: t('col.status') },
            { label: t('col.progress'), isNumeric: true },
            { label: t('col.milestones') },
            { label: t('col.dependsOn') },
          ],
          rows: actions.map((a) => [
            a.title,
            `${quarter(a.start)} – ${quarter(a.end)}`,
            t(`actionStatus.${a.status}`),
            `${a.progress}%`,
            a.milestones
              .map((m) =>
                t(m.isDone ? 'milestone.done' : 'milestone.open', { date: date(m.date), title: m.title }),
              )
              .join('; '),
            a.dependsOn.flatMap((id) => titles.get(id) ?? []).join('; '),
          ]),
        },
      ];
    }),
  ];
}

/** The quarter's number counted from the first quarter of the roadmap's first year. */
const quarterIndex = (input: RoadmapInput, q: { quarter: number; year: number }) =>
  (q.year - input.startYear) * 4 + q.quarter - 1;

/** The actions per pillar over the quarters, for the formats that set the roadmap as a table. */
function timeline(input: RoadmapInput, pages: DocumentImage[]): DocumentTimeline {
  const t = documentsMessage.for(input.locale);
  const years = Array.from({ length: input.endYear - input.startYear + 1 }, (_, i) => input.startYear + i);
  return {
    kind: 'timeline',
    caption: t('roadmap.tableCaption', { start: input.startYear, end: input.endYear }),
    columns: { action: t('col.action'), status: t('col.status') },
    years: years.map((year) => ({
      label: String(year),
      quarters: [1, 2, 3, 4].map((quarter) => t('quarterShort', { quarter })),
    })),
    groups: input.pillars.flatMap((pillar) => {
      const actions = input.actions.filter((a) => a.pillar === pillar.id);
      if (actions.length === 0) return [];
      return [
        {
          title: pillar.title,
          rows: actions.map((a) => ({
            label: a.title,
            status: t(`actionStatus.${a.status}`),
            from: quarterIndex(input, a.start),
            to: quarterIndex(input, a.end),
            milestones: a.milestones.map((m) => {
              const [year = 0, month = 1] = m.date.split('-').map(Number);
              return quarterIndex(input, { year, quarter: Math.ceil(month / 3) });
            }),
          })),
        },
      ];
    }),
    legend: t('roadmap.legend'),
    pages,
  };
}

export function roadmapSection(roadmap: RoadmapPrint, heading: string): DocumentSection {
  const { input } = roadmap;
  const t = documentsMessage.for(input.locale);
  const images = roadmap.images.map((image): DocumentImage => {
    const pillars = image.pillarTitles.join(', ');
    return {
      kind: 'image',
      svg: image.svg,
      pixelWidth: image.pixelWidth,
      alt: t('roadmap.pageAlt', {
        pillars,
        actions: image.actions,
        start: input.startYear,
        end: input.endYear,
      }),
      caption: image.part
        ? t('roadmap.pageCaptionPart', { pillars, index: image.part.index, of: image.part.of })
        : t('roadmap.pageCaption', { pillars }),
      widthCm: image.widthCm,
    };
  });
  return { heading, page: roadmap.page, blocks: [timeline(input, images), ...textVersion(roadmap)] };
}
